package org.electionprep.county;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.electionprep.division.CountyRegistry;
import org.electionprep.engine.ProcessActions;
import org.electionprep.engine.Submissions;
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
            throw new FormFieldValidationException("countyCode", "Cannot start county-readiness: the business key '"
                    + county + "' is not a county of the registry");
        }
        String region = counties.regionOf(county).orElseThrow(() -> new FormFieldValidationException("countyCode",
                "County '" + county + "' belongs to no region; start its region's regional-readiness process"));
        counties.lock(county);
        execution.setVariable("countyCode", county);
        execution.setVariable("countyName", counties.name(county));
        execution.setVariable("regionCode", region);
        execution.setVariable("electionDate", regions.electionDate(region).toString());
        execution.setVariable("allStationsVerified", stations.unverified(county) == 0 || counties.isFinalized(county));
        counties.recordEvent(county, "COUNTY_PROCESS_STARTED", actions.of(execution), "region " + region);
    }
}
