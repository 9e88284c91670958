package org.electionprep.station;

import java.util.Set;

/** The life of a polling station in the registry; the processes advance it, each step from the one before it. */
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
    PAPER_FALLBACK;

    /**
     * The statuses a station may come from to reach this one. A station is READY only once TRAINED, TRAINED only once
     * CONNECTED, CONNECTED only once its county's database FINALIZED it, FINALIZED only once its site was VERIFIED: a
     * step reached out of order (a process started or moved past its earlier steps) is refused, not recorded.
     */
    public Set<StationStatus> comesFrom() {
        return switch (this) {
            case VERIFIED, RELOCATION_PENDING -> Set.of(PROPOSED, RELOCATION_PENDING);
            case REJECTED -> Set.of(PROPOSED, RELOCATION_PENDING, VERIFIED);
            case FINALIZED -> Set.of(VERIFIED);
            case CONNECTED -> Set.of(FINALIZED);
            case TRAINED -> Set.of(CONNECTED);
            case READY -> Set.of(TRAINED);
            case PROPOSED, AT_RISK, PAPER_FALLBACK -> Set.of();
        };
    }
}
