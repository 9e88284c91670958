package org.electionprep.assistance;

import static org.electionprep.shared.process.CountyReadiness.ASSISTANCE_DETAILS;
import static org.electionprep.shared.process.CountyReadiness.ASSISTANCE_KIND;
import static org.electionprep.shared.process.CountyReadiness.NEIGHBOUR_COUNTY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.electionprep.engine.ProcessActions;
import org.electionprep.engine.Submissions;
import org.electionprep.shared.process.Var;
import org.springframework.stereotype.Component;

/** Sends the governor's request for help to the neighbouring county's process. */
@Component
public class SendAssistanceRequestDelegate implements JavaDelegate {

    private final AssistanceService assistance;
    private final ProcessActions actions;

    public SendAssistanceRequestDelegate(AssistanceService assistance, ProcessActions actions) {
        this.assistance = assistance;
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Submissions.run(() -> assistance.request(execution.getProcessBusinessKey(),
                NEIGHBOUR_COUNTY.from(execution), ASSISTANCE_KIND.from(execution),
                ASSISTANCE_DETAILS.from(execution), actions.of(execution)));
        // The next request starts from a blank form.
        Var.remove(execution, NEIGHBOUR_COUNTY, ASSISTANCE_KIND, ASSISTANCE_DETAILS);
    }
}
