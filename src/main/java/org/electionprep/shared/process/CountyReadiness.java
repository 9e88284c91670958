package org.electionprep.shared.process;

import java.util.Set;

/**
 * One county from its opening to the governor's declaration (processes/county/county-readiness.bpmn).
 */
public final class CountyReadiness {

    public static final String KEY = "county-readiness";

    public static final Message ALL_STATIONS_SETTLED_MESSAGE = new Message("allStationsReady");
    public static final Message ALL_STATIONS_VERIFIED_MESSAGE = new Message("allStationsVerified");
    public static final Message ASSISTANCE_ANSWERED_MESSAGE = new Message("assistanceAnswered");
    public static final Message ASSISTANCE_REQUESTED_MESSAGE = new Message("assistanceRequested");
    public static final Message REGIONAL_TRAINING_SCHEDULED_MESSAGE = new Message("regionalTrainingScheduled");

    public static final Element FINALIZE_STATION_DATABASE = new Element("finalizeStationDatabase");

    public static final Var<Boolean> ALL_STATIONS_VERIFIED = Var.flag("allStationsVerified");
    /** Every station settled: READY, rejected or on an authorised fallback. */
    public static final Var<Boolean> ALL_STATIONS_READY = Var.flag("allStationsReady");
    public static final Var<Integer> STATIONS_TOTAL = Var.number("stationsTotal");
    public static final Var<Integer> STATIONS_VERIFIED = Var.number("stationsVerified");
    public static final Var<Integer> STATIONS_REJECTED = Var.number("stationsRejected");
    public static final Var<Boolean> DATABASE_CONFIRMED = Var.flag("databaseConfirmed");
    public static final Var<String> FINALIZATION_NOTES = Var.text("finalizationNotes");
    public static final Var<String> READINESS_SUMMARY = Var.text("readinessSummary");
    public static final Var<Boolean> READINESS_CONFIRMED = Var.flag("readinessConfirmed");
    public static final Var<String> DECLARATION_NOTE = Var.text("declarationNote");
    /** The station of one fallback decision (multi-instance element). */
    public static final Var<String> FALLBACK_STATION = Var.text("fallbackStation");
    public static final Var<String> LINK_SUMMARY = Var.text("linkSummary");
    public static final Var<String> FALLBACK_DECISION = Var.text("fallbackDecision");
    public static final Var<String> FALLBACK_REASON = Var.text("fallbackReason");
    /** The official of one training record (multi-instance element). */
    public static final Var<String> OFFICIAL = Var.text("official");
    public static final Var<String> OFFICIAL_NAME = Var.text("officialName");
    public static final Var<String> OFFICIAL_ROLE_NAME = Var.text("officialRoleName");
    public static final Var<Boolean> ATTENDED = Var.flag("attended");
    public static final Var<Boolean> EXERCISE_PASSED = Var.flag("exercisePassed");
    public static final Var<Integer> EXERCISE_SCORE = Var.number("exerciseScore");
    public static final Var<Boolean> OFFICIALS_TRAINED = Var.flag("officialsTrained");
    public static final Var<String> UNTRAINED_SUMMARY = Var.text("untrainedSummary");
    public static final Var<Long> TRAINING_SESSION_ID = Var.id("trainingSessionId");
    public static final Var<Object> TRAINING_SESSION_DATE = Var.value("trainingSessionDate");
    public static final Var<String> SESSION_LABEL = Var.text("sessionLabel");
    public static final Var<Object> MAKEUP_DATE = Var.value("makeupDate");
    public static final Var<String> MAKEUP_VENUE = Var.text("makeupVenue");
    public static final Var<String> HELPER_GROUP = Var.text("helperGroup");
    public static final Var<String> NEIGHBOUR_COUNTY = Var.text("neighbourCounty");
    public static final Var<String> ASSISTANCE_KIND = Var.text("assistanceKind");
    public static final Var<String> ASSISTANCE_DETAILS = Var.text("assistanceDetails");
    public static final Var<String> ASSISTANCE_KIND_NAME = Var.text("assistanceKindName");
    public static final Var<String> REQUESTING_COUNTY_NAME = Var.text("requestingCountyName");
    public static final Var<String> NEIGHBOUR_COUNTY_NAME = Var.text("neighbourCountyName");
    public static final Var<Long> ASSISTANCE_REQUEST_ID = Var.id("assistanceRequestId");
    public static final Var<Long> ANSWERED_REQUEST_ID = Var.id("answeredRequestId");
    public static final Var<Long> REQUEST_ID = Var.id("requestId");
    public static final Var<String> ASSISTANCE_ANSWER = Var.text("assistanceAnswer");
    public static final Var<String> HELPER_NAME = Var.text("helperName");
    public static final Var<Object> HELP_DATE = Var.value("helpDate");
    public static final Var<String> DECLINE_REASON = Var.text("declineReason");
    public static final Var<String> ASSISTANCE_ANSWER_SUMMARY = Var.text("assistanceAnswerSummary");
    public static final Var<String> ACKNOWLEDGEMENT_NOTE = Var.text("acknowledgementNote");

    /** What the model declares, for the test that reads it. */
    public static final ProcessContract CONTRACT = new ProcessContract(KEY, "county/county-readiness.bpmn",
            CountyReadiness.class,
            Set.of("assessOfficialsTrainingDelegate", "checkStationsSettledDelegate", "fallbacks",
                    "finalizeCountyDelegate", "inviteOfficialsDelegate", "milestones", "officialsTraining",
                    "openAssistanceAnswerDelegate", "openAssistanceRequestDelegate", "openCountyDelegate",
                    "prepareFallbackDecisionDelegate", "prepareOfficialTrainingDelegate",
                    "recordAssistanceAcknowledgementDelegate", "recordCountyDeclarationDelegate",
                    "recordFallbackDecisionDelegate", "recordMakeupSessionDelegate", "saveOfficialTrainingDelegate",
                    "sendAssistanceAnswerDelegate", "sendAssistanceRequestDelegate",
                    "summarizeCountyReadinessDelegate", "summarizeStationDatabaseDelegate", "taskDeadlines"),
            Set.of(StationReadiness.TRAINING_NOTES, MilestoneEscalation.MILESTONE));

    private CountyReadiness() {
    }
}
