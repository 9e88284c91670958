package org.electionprep.training;

import static org.electionprep.shared.process.CountyReadiness.ATTENDED;
import static org.electionprep.shared.process.CountyReadiness.EXERCISE_PASSED;
import static org.electionprep.shared.process.CountyReadiness.EXERCISE_SCORE;
import static org.electionprep.shared.process.CountyReadiness.OFFICIAL;
import static org.electionprep.shared.process.CountyReadiness.OFFICIAL_NAME;
import static org.electionprep.shared.process.CountyReadiness.OFFICIAL_ROLE_NAME;
import static org.electionprep.shared.process.StationReadiness.TRAINING_NOTES;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.electionprep.shared.process.Var;
import org.springframework.stereotype.Component;

/**
 * Opens one official's training record in its own scope: the trainer's answers for each official stay apart, so the
 * trainer can work through the officials in any order and side by side.
 */
@Component
public class PrepareOfficialTrainingDelegate implements JavaDelegate {

    private final OfficialsTraining training;

    public PrepareOfficialTrainingDelegate(OfficialsTraining training) {
        this.training = training;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String county = execution.getProcessBusinessKey();
        String official = OFFICIAL.from(execution);
        OFFICIAL_NAME.setLocal(execution, training.officialName(county, official));
        OFFICIAL_ROLE_NAME.setLocal(execution, training.roleName(county, official));
        Var.clearLocal(execution, ATTENDED, EXERCISE_SCORE, EXERCISE_PASSED, TRAINING_NOTES);
    }
}
