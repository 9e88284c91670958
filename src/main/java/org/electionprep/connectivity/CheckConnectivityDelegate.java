package org.electionprep.connectivity;

import static org.electionprep.shared.process.StationReadiness.CONNECTIVITY;
import static org.electionprep.shared.process.StationReadiness.LAST_LATENCY_MS;
import static org.electionprep.shared.process.StationReadiness.LAST_LINK_TEST_ID;
import static org.electionprep.shared.process.StationReadiness.LAST_LOSS_PERCENT;
import static org.electionprep.shared.process.StationReadiness.LAST_TEST_DETAIL;
import static org.electionprep.shared.process.StationReadiness.TESTED_CIRCUIT_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.electionprep.engine.ProcessActions;
import org.electionprep.shared.Texts;
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
        CONNECTIVITY.set(execution, outcome.classification().name());
        LAST_LINK_TEST_ID.set(execution, outcome.linkTestId());
        TESTED_CIRCUIT_ID.set(execution, outcome.circuitId());
        LAST_LOSS_PERCENT.set(execution, outcome.figures().lossPercent());
        LAST_LATENCY_MS.set(execution, outcome.figures().latencyMs());
        // How many samples passed, not what the failing ones met (a refused port, an HTTP status): officials see the
        // classification, not a scanner's answer; the detail stays in link_test for operators.
        LAST_TEST_DETAIL.set(execution, Texts.get("connectivity.test-detail", outcome.figures().successes(),
                outcome.figures().samples()));
    }
}
