package org.electionprep.connectivity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The thresholds of the connectivity-classification table, read from the deployed model itself. */
class ConnectivityClassificationTest {

    private static DmnEngine dmn;
    private static DmnDecision decision;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream model = ConnectivityClassificationTest.class.getResourceAsStream("/processes/connectivity-classification.dmn")) {
            decision = dmn.parseDecision("connectivity-classification", model);
        }
    }

    @ParameterizedTest(name = "loss {0}% and latency {1} ms is {2}")
    @CsvSource(nullValues = "null", value = {
            "0, 12.5, OK",
            "0, 400, OK",
            "0, 400.1, DEGRADED",
            "20, 100, OK",
            "25, 100, DEGRADED",
            "66.7, 30, DEGRADED",
            "100, null, DOWN",
    })
    void figuresAreClassified(double lossPercent, Double latencyMs, String expected) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("lossPercent", lossPercent);
        inputs.put("latencyMs", latencyMs);

        Object result = dmn.evaluateDecisionTable(decision, inputs).getSingleResult().getSingleEntry();

        assertThat(result).isEqualTo(expected);
    }
}
