package org.electionprep.escalation;

import static org.electionprep.shared.process.MilestoneEscalation.ACTION_PLAN;
import static org.electionprep.shared.process.MilestoneEscalation.MILESTONE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.electionprep.division.CountyEventType;
import org.electionprep.division.CountyRegistry;
import org.electionprep.engine.ProcessActions;
import org.electionprep.engine.Submissions;
import org.electionprep.shared.RejectedSubmissionException;
import org.electionprep.shared.Texts;
import org.springframework.stereotype.Component;

/** Records what the next level up will do about a missed milestone. */
@Component
public class RecordEscalationResponseDelegate implements JavaDelegate {

    private final CountyRegistry counties;
    private final ProcessActions actions;

    public RecordEscalationResponseDelegate(CountyRegistry counties, ProcessActions actions) {
        this.counties = counties;
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String plan = ACTION_PLAN.from(execution);
        Submissions.run(() -> {
            if (plan == null || plan.isBlank()) {
                throw new RejectedSubmissionException(Texts.get("escalation.action-plan-required"));
            }
        });
        counties.recordEvent(execution.getProcessBusinessKey(), CountyEventType.ESCALATION_ANSWERED,
                actions.of(execution),
                MILESTONE.from(execution) + ": " + plan.strip());
    }
}
