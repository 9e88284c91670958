package org.electionprep.division;

/** What a row of a county's audit trail records ({@code county_event.event_type}). */
public enum CountyEventType {
    COUNTY_PROCESS_STARTED, DATABASE_FINALIZED, MILESTONE_MISSED, ESCALATION_ANSWERED, READINESS_DECLARED,
    ASSISTANCE_REQUESTED, ASSISTANCE_ACCEPTED, ASSISTANCE_DECLINED, ASSISTANCE_ANSWER_SEEN
}
