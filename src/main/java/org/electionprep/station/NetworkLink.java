package org.electionprep.station;

/** A data link of a station; the connectivity check probes its endpoint. */
public record NetworkLink(
        long id,
        String stationCode,
        String role,
        String medium,
        String provider,
        String circuitId,
        String endpoint,
        boolean active) {

    public boolean isPrimary() {
        return "PRIMARY".equals(role);
    }
}
