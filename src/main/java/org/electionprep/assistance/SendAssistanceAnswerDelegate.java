package org.electionprep.assistance;

import static org.electionprep.engine.Submissions.text;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.electionprep.engine.ProcessActions;
import org.electionprep.engine.Submissions;
import org.springframework.stereotype.Component;

/** Records the neighbour's answer and sends it back to the asking county's process. */
@Component
public class SendAssistanceAnswerDelegate implements JavaDelegate {

    private final AssistanceService assistance;
    private final ProcessActions actions;

    public SendAssistanceAnswerDelegate(AssistanceService assistance, ProcessActions actions) {
        this.assistance = assistance;
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Submissions.run(() -> assistance.answer(execution.getProcessBusinessKey(),
                execution.getVariable("requestId"),
                text(execution.getVariable("assistanceAnswer")), text(execution.getVariable("helperName")),
                execution.getVariable("helpDate"), text(execution.getVariable("declineReason")), actions.of(execution)));
    }
}
