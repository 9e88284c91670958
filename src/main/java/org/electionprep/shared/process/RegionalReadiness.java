package org.electionprep.shared.process;

import java.util.Set;

/**
 * A region's counties from registration to the reviewed regional report (processes/regional-readiness.bpmn).
 */
public final class RegionalReadiness {

    public static final String KEY = "regional-readiness";

    public static final Var<String> REGION_NAME = Var.text("regionName");
    /** The counties of the start form: a list, or JSON or comma-separated text. */
    public static final Var<Object> COUNTIES = Var.value("counties");
    public static final Var<String> INVITED_SUMMARY = Var.text("invitedSummary");
    public static final Var<Long> REGIONAL_SESSION_ID = Var.id("regionalSessionId");
    public static final Var<Object> SESSION_DATE = Var.value("sessionDate");
    public static final Var<String> VENUE = Var.text("venue");
    public static final Var<String> TRAINERS = Var.text("trainers");
    public static final Var<String> SESSION_NOTES = Var.text("sessionNotes");
    /** The report as JSON. */
    public static final Var<Object> REGIONAL_REPORT = Var.value("regionalReport");
    public static final Var<String> REGIONAL_REPORT_TEXT = Var.text("regionalReportText");
    public static final Var<String> REPORT_COMMENTS = Var.text("reportComments");

    /** What the model declares, for the test that reads it. */
    public static final ProcessContract CONTRACT = new ProcessContract(KEY, "regional-readiness.bpmn",
            RegionalReadiness.class,
            Set.of("compileRegionalReportDelegate", "milestones", "recordRegionalSessionDelegate",
                    "recordReportReviewDelegate", "regions", "registerRegionDelegate"),
            Set.of());

    private RegionalReadiness() {
    }
}
