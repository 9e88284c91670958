package org.electionprep.readiness;

import static org.electionprep.shared.process.CountyReadiness.DECLARATION_NOTE;
import static org.electionprep.shared.process.CountyReadiness.READINESS_CONFIRMED;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.electionprep.engine.ProcessActions;
import org.electionprep.engine.Submissions;
import org.springframework.stereotype.Component;

/** Records the governor's signed declaration that the county is ready. */
@Component
public class RecordCountyDeclarationDelegate implements JavaDelegate {

    private final Declarations declarations;
    private final ProcessActions actions;

    public RecordCountyDeclarationDelegate(Declarations declarations, ProcessActions actions) {
        this.declarations = declarations;
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Submissions.run(() -> declarations.declareCounty(execution.getProcessBusinessKey(),
                READINESS_CONFIRMED.from(execution), DECLARATION_NOTE.from(execution),
                actions.of(execution)));
    }
}
