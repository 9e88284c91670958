package org.electionprep.connectivity;

import org.electionprep.shared.process.ConnectivityClassification;
/** What a connectivity check found and stored. */
public record LinkTestOutcome(long linkTestId, String circuitId, ConnectivityClassification.Result classification,
                              ProbeResult figures) {

    public boolean ok() {
        return classification.isPass();
    }
}
