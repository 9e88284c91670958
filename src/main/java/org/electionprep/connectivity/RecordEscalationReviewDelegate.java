package org.electionprep.connectivity;

import static org.electionprep.engine.Submissions.text;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.electionprep.engine.ProcessActions;
import org.electionprep.engine.Submissions;
import org.electionprep.shared.RejectedSubmissionException;
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
        String action = text(execution.getVariable("escalationAction"));
        String note = text(execution.getVariable("escalationNote"));
        Submissions.run(() -> {
            if (action == null || action.isBlank() || note == null || note.isBlank()) {
                throw new RejectedSubmissionException("اقدام استان و شرح پیگیری را وارد کنید");
            }
            registry.recordEvent(ProcessActions.stationCode(execution), "ESCALATION_REVIEWED", null, null,
                    actions.of(execution), "action=" + action + "; " + note.strip());
        });
        execution.removeVariables(List.of("escalationAction", "escalationNote"));
    }
}
