package org.electionprep.assistance;

import static org.electionprep.shared.process.CountyReadiness.ASSISTANCE_ANSWER;
import static org.electionprep.shared.process.CountyReadiness.ASSISTANCE_DETAILS;
import static org.electionprep.shared.process.CountyReadiness.ASSISTANCE_KIND_NAME;
import static org.electionprep.shared.process.CountyReadiness.ASSISTANCE_REQUEST_ID;
import static org.electionprep.shared.process.CountyReadiness.DECLINE_REASON;
import static org.electionprep.shared.process.CountyReadiness.HELPER_GROUP;
import static org.electionprep.shared.process.CountyReadiness.HELPER_NAME;
import static org.electionprep.shared.process.CountyReadiness.HELP_DATE;
import static org.electionprep.shared.process.CountyReadiness.REQUESTING_COUNTY_NAME;
import static org.electionprep.shared.process.CountyReadiness.REQUEST_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.electionprep.engine.ProcessActions;
import org.electionprep.shared.process.Var;
import org.springframework.stereotype.Component;

/** Opens a neighbour's request in its own scope, so that several requests can be answered side by side. */
@Component
public class OpenAssistanceRequestDelegate implements JavaDelegate {

    private final AssistanceService assistance;
    private final ProcessActions actions;

    public OpenAssistanceRequestDelegate(AssistanceService assistance, ProcessActions actions) {
        this.assistance = assistance;
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AssistanceService.Request request = assistance.get(ASSISTANCE_REQUEST_ID.from(execution));
        REQUEST_ID.setLocal(execution, request.id());
        REQUESTING_COUNTY_NAME.setLocal(execution, assistance.countyName(request.requestingCounty()));
        ASSISTANCE_KIND_NAME.setLocal(execution, request.kindName());
        ASSISTANCE_DETAILS.setLocal(execution, request.details());
        HELPER_GROUP.setLocal(execution, request.helperGroup());
        Var.clearLocal(execution, ASSISTANCE_ANSWER, HELPER_NAME, HELP_DATE, DECLINE_REASON);
    }
}
