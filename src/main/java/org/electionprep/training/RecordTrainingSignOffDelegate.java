package org.electionprep.training;

import static org.electionprep.engine.Submissions.flag;
import static org.electionprep.engine.Submissions.text;

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

    public RecordTrainingSignOffDelegate(TrainingService training) {
        this.training = training;
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
                ProcessActions.of(execution)));
        execution.setVariable("drillPassed", passed);
    }
}
