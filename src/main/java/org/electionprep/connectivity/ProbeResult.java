package org.electionprep.connectivity;

/**
 * The figures of one probe of a link endpoint.
 *
 * @param latencyMs mean round trip of the successful samples, or null when none succeeded
 * @param detail    the first failure seen, for the IT staff
 */
public record ProbeResult(String endpoint, int samples, int successes, Double latencyMs, String detail) {

    public double lossPercent() {
        return samples == 0 ? 100.0 : Math.round(1000.0 * (samples - successes) / samples) / 10.0;
    }
}
