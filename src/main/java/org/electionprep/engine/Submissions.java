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
}
