package org.electionprep.county;

import static org.electionprep.shared.process.StationReadiness.LATE_STATION_APPROVED;
import static org.electionprep.shared.process.StationReadiness.LATE_STATION_DECISION;
import static org.electionprep.shared.process.StationReadiness.LATE_STATION_REASON;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.electionprep.engine.ProcessActions;
import org.electionprep.engine.Submissions;
import org.electionprep.station.LateStations;
import org.springframework.stereotype.Component;

/** Records the governor's decision on a station that reached a county database already finalized. */
@Component
public class RecordLateStationDecisionDelegate implements JavaDelegate {

    private final LateStations lateStations;
    private final ProcessActions actions;

    public RecordLateStationDecisionDelegate(LateStations lateStations, ProcessActions actions) {
        this.lateStations = lateStations;
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean approved = Submissions.call(() -> lateStations.decide(ProcessActions.stationCode(execution),
                LATE_STATION_DECISION.from(execution), LATE_STATION_REASON.from(execution),
                actions.of(execution)));
        LATE_STATION_APPROVED.set(execution, approved);
    }
}
