package org.electionprep.station;

import static org.electionprep.shared.process.CountyReadiness.ALL_STATIONS_SETTLED_MESSAGE;
import static org.electionprep.shared.process.CountyReadiness.ALL_STATIONS_VERIFIED_MESSAGE;

import org.electionprep.division.CountyRegistry;
import org.electionprep.engine.Messages;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How station pipelines report to their county's process: when the last station of a county is verified, or the
 * last one settles (READY, rejected or on an authorised fallback), the county's process gets a message. No polling:
 * each report happens in the step that changed the station, under the county's lock.
 */
@Service
@Transactional
public class CountyProgress {


    private final CountyRegistry counties;
    private final CountyStations stations;
    private final Messages messages;

    public CountyProgress(CountyRegistry counties, CountyStations stations, Messages messages) {
        this.counties = counties;
        this.stations = stations;
        this.messages = messages;
    }

    /** Call after a station's site decision, with the county locked. */
    public void stationVerified(String county) {
        if (stations.unverified(county) == 0 && !counties.isFinalized(county)) {
            messages.send(ALL_STATIONS_VERIFIED_MESSAGE, county, county);
        }
    }

    /** Call after a station became READY, was rejected or got a fallback, with the county locked. */
    public void stationSettled(String county) {
        if (stations.unsettled(county) == 0) {
            messages.send(ALL_STATIONS_SETTLED_MESSAGE, county, county);
        }
    }
}
