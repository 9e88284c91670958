package org.electionprep.training;

import static org.electionprep.engine.Submissions.flag;
import static org.electionprep.engine.Submissions.number;
import static org.electionprep.engine.Submissions.text;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.electionprep.engine.ProcessActions;
import org.electionprep.engine.Submissions;
import org.springframework.stereotype.Component;

/** Records one official's attendance and practical exercise, as the trainer entered them. */
@Component
public class SaveOfficialTrainingDelegate implements JavaDelegate {

    private final OfficialsTraining training;
    private final ProcessActions actions;

    public SaveOfficialTrainingDelegate(OfficialsTraining training, ProcessActions actions) {
        this.training = training;
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Submissions.run(() -> training.record(execution.getProcessBusinessKey(),
                (String) execution.getVariable("official"), flag(execution.getVariable("attended")),
                number(execution.getVariable("exerciseScore")), flag(execution.getVariable("exercisePassed")),
                text(execution.getVariable("trainingNotes")), actions.of(execution)));
    }
}
