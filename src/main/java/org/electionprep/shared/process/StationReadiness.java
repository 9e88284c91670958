package org.electionprep.shared.process;

import java.util.Set;

/**
 * One polling station from its record to READY (processes/station-readiness.bpmn).
 */
public final class StationReadiness {

    public static final String KEY = "station-readiness";

    public static final Message COUNTY_FINALIZED_MESSAGE = new Message("countyFinalized");
    public static final Message LINK_REPAIRED_MESSAGE = new Message("linkRepaired");

    public static final Element CORRECT_RECORD = new Element("correctRecord");
    public static final Element VERIFY_SITE = new Element("verifySite");
    public static final Element FIX_CONNECTIVITY = new Element("fixConnectivity");

    public static final Var<String> RECORD_NAME = Var.text("recordName");
    public static final Var<String> ADDRESS = Var.text("address");
    public static final Var<String> DISTRICT_CODE = Var.text("districtCode");
    public static final Var<Integer> EXPECTED_VOTERS = Var.number("expectedVoters");
    public static final Var<Integer> CAPACITY = Var.number("capacity");
    public static final Var<String> PRIMARY_ENDPOINT = Var.text("primaryEndpoint");
    public static final Var<Boolean> RECORD_VALID = Var.flag("recordValid");
    public static final Var<String> VALIDATION_PROBLEMS = Var.text("validationProblems");
    /** Approve, relocate or reject. */
    public static final Var<String> SITE_OUTCOME = Var.text("siteOutcome");
    public static final Var<Boolean> ACCESSIBLE = Var.flag("accessible");
    public static final Var<Boolean> POWER_AVAILABLE = Var.flag("powerAvailable");
    public static final Var<Boolean> SECURE = Var.flag("secure");
    public static final Var<Boolean> CAPACITY_CONFIRMED = Var.flag("capacityConfirmed");
    public static final Var<String> NEW_ADDRESS = Var.text("newAddress");
    public static final Var<String> SITE_NOTES = Var.text("siteNotes");
    public static final Var<Boolean> COUNTY_FINALIZED = Var.flag("countyFinalized");
    public static final Var<String> LATE_STATION_SUMMARY = Var.text("lateStationSummary");
    public static final Var<String> LATE_STATION_DECISION = Var.text("lateStationDecision");
    public static final Var<String> LATE_STATION_REASON = Var.text("lateStationReason");
    public static final Var<Boolean> LATE_STATION_APPROVED = Var.flag("lateStationApproved");
    /** The link test's classification (OK, DEGRADED, DOWN). */
    public static final Var<String> CONNECTIVITY = Var.text("connectivity");
    public static final Var<Object> LAST_LOSS_PERCENT = Var.value("lastLossPercent");
    public static final Var<Object> LAST_LATENCY_MS = Var.value("lastLatencyMs");
    public static final Var<String> LAST_TEST_DETAIL = Var.text("lastTestDetail");
    public static final Var<String> TESTED_CIRCUIT_ID = Var.text("testedCircuitId");
    public static final Var<Long> LAST_LINK_TEST_ID = Var.id("lastLinkTestId");
    public static final Var<String> FIX_CAUSE = Var.text("fixCause");
    public static final Var<String> FIX_ACTION = Var.text("fixAction");
    public static final Var<String> TICKET_NUMBER = Var.text("ticketNumber");
    public static final Var<String> NEW_ENDPOINT = Var.text("newEndpoint");
    public static final Var<String> FIX_NOTES = Var.text("fixNotes");
    public static final Var<String> ESCALATION_ACTION = Var.text("escalationAction");
    public static final Var<String> ESCALATION_NOTE = Var.text("escalationNote");
    public static final Var<Boolean> TRAINING_COMPLETED = Var.flag("trainingCompleted");
    public static final Var<String> DRILL_RESULT = Var.text("drillResult");
    public static final Var<String> TRAINING_NOTES = Var.text("trainingNotes");
    public static final Var<String> OPERATOR_NAMES = Var.text("operatorNames");
    public static final Var<Boolean> DRILL_PASSED = Var.flag("drillPassed");

    /** What the model declares, for the test that reads it. */
    public static final ProcessContract CONTRACT = new ProcessContract(KEY, "station-readiness.bpmn",
            StationReadiness.class,
            Set.of("applyRecordCorrectionDelegate", "checkConnectivityDelegate", "districtHeads", "escalationPolicy",
                    "markStationReadyDelegate", "provinceGroups", "recordConnectivityFixDelegate",
                    "recordEscalationReviewDelegate", "recordFixEscalationDelegate", "recordLateStationDecisionDelegate",
                    "recordSiteVerificationDelegate", "recordTrainingSignOffDelegate", "stationStartListener",
                    "taskDeadlines", "validateStationDelegate"),
            Set.of());

    private StationReadiness() {
    }
}
