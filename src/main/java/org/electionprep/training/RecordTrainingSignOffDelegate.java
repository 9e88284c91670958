package org.electionprep.training;

import static org.electionprep.shared.process.StationReadiness.DRILL_PASSED;
import static org.electionprep.shared.process.StationReadiness.DRILL_RESULT;
import static org.electionprep.shared.process.StationReadiness.OPERATOR_NAMES;
import static org.electionprep.shared.process.StationReadiness.TRAINING_COMPLETED;
import static org.electionprep.shared.process.StationReadiness.TRAINING_NOTES;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.electionprep.engine.ProcessActions;
import org.electionprep.engine.Submissions;
import org.electionprep.shared.Texts;
import org.electionprep.shared.process.Var;
import org.springframework.stereotype.Component;

/** Records the training sign-off; a failed drill sends the station's operators back to retraining. */
@Component
public class RecordTrainingSignOffDelegate implements JavaDelegate {

    private final TrainingService training;
    private final ProcessActions actions;

    public RecordTrainingSignOffDelegate(TrainingService training, ProcessActions actions) {
        this.training = training;
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String result = DRILL_RESULT.from(execution);
        if (!"passed".equals(result) && !"failed".equals(result)) {
            throw new FormFieldValidationException(DRILL_RESULT.name(), Texts.get("training.drill-result-required"));
        }
        boolean passed = "passed".equals(result);
        Submissions.run(() -> training.recordSignOff(ProcessActions.stationCode(execution),
                OPERATOR_NAMES.from(execution), TRAINING_COMPLETED.from(execution), passed,
                TRAINING_NOTES.from(execution), actions.of(execution)));
        DRILL_PASSED.set(execution, passed);
        // Retraining starts from a blank result; the operators' names stay filled in.
        Var.remove(execution, TRAINING_COMPLETED, DRILL_RESULT, TRAINING_NOTES);
    }
}
