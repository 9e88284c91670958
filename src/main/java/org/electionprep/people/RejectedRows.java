package org.electionprep.people;

import java.util.List;

/** A file of people with bad rows: nothing of it was written. The answer names line and field, never the person. */
public class RejectedRows extends RuntimeException {

    /** A refused row: its line, the field and why. */
    public record Problem(long line, String field, String reason) {
    }

    private final transient List<Problem> problems;

    RejectedRows(List<Problem> problems) {
        super(problems.size() + " rows refused");
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
