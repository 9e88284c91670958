package org.electionprep.county;

import static org.electionprep.shared.process.CountyReadiness.DATABASE_CONFIRMED;
import static org.electionprep.shared.process.CountyReadiness.FINALIZATION_NOTES;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.electionprep.engine.ProcessActions;
import org.electionprep.engine.Submissions;
import org.springframework.stereotype.Component;

/** Records the governor's finalization of the county's station database and releases the waiting station pipelines. */
@Component
public class FinalizeCountyDelegate implements JavaDelegate {

    private final CountyFinalization finalization;
    private final ProcessActions actions;

    public FinalizeCountyDelegate(CountyFinalization finalization, ProcessActions actions) {
        this.finalization = finalization;
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Submissions.run(() -> finalization.finalizeCounty(execution.getProcessBusinessKey(),
                DATABASE_CONFIRMED.from(execution), FINALIZATION_NOTES.from(execution),
                actions.of(execution)));
    }
}
