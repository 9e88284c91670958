package org.electionprep.milestone;

import org.electionprep.shared.Texts;

/**
 * The T-minus milestones of a county, the level a miss escalates to (the next one up from who owns the work), and
 * the name officials read.
 */
public enum Milestone {
    STATIONS_VERIFIED("stations-verified", Escalation.GOVERNOR),
    DATABASE_FINALIZED("database-finalized", Escalation.PROVINCE),
    PRIMARY_LINK_TESTED("primary-link-tested", Escalation.GOVERNOR),
    BACKUP_LINK_TESTED("backup-link-tested", Escalation.GOVERNOR),
    DRILL_PASSED("drill-passed", Escalation.GOVERNOR),
    OFFICIALS_TRAINED("officials-trained", Escalation.PROVINCE),
    READINESS_DECLARED("readiness-declared", Escalation.PROVINCE);

    public enum Escalation { GOVERNOR, PROVINCE }

    private final String key;
    private final Escalation escalation;

    Milestone(String key, Escalation escalation) {
        this.key = key;
        this.escalation = escalation;
    }

    public String key() {
        return key;
    }

    public Escalation escalation() {
        return escalation;
    }

    public String persianName() {
        return Texts.get("milestone." + key);
    }

    /** The Tasklist group a miss goes to in the given county of the given province. */
    public String escalationGroup(String countyCode, String provinceCode) {
        return escalation == Escalation.GOVERNOR ? "governor-" + countyCode : "province-elections-" + provinceCode;
    }
}
