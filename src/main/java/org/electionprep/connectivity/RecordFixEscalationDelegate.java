package org.electionprep.connectivity;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.electionprep.engine.ProcessActions;
import org.electionprep.station.StationEventType;
import org.electionprep.station.StationRegistry;
import org.springframework.stereotype.Component;

/** Puts an overdue connectivity fix on the station's record before the provincial IT directorate is asked to act. */
@Component
public class RecordFixEscalationDelegate implements JavaDelegate {

    private final StationRegistry registry;
    private final EscalationPolicy policy;
    private final ProcessActions actions;

    public RecordFixEscalationDelegate(StationRegistry registry, EscalationPolicy policy, ProcessActions actions) {
        this.registry = registry;
        this.policy = policy;
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        registry.recordEvent(ProcessActions.stationCode(execution), StationEventType.FIX_ESCALATED, null, null,
                actions.of(execution), "connectivity fix open longer than " + policy.fixConnectivityAfter()
                        + "; escalated to province-it");
    }
}
