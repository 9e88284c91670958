package org.electionprep.assistance;

import static org.electionprep.shared.process.CountyReadiness.ASSISTANCE_ANSWER;
import static org.electionprep.shared.process.CountyReadiness.DECLINE_REASON;
import static org.electionprep.shared.process.CountyReadiness.HELPER_NAME;
import static org.electionprep.shared.process.CountyReadiness.HELP_DATE;
import static org.electionprep.shared.process.CountyReadiness.REQUEST_ID;

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
                REQUEST_ID.from(execution),
                ASSISTANCE_ANSWER.from(execution), HELPER_NAME.from(execution),
                HELP_DATE.from(execution), DECLINE_REASON.from(execution), actions.of(execution)));
    }
}
