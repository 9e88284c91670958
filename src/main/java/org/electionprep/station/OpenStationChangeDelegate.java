package org.electionprep.station;

import static org.electionprep.shared.process.StationChangeApproval.CHANGE_SUMMARY;
import static org.electionprep.shared.process.StationChangeApproval.STATION_CHANGE_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Puts what the held change would do on the governor's form. */
@Component
public class OpenStationChangeDelegate implements JavaDelegate {

    private final StationChanges changes;

    public OpenStationChangeDelegate(StationChanges changes) {
        this.changes = changes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CHANGE_SUMMARY.set(execution, changes.summary(STATION_CHANGE_ID.from(execution)));
    }
}
