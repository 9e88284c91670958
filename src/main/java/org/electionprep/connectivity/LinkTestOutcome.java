package org.electionprep.connectivity;

/** What a connectivity check found and stored. */
public record LinkTestOutcome(long linkTestId, String circuitId, String classification, ProbeResult figures) {

    public boolean ok() {
        return "OK".equals(classification);
    }
}
