package org.electionprep.assistance;

import static org.electionprep.shared.process.CountyReadiness.ACKNOWLEDGEMENT_NOTE;
import static org.electionprep.shared.process.CountyReadiness.ANSWERED_REQUEST_ID;
import static org.electionprep.shared.process.CountyReadiness.ASSISTANCE_ANSWER_SUMMARY;
import static org.electionprep.shared.process.CountyReadiness.NEIGHBOUR_COUNTY_NAME;
import static org.electionprep.shared.process.CountyReadiness.REQUEST_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.electionprep.engine.ProcessActions;
import org.electionprep.shared.process.Var;
import org.springframework.stereotype.Component;

/** Opens the neighbour's answer in its own scope for the asking governor. */
@Component
public class OpenAssistanceAnswerDelegate implements JavaDelegate {

    private final AssistanceService assistance;
    private final ProcessActions actions;

    public OpenAssistanceAnswerDelegate(AssistanceService assistance, ProcessActions actions) {
        this.assistance = assistance;
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AssistanceService.Request request = assistance.get(ANSWERED_REQUEST_ID.from(execution));
        REQUEST_ID.setLocal(execution, request.id());
        NEIGHBOUR_COUNTY_NAME.setLocal(execution, assistance.countyName(request.neighbourCounty()));
        ASSISTANCE_ANSWER_SUMMARY.setLocal(execution, assistance.answerSummary(request.id()));
        Var.clearLocal(execution, ACKNOWLEDGEMENT_NOTE);
    }
}
