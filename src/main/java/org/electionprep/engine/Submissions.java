package org.electionprep.engine;

import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.electionprep.shared.RejectedSubmissionException;

/**
 * Turns a refused task submission into the engine's form-validation error, which Tasklist shows beside the form
 * and the REST API answers with 400 instead of 500.
 */
public final class Submissions {

    private Submissions() {
    }

    public static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    public static <T> T call(Supplier<T> work) {
        try {
            return work.get();
        } catch (RejectedSubmissionException e) {
            throw new FormFieldValidationException("submission", e.getMessage());
        }
    }

    public static String text(Object value) {
        return value == null ? null : value.toString();
    }

    public static boolean flag(Object value) {
        return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
    }

    /** A record id as a variable or a submission carries it (a number, or its text). */
    public static long identifier(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            throw new RejectedSubmissionException("شناسه «" + value + "» درست نیست");
        }
    }

    public static Integer number(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Number n) {
            return n.intValue();
        }
        try {
            return Integer.valueOf(org.electionprep.shared.PersianText.normalize(value.toString()));
        } catch (NumberFormatException e) {
            throw new FormFieldValidationException("number", "«" + value + "» عدد نیست");
        }
    }
}
