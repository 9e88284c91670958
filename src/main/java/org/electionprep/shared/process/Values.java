package org.electionprep.shared.process;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.electionprep.shared.PersianText;
import org.electionprep.shared.RejectedSubmissionException;
import org.electionprep.shared.Texts;

/** How the values forms and REST clients send are read: the conversions behind {@link Var}. */
public final class Values {

    private Values() {
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
            throw new RejectedSubmissionException(Texts.get("values.identifier-invalid", value));
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
            return Integer.valueOf(PersianText.normalize(value.toString()));
        } catch (NumberFormatException e) {
            throw new FormFieldValidationException("number", Texts.get("values.not-a-number", value));
        }
    }

    /**
     * Codes as a form's checklist gives them (a list, or its JSON text) or a REST client (comma-separated), each
     * once, in their order.
     */
    public static List<String> codes(Object value) {
        Collection<?> items;
        if (value == null) {
            items = List.of();
        } else if (value instanceof Collection<?> c) {
            items = c;
        } else {
            // A checklist submitted from Tasklist arrives as JSON text; REST clients may send "ahvaz,karun".
            String text = value.toString().replaceAll("[\\[\\]\"\\s]", "");
            items = text.isEmpty() ? List.of() : List.of(text.split(","));
        }
        Set<String> codes = new LinkedHashSet<>();
        for (Object item : items) {
            String code = String.valueOf(item).replace("\"", "").strip();
            if (!code.isEmpty()) {
                codes.add(code);
            }
        }
        return new ArrayList<>(codes);
    }
}
