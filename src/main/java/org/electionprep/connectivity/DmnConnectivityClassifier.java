package org.electionprep.connectivity;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.electionprep.shared.process.ConnectivityClassification;
import org.springframework.stereotype.Component;

/** Classifies with the `connectivity-classification` decision table, so thresholds live in a model, not in code. */
@Component
public class DmnConnectivityClassifier implements ConnectivityClassifier {


    private final DecisionService decisions;

    public DmnConnectivityClassifier(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public ConnectivityClassification.Result classify(ProbeResult result) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put(ConnectivityClassification.LOSS_PERCENT, result.lossPercent());
        inputs.put(ConnectivityClassification.LATENCY_MS, result.latencyMs());
        Object value = decisions.evaluateDecisionTableByKey(ConnectivityClassification.KEY, inputs).getSingleResult()
                .getEntry(ConnectivityClassification.OUTPUT);
        if (value == null) {
            throw new ProcessEngineException("Decision '" + ConnectivityClassification.KEY
                    + "' gave no classification for " + inputs);
        }
        return ConnectivityClassification.Result.valueOf(value.toString());
    }
}
