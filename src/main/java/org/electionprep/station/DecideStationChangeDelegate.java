package org.electionprep.station;

import static org.electionprep.shared.process.StationChangeApproval.CHANGE_DECISION;
import static org.electionprep.shared.process.StationChangeApproval.CHANGE_REASON;
import static org.electionprep.shared.process.StationChangeApproval.STATION_CHANGE_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.electionprep.engine.ProcessActions;
import org.electionprep.engine.Submissions;
import org.springframework.stereotype.Component;

/** Records the governor's decision on an imported change to a station of a finalized county. */
@Component
public class DecideStationChangeDelegate implements JavaDelegate {

    private final StationChanges changes;
    private final ProcessActions actions;

    public DecideStationChangeDelegate(StationChanges changes, ProcessActions actions) {
        this.changes = changes;
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Submissions.run(() -> changes.decide(execution.getTenantId(), STATION_CHANGE_ID.from(execution),
                CHANGE_DECISION.from(execution), CHANGE_REASON.from(execution),
                actions.of(execution)));
    }
}
