package org.electionprep.connectivity;

/** Published when a fix is recorded on a link; the demo's link simulator listens to play the field crew. */
public record LinkRepaired(String stationCode, String circuitId, ConnectivityFix.Action action) {
}
