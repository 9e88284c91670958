package org.electionprep.connectivity;

import static org.electionprep.shared.process.StationReadiness.ESCALATION_ACTION;
import static org.electionprep.shared.process.StationReadiness.ESCALATION_NOTE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.electionprep.engine.ProcessActions;
import org.electionprep.engine.Submissions;
import org.electionprep.shared.RejectedSubmissionException;
import org.electionprep.shared.Texts;
import org.electionprep.shared.process.Var;
import org.electionprep.station.StationEventType;
import org.electionprep.station.StationRegistry;
import org.springframework.stereotype.Component;

/** Records what the province's IT directorate did about an overdue connectivity fix. */
@Component
public class RecordEscalationReviewDelegate implements JavaDelegate {

    private final StationRegistry registry;
    private final ProcessActions actions;

    public RecordEscalationReviewDelegate(StationRegistry registry, ProcessActions actions) {
        this.registry = registry;
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String action = ESCALATION_ACTION.from(execution);
        String note = ESCALATION_NOTE.from(execution);
        Submissions.run(() -> {
            if (action == null || action.isBlank() || note == null || note.isBlank()) {
                throw new RejectedSubmissionException(Texts.get("connectivity.escalation-review-missing"));
            }
            registry.recordEvent(ProcessActions.stationCode(execution), StationEventType.ESCALATION_REVIEWED, null,
                    null, actions.of(execution), "action=" + action + "; " + note.strip());
        });
        Var.remove(execution, ESCALATION_ACTION, ESCALATION_NOTE);
    }
}
