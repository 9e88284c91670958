package org.electionprep.readiness;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
        String station = (String) execution.getVariable("fallbackStation");
        execution.setVariableLocal("stationCode", station);
        execution.setVariableLocal("stationName", fallbacks.stationName(station));
        execution.setVariableLocal("linkSummary", fallbacks.linkSummary(station));
        execution.setVariableLocal("fallbackDecision", null);
        execution.setVariableLocal("fallbackReason", null);
    }
}
