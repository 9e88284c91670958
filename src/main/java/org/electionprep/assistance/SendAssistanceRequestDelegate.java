package org.electionprep.assistance;

import static org.electionprep.engine.Submissions.text;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.electionprep.engine.ProcessActions;
import org.electionprep.engine.Submissions;
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
                text(execution.getVariable("neighbourCounty")), text(execution.getVariable("assistanceKind")),
                text(execution.getVariable("assistanceDetails")), actions.of(execution)));
        // The next request starts from a blank form.
        execution.removeVariables(List.of("neighbourCounty", "assistanceKind", "assistanceDetails"));
    }
}
