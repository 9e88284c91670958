package org.electionprep.connectivity;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.stereotype.Component;

/** Classifies with the `connectivity-classification` decision table, so thresholds live in a model, not in code. */
@Component
public class DmnConnectivityClassifier implements ConnectivityClassifier {

    static final String DECISION_KEY = "connectivity-classification";

    private final DecisionService decisions;

    public DmnConnectivityClassifier(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public String classify(ProbeResult result) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("lossPercent", result.lossPercent());
        inputs.put("latencyMs", result.latencyMs());
        Object value = decisions.evaluateDecisionTableByKey(DECISION_KEY, inputs).getSingleResult().getSingleEntry();
        if (value == null) {
            throw new ProcessEngineException("Decision '" + DECISION_KEY + "' gave no classification for " + inputs);
        }
        return value.toString();
    }
}
