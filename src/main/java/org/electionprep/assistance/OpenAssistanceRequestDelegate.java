package org.electionprep.assistance;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.electionprep.engine.ProcessActions;
import org.electionprep.engine.Submissions;
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
        AssistanceService.Request request = assistance.get(execution.getVariable("assistanceRequestId"));
        execution.setVariableLocal("requestId", request.id());
        execution.setVariableLocal("requestingCountyName", assistance.countyName(request.requestingCounty()));
        execution.setVariableLocal("assistanceKindName", request.kindName());
        execution.setVariableLocal("assistanceDetails", request.details());
        execution.setVariableLocal("helperGroup", request.helperGroup());
        for (String answerField : new String[] {"assistanceAnswer", "helperName", "helpDate", "declineReason"}) {
            execution.setVariableLocal(answerField, null);
        }
    }
}
