package org.electionprep.connectivity;

/** Turns probe figures into OK, DEGRADED or DOWN. */
public interface ConnectivityClassifier {

    String classify(ProbeResult result);
}
