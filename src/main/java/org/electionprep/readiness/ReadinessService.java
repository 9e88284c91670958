package org.electionprep.readiness;

import org.electionprep.division.CountyRegistry;
import org.electionprep.shared.AuditAction;
import org.electionprep.station.CountyProgress;
import org.electionprep.station.Station;
import org.electionprep.station.StationRegistry;
import org.electionprep.station.StationStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Declares a station ready once its operators are trained; the registry keeps the time. */
@Service
@Transactional
public class ReadinessService {

    private final StationRegistry registry;
    private final CountyRegistry counties;
    private final CountyProgress progress;

    public ReadinessService(StationRegistry registry, CountyRegistry counties, CountyProgress progress) {
        this.registry = registry;
        this.counties = counties;
        this.progress = progress;
    }

    public void markReady(String stationCode, AuditAction action) {
        Station station = registry.get(stationCode);
        counties.lock(station.countyCode());
        if (station.status() != StationStatus.TRAINED && station.status() != StationStatus.READY) {
            throw new IllegalStateException("Station " + stationCode + " is " + station.status()
                    + "; only a TRAINED station can be marked READY");
        }
        registry.changeStatus(stationCode, StationStatus.READY, action, "verified, connected and trained");
        registry.clearAtRisk(stationCode);
        progress.stationSettled(station.countyCode());
    }
}
