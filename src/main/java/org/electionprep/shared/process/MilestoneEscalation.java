package org.electionprep.shared.process;

import java.util.Set;

/**
 * A missed milestone escalated to the next level up (processes/county/milestone-escalation.bpmn).
 */
public final class MilestoneEscalation {

    public static final String KEY = "milestone-escalation";

    /** The missed milestone by its name in Milestone (STATIONS_VERIFIED ...), given by the county process's call. */
    public static final Var<String> MILESTONE = Var.text("milestone");
    public static final Var<String> ESCALATION_GROUP = Var.text("escalationGroup");
    public static final Var<Integer> LATE_COUNT = Var.number("lateCount");
    public static final Var<String> LATE_LIST = Var.text("lateList");
    public static final Var<String> MILESTONE_NAME = Var.text("milestoneName");
    public static final Var<String> MILESTONE_DUE_DATE = Var.text("milestoneDueDate");
    public static final Var<String> ACTION_PLAN = Var.text("actionPlan");

    /** What the model declares, for the test that reads it. */
    public static final ProcessContract CONTRACT = new ProcessContract(KEY, "county/milestone-escalation.bpmn",
            MilestoneEscalation.class,
            Set.of("recordEscalationResponseDelegate", "recordMissedMilestoneDelegate"),
            Set.of());

    private MilestoneEscalation() {
    }
}
