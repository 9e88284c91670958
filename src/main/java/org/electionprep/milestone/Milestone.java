package org.electionprep.milestone;

/**
 * The T-minus milestones of a county, the level a miss escalates to (the next one up from who owns the work), and
 * the name officials read.
 */
public enum Milestone {
    STATIONS_VERIFIED("stations-verified", Escalation.GOVERNOR, "بازدید و تأیید همه شعب"),
    DATABASE_FINALIZED("database-finalized", Escalation.PROVINCE, "نهایی‌سازی بانک اطلاعاتی شعب"),
    PRIMARY_LINK_TESTED("primary-link-tested", Escalation.GOVERNOR, "آزمون موفق ارتباط اصلی شعب"),
    BACKUP_LINK_TESTED("backup-link-tested", Escalation.GOVERNOR, "آزمون موفق ارتباط پشتیبان شعب"),
    DRILL_PASSED("drill-passed", Escalation.GOVERNOR, "مانور و تأیید آموزش کاربران شعب"),
    OFFICIALS_TRAINED("officials-trained", Escalation.PROVINCE, "آموزش فرماندار، معاون سیاسی و بخشداران"),
    READINESS_DECLARED("readiness-declared", Escalation.PROVINCE, "اعلام آمادگی شهرستان");

    public enum Escalation { GOVERNOR, PROVINCE }

    private final String key;
    private final Escalation escalation;
    private final String persianName;

    Milestone(String key, Escalation escalation, String persianName) {
        this.key = key;
        this.escalation = escalation;
        this.persianName = persianName;
    }

    public String key() {
        return key;
    }

    public Escalation escalation() {
        return escalation;
    }

    public String persianName() {
        return persianName;
    }

    /** The Tasklist group a miss goes to in the given county. */
    public String escalationGroup(String countyCode) {
        return escalation == Escalation.GOVERNOR ? "governor-" + countyCode : "province-elections";
    }
}
