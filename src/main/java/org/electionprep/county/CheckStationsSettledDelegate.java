package org.electionprep.county;

import static org.electionprep.shared.process.CountyReadiness.ALL_STATIONS_READY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.electionprep.division.CountyRegistry;
import org.electionprep.station.CountyStations;
import org.springframework.stereotype.Component;

/**
 * Counts, under the county's lock, whether every station is already settled, right before the county starts waiting
 * for the message that the last one sends: a station that settles meanwhile waits for the lock and then finds the
 * county listening, so no message is lost between the count and the wait.
 */
@Component
public class CheckStationsSettledDelegate implements JavaDelegate {

    private final CountyRegistry counties;
    private final CountyStations stations;

    public CheckStationsSettledDelegate(CountyRegistry counties, CountyStations stations) {
        this.counties = counties;
        this.stations = stations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String county = execution.getProcessBusinessKey();
        counties.lock(county);
        ALL_STATIONS_READY.set(execution, stations.unsettled(county) == 0);
    }
}
