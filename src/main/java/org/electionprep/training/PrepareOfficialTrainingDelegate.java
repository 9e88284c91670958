package org.electionprep.training;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
        String official = (String) execution.getVariable("official");
        execution.setVariableLocal("officialName", training.officialName(county, official));
        execution.setVariableLocal("officialRoleName", training.roleName(county, official));
        for (String answer : new String[] {"attended", "exerciseScore", "exercisePassed", "trainingNotes"}) {
            execution.setVariableLocal(answer, null);
        }
    }
}
