package org.electionprep.wiring;

import static org.electionprep.shared.process.InstanceFacts.COUNTY_CODE;
import static org.electionprep.shared.process.InstanceFacts.COUNTY_NAME;
import static org.electionprep.shared.process.InstanceFacts.ELECTION_DATE;
import static org.electionprep.shared.process.InstanceFacts.REGION_CODE;
import static org.electionprep.shared.process.InstanceFacts.STATION_CODE;
import static org.electionprep.shared.process.InstanceFacts.STATION_NAME;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.electionprep.division.CountyRegistry;
import org.electionprep.region.RegionService;
import org.electionprep.shared.process.CountyReadiness;
import org.electionprep.shared.process.MilestoneEscalation;
import org.electionprep.shared.process.RegionalReadiness;
import org.electionprep.shared.process.StationChangeApproval;
import org.electionprep.shared.process.StationReadiness;
import org.electionprep.shared.process.Var;
import org.electionprep.station.Station;
import org.electionprep.station.StationRegistry;
import org.springframework.stereotype.Component;

/**
 * Writes an instance's identity into its variables from the registry and the instance's business key: a station's
 * code, name and county; a county's code, name, region and election date; a region's code and election date. Done at
 * the start and again whenever a task is created or completed, so that what officials see on their forms, and what
 * the models' expressions and timers read, is always the registry's, never a value a submission set.
 */
@Component
public class StationFacts {

    static final Set<String> STATION_PROCESSES = Set.of(StationReadiness.KEY, StationChangeApproval.KEY);
    static final Set<String> COUNTY_PROCESSES = Set.of(CountyReadiness.KEY, MilestoneEscalation.KEY);
    static final String REGION_PROCESS = RegionalReadiness.KEY;

    private final StationRegistry registry;
    private final CountyRegistry counties;
    private final RegionService regions;

    public StationFacts(StationRegistry registry, CountyRegistry counties, RegionService regions) {
        this.registry = registry;
        this.counties = counties;
        this.regions = regions;
    }

    /** Refreshes the instance's station identity; empty when the instance belongs to no registry station. */
    public Optional<Station> refresh(DelegateExecution execution) {
        DelegateExecution instance = execution.getProcessInstance();
        String key = execution instanceof ExecutionEntity entity ? entity.getProcessDefinition().getKey() : null;
        if (COUNTY_PROCESSES.contains(key)) {
            refreshCounty(instance);
            return Optional.empty();
        }
        if (REGION_PROCESS.equals(key)) {
            refreshRegion(instance);
            return Optional.empty();
        }
        if (!STATION_PROCESSES.contains(key)) {
            return Optional.empty();
        }
        String code = instance.getProcessBusinessKey();
        Optional<Station> station = code == null ? Optional.empty() : registry.find(code);
        station.ifPresent(s -> {
            write(instance, STATION_CODE, s.code());
            write(instance, STATION_NAME, s.name());
            write(instance, COUNTY_CODE, s.countyCode());
            write(instance, COUNTY_NAME, registry.countyName(s.countyCode()));
        });
        return station;
    }

    /** A county process (or its escalation) belongs to the county of its business key, in the region of the registry. */
    private void refreshCounty(DelegateExecution instance) {
        String county = instance.getProcessBusinessKey();
        if (county == null || !counties.exists(county)) {
            return;
        }
        write(instance, COUNTY_CODE, county);
        write(instance, COUNTY_NAME, counties.name(county));
        counties.regionOf(county).ifPresent(region -> {
            write(instance, REGION_CODE, region);
            write(instance, ELECTION_DATE, regions.electionDate(region).toString());
        });
    }

    private void refreshRegion(DelegateExecution instance) {
        String region = instance.getProcessBusinessKey();
        if (region != null && regions.exists(region)) {
            write(instance, REGION_CODE, region);
            write(instance, ELECTION_DATE, regions.electionDate(region).toString());
        }
    }

    // Unchanged values are not written again: every write is a history row, and this runs on every task.
    private static void write(DelegateExecution instance, Var<?> variable, String value) {
        if (!Objects.equals(instance.getVariable(variable.name()), value)) {
            instance.setVariable(variable.name(), value);
        }
    }
}
