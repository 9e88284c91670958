package org.electionprep.county;

import static org.electionprep.shared.process.CountyReadiness.ALL_STATIONS_VERIFIED;
import static org.electionprep.shared.process.InstanceFacts.COUNTY_CODE;
import static org.electionprep.shared.process.InstanceFacts.COUNTY_NAME;
import static org.electionprep.shared.process.InstanceFacts.ELECTION_DATE;
import static org.electionprep.shared.process.InstanceFacts.REGION_CODE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.electionprep.division.CountyEventType;
import org.electionprep.division.CountyRegistry;
import org.electionprep.engine.ProcessActions;
import org.electionprep.region.RegionService;
import org.electionprep.station.CountyStations;
import org.springframework.stereotype.Component;

/** Binds a county process to its registry county (the business key) and its region, and notes whether every station is already verified. */
@Component
public class OpenCountyDelegate implements JavaDelegate {

    private final CountyRegistry counties;
    private final CountyStations stations;
    private final RegionService regions;
    private final ProcessActions actions;

    public OpenCountyDelegate(CountyRegistry counties, CountyStations stations, RegionService regions,
                              ProcessActions actions) {
        this.counties = counties;
        this.stations = stations;
        this.regions = regions;
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String county = execution.getProcessBusinessKey();
        if (county == null || !counties.exists(county)) {
            throw new FormFieldValidationException(COUNTY_CODE.name(),
                    "Cannot start county-readiness: the business key '"
                    + county + "' is not a county of the registry");
        }
        String region = counties.regionOf(county).orElseThrow(() -> new FormFieldValidationException(COUNTY_CODE.name(),
                "County '" + county + "' belongs to no region; start its region's regional-readiness process"));
        counties.lock(county);
        COUNTY_CODE.set(execution, county);
        COUNTY_NAME.set(execution, counties.name(county));
        REGION_CODE.set(execution, region);
        ELECTION_DATE.set(execution, regions.electionDate(region).toString());
        ALL_STATIONS_VERIFIED.set(execution, stations.unverified(county) == 0 || counties.isFinalized(county));
        counties.recordEvent(county, CountyEventType.COUNTY_PROCESS_STARTED, actions.of(execution), "region " + region);
    }
}
