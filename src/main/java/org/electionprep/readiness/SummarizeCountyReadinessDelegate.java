package org.electionprep.readiness;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.electionprep.engine.ProcessActions;
import org.electionprep.engine.Submissions;
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
        execution.setVariable("readinessSummary", declarations.summary(execution.getProcessBusinessKey()));
    }
}
