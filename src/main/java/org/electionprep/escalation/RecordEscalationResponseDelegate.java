package org.electionprep.escalation;

import static org.electionprep.engine.Submissions.text;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.electionprep.division.CountyRegistry;
import org.electionprep.engine.ProcessActions;
import org.electionprep.engine.Submissions;
import org.electionprep.shared.RejectedSubmissionException;
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
        String plan = text(execution.getVariable("actionPlan"));
        Submissions.run(() -> {
            if (plan == null || plan.isBlank()) {
                throw new RejectedSubmissionException("اقدام و برنامه جبران را بنویسید");
            }
        });
        counties.recordEvent(execution.getProcessBusinessKey(), "ESCALATION_ANSWERED", actions.of(execution),
                execution.getVariable("milestone") + ": " + plan.strip());
    }
}
