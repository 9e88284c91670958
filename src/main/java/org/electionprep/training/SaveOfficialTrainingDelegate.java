package org.electionprep.training;

import static org.electionprep.shared.process.CountyReadiness.ATTENDED;
import static org.electionprep.shared.process.CountyReadiness.EXERCISE_PASSED;
import static org.electionprep.shared.process.CountyReadiness.EXERCISE_SCORE;
import static org.electionprep.shared.process.CountyReadiness.OFFICIAL;
import static org.electionprep.shared.process.StationReadiness.TRAINING_NOTES;

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
                OFFICIAL.from(execution), ATTENDED.from(execution),
                EXERCISE_SCORE.from(execution), EXERCISE_PASSED.from(execution),
                TRAINING_NOTES.from(execution), actions.of(execution)));
    }
}
