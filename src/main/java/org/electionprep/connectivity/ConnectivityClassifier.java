package org.electionprep.connectivity;

import org.electionprep.shared.process.ConnectivityClassification;
/** Turns probe figures into OK, DEGRADED or DOWN. */
public interface ConnectivityClassifier {

    ConnectivityClassification.Result classify(ProbeResult result);
}
