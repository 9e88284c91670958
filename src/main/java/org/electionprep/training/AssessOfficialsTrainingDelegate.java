package org.electionprep.training;

import static org.electionprep.shared.process.CountyReadiness.OFFICIALS_TRAINED;
import static org.electionprep.shared.process.CountyReadiness.UNTRAINED_SUMMARY;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.electionprep.engine.ProcessActions;
import org.electionprep.identity.Official;
import org.springframework.stereotype.Component;

/** Tells the county process whether all its officials are trained, and lists those who are not. */
@Component
public class AssessOfficialsTrainingDelegate implements JavaDelegate {

    private final OfficialsTraining training;
    private final ProcessActions actions;

    public AssessOfficialsTrainingDelegate(OfficialsTraining training, ProcessActions actions) {
        this.training = training;
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<Official> untrained = training.untrained(execution.getProcessBusinessKey());
        OFFICIALS_TRAINED.set(execution, untrained.isEmpty());
        UNTRAINED_SUMMARY.set(execution, OfficialsTraining.describe(untrained));
    }
}
