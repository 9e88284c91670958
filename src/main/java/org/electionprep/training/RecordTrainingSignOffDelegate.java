package org.electionprep.training;

import static org.electionprep.engine.Submissions.flag;
import static org.electionprep.engine.Submissions.text;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.electionprep.engine.ProcessActions;
import org.electionprep.engine.Submissions;
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
        String result = text(execution.getVariable("drillResult"));
        if (!"passed".equals(result) && !"failed".equals(result)) {
            throw new FormFieldValidationException("drillResult", "نتیجه مانور را انتخاب کنید: قبول یا مردود");
        }
        boolean passed = "passed".equals(result);
        Submissions.run(() -> training.recordSignOff(ProcessActions.stationCode(execution),
                text(execution.getVariable("operatorNames")), flag(execution.getVariable("trainingCompleted")), passed,
                text(execution.getVariable("trainingNotes")), actions.of(execution)));
        execution.setVariable("drillPassed", passed);
        // Retraining starts from a blank result; the operators' names stay filled in.
        execution.removeVariables(List.of("trainingCompleted", "drillResult", "trainingNotes"));
    }
}
