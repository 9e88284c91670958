package org.electionprep.people;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The problems found while checking a file of people, row by row; the file is refused whole if there is any. */
final class RowProblems {

    private final List<RejectedRows.Problem> problems = new ArrayList<>();

    void add(long line, String field, String reason) {
        problems.add(new RejectedRows.Problem(line, field, reason));
    }

    /** The parsed value, or null with the rule's reason recorded against the row's field. */
    <T> T parse(long line, String field, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidValue e) {
            add(line, field, e.reason());
            return null;
        }
    }

    int size() {
        return problems.size();
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new RejectedRows(problems);
        }
    }
}
