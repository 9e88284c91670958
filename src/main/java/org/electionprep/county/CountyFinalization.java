package org.electionprep.county;

import static org.electionprep.shared.process.StationReadiness.COUNTY_FINALIZED_MESSAGE;

import org.electionprep.division.CountyEventType;
import org.electionprep.division.CountyRegistry;
import org.electionprep.engine.Messages;
import org.electionprep.shared.AuditAction;
import org.electionprep.shared.RejectedSubmissionException;
import org.electionprep.shared.Texts;
import org.electionprep.station.CountyStations;
import org.electionprep.station.StationRegistry;
import org.electionprep.station.StationStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The governor's finalization of a county's station database: every verified station becomes FINALIZED, the
 * county is frozen (later additions and changes need the governor's approval), and the station pipelines waiting
 * for it go on to their connectivity checks.
 */
@Service
@Transactional
public class CountyFinalization {


    private final CountyRegistry counties;
    private final StationRegistry stations;
    private final CountyStations countyStations;
    private final Messages messages;

    public CountyFinalization(CountyRegistry counties, StationRegistry stations, CountyStations countyStations,
                              Messages messages) {
        this.counties = counties;
        this.countyStations = countyStations;
        this.stations = stations;
        this.messages = messages;
    }

    /** Finalizes the county; a second finalization changes nothing. */
    public void finalizeCounty(String county, boolean confirmed, String notes, AuditAction action) {
        if (!confirmed) {
            throw new RejectedSubmissionException(Texts.get("county.finalization-not-confirmed"));
        }
        counties.lock(county);
        if (!counties.isFinalized(county)) {
            int unverified = countyStations.unverified(county);
            if (unverified > 0) {
                throw new RejectedSubmissionException(Texts.get("county.stations-unverified", unverified));
            }
            counties.markFinalized(county, action.actor());
            int finalized = 0;
            for (String code : countyStations.withStatus(county, StationStatus.VERIFIED)) {
                stations.changeStatus(code, StationStatus.FINALIZED, action, "county station database finalized");
                finalized++;
            }
            counties.recordEvent(county, CountyEventType.DATABASE_FINALIZED, action, finalized + " stations finalized"
                    + (notes == null || notes.isBlank() ? "" : "; notes: " + notes.strip()));
            messages.send(COUNTY_FINALIZED_MESSAGE, null, county);
        }
    }

    /** Whether a station verified now joins a database already frozen, under the county's lock. */
    public boolean isFinalized(String county) {
        return counties.isFinalized(county);
    }
}
