package org.electionprep.readiness;

import static org.electionprep.shared.process.CountyReadiness.READINESS_SUMMARY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.electionprep.engine.ProcessActions;
import org.springframework.stereotype.Component;

/** Puts where the county stands on the governor's declaration form. */
@Component
public class SummarizeCountyReadinessDelegate implements JavaDelegate {

    private final Declarations declarations;
    private final ProcessActions actions;

    public SummarizeCountyReadinessDelegate(Declarations declarations, ProcessActions actions) {
        this.declarations = declarations;
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        READINESS_SUMMARY.set(execution, declarations.summary(execution.getProcessBusinessKey()));
    }
}
