package org.electionprep.assistance;

import static org.electionprep.shared.process.CountyReadiness.ACKNOWLEDGEMENT_NOTE;
import static org.electionprep.shared.process.CountyReadiness.REQUEST_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.electionprep.engine.ProcessActions;
import org.electionprep.engine.Submissions;
import org.springframework.stereotype.Component;

/** Records that the asking governor has seen the neighbour's answer. */
@Component
public class RecordAssistanceAcknowledgementDelegate implements JavaDelegate {

    private final AssistanceService assistance;
    private final ProcessActions actions;

    public RecordAssistanceAcknowledgementDelegate(AssistanceService assistance, ProcessActions actions) {
        this.assistance = assistance;
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Submissions.run(() -> assistance.acknowledge(execution.getProcessBusinessKey(), REQUEST_ID.from(execution),
                ACKNOWLEDGEMENT_NOTE.from(execution), actions.of(execution)));
    }
}
