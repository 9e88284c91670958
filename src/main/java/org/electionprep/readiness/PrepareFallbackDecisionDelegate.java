package org.electionprep.readiness;

import static org.electionprep.shared.process.CountyReadiness.FALLBACK_DECISION;
import static org.electionprep.shared.process.CountyReadiness.FALLBACK_REASON;
import static org.electionprep.shared.process.CountyReadiness.FALLBACK_STATION;
import static org.electionprep.shared.process.CountyReadiness.LINK_SUMMARY;
import static org.electionprep.shared.process.InstanceFacts.STATION_CODE;
import static org.electionprep.shared.process.InstanceFacts.STATION_NAME;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.electionprep.shared.process.Var;
import org.springframework.stereotype.Component;

/** Opens one station's fallback case in its own scope, with its links as they stand, for the governor's decision. */
@Component
public class PrepareFallbackDecisionDelegate implements JavaDelegate {

    private final Fallbacks fallbacks;

    public PrepareFallbackDecisionDelegate(Fallbacks fallbacks) {
        this.fallbacks = fallbacks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String station = FALLBACK_STATION.from(execution);
        STATION_CODE.setLocal(execution, station);
        STATION_NAME.setLocal(execution, fallbacks.stationName(station));
        LINK_SUMMARY.setLocal(execution, fallbacks.linkSummary(station));
        Var.clearLocal(execution, FALLBACK_DECISION, FALLBACK_REASON);
    }
}
