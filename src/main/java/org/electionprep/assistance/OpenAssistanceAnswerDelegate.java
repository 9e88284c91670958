package org.electionprep.assistance;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.electionprep.engine.ProcessActions;
import org.electionprep.engine.Submissions;
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
        AssistanceService.Request request = assistance.get(execution.getVariable("answeredRequestId"));
        execution.setVariableLocal("requestId", request.id());
        execution.setVariableLocal("neighbourCountyName", assistance.countyName(request.neighbourCounty()));
        execution.setVariableLocal("assistanceAnswerSummary", assistance.answerSummary(request.id()));
        execution.setVariableLocal("acknowledgementNote", null);
    }
}
