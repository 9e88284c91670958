package org.electionprep.readiness;

import static org.electionprep.shared.process.CountyReadiness.FALLBACK_DECISION;
import static org.electionprep.shared.process.CountyReadiness.FALLBACK_REASON;
import static org.electionprep.shared.process.CountyReadiness.FALLBACK_STATION;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.electionprep.engine.ProcessActions;
import org.electionprep.engine.Submissions;
import org.springframework.stereotype.Component;

/** Records the governor's fallback decision for a station still without a working link. */
@Component
public class RecordFallbackDecisionDelegate implements JavaDelegate {

    private final Fallbacks fallbacks;
    private final ProcessActions actions;

    public RecordFallbackDecisionDelegate(Fallbacks fallbacks, ProcessActions actions) {
        this.fallbacks = fallbacks;
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Submissions.run(() -> fallbacks.decide(execution.getProcessBusinessKey(),
                FALLBACK_STATION.from(execution),
                FALLBACK_DECISION.from(execution), FALLBACK_REASON.from(execution),
                actions.of(execution)));
    }
}
