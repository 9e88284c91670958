package org.electionprep.shared.process;

/**
 * The decision table that classifies a link test (processes/connectivity-classification.dmn): its inputs, its output
 * and the classes it gives, which the station's model branches on and the registry stores with each test.
 */
public final class ConnectivityClassification {

    public static final String KEY = "connectivity-classification";
    public static final String LOSS_PERCENT = "lossPercent";
    public static final String LATENCY_MS = "latencyMs";
    public static final String OUTPUT = "classification";

    /** A link test's class: OK is a pass, whatever else a failure. */
    public enum Result {
        OK, DEGRADED, DOWN;

        public boolean isPass() {
            return this == OK;
        }
    }

    private ConnectivityClassification() {
    }
}
