package org.electionprep.station;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.electionprep.station.StationChanges;
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
        execution.setVariable("changeSummary", changes.summary(execution.getVariable("stationChangeId")));
    }
}
