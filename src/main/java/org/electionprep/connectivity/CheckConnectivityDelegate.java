package org.electionprep.connectivity;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.electionprep.engine.ProcessActions;
import org.springframework.stereotype.Component;

/** Probes the station's link and hands the classification (OK, DEGRADED, DOWN) to the process. */
@Component
public class CheckConnectivityDelegate implements JavaDelegate {

    private final ConnectivityService connectivity;
    private final ProcessActions actions;

    public CheckConnectivityDelegate(ConnectivityService connectivity, ProcessActions actions) {
        this.connectivity = connectivity;
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LinkTestOutcome outcome = connectivity.check(ProcessActions.stationCode(execution), actions.of(execution));
        execution.setVariable("connectivity", outcome.classification());
        execution.setVariable("lastLinkTestId", outcome.linkTestId());
        execution.setVariable("testedCircuitId", outcome.circuitId());
        execution.setVariable("lastLossPercent", outcome.figures().lossPercent());
        execution.setVariable("lastLatencyMs", outcome.figures().latencyMs());
        // How many samples passed, not what the failing ones met (a refused port, an HTTP status): officials see the
        // classification, not a scanner's answer; the detail stays in link_test for operators.
        execution.setVariable("lastTestDetail", outcome.figures().successes() + " از " + outcome.figures().samples()
                + " نمونه آزمون موفق بود");
    }
}
