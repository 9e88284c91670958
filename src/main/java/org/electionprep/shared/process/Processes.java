package org.electionprep.shared.process;

import java.util.List;

/** The app's processes: each model under processes/ has exactly one contract here. */
public final class Processes {

    public static final List<ProcessContract> ALL = List.of(StationReadiness.CONTRACT, StationChangeApproval.CONTRACT,
            CountyReadiness.CONTRACT, MilestoneEscalation.CONTRACT, RegionalReadiness.CONTRACT);

    private Processes() {
    }
}
