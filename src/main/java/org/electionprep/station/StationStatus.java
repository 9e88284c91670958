package org.electionprep.station;

/** The life of a polling station in the registry; the processes advance it. */
public enum StationStatus {
    PROPOSED,
    VERIFIED,
    FINALIZED,
    CONNECTED,
    TRAINED,
    READY,
    RELOCATION_PENDING,
    AT_RISK,
    REJECTED,
    PAPER_FALLBACK
}
