package org.electionprep.shared.process;

import java.util.Set;

/**
 * A change to a station of a finalized county, held for the governor (processes/station-change-approval.bpmn).
 */
public final class StationChangeApproval {

    public static final String KEY = "station-change-approval";

    public static final Var<Long> STATION_CHANGE_ID = Var.id("stationChangeId");
    public static final Var<String> CHANGE_SUMMARY = Var.text("changeSummary");
    public static final Var<String> CHANGE_DECISION = Var.text("changeDecision");
    public static final Var<String> CHANGE_REASON = Var.text("changeReason");

    /** What the model declares, for the test that reads it. */
    public static final ProcessContract CONTRACT = new ProcessContract(KEY, "station-change-approval.bpmn",
            StationChangeApproval.class,
            Set.of("decideStationChangeDelegate", "openStationChangeDelegate"),
            Set.of());

    private StationChangeApproval() {
    }
}
