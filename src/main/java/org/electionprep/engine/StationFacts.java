package org.electionprep.engine;

import java.util.Objects;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.electionprep.station.Station;
import org.electionprep.station.StationRegistry;
import org.springframework.stereotype.Component;

/**
 * Writes the station's identity into its process (code, name, county) from the registry and the instance's
 * business key and tenant. Done at the start and again whenever a task is created or completed, so that what
 * officials see on their forms and in Tasklist is always the registry's, never a value a submission set.
 */
@Component
public class StationFacts {

    static final String STATION_PROCESS = "station-readiness";

    private final StationRegistry registry;

    public StationFacts(StationRegistry registry) {
        this.registry = registry;
    }

    /** Refreshes the instance's station identity; empty when the instance belongs to no registry station. */
    public Optional<Station> refresh(DelegateExecution execution) {
        DelegateExecution instance = execution.getProcessInstance();
        if (!(execution instanceof ExecutionEntity entity)
                || !STATION_PROCESS.equals(entity.getProcessDefinition().getKey())) {
            return Optional.empty(); // county and regional processes carry a county or region code, not a station
        }
        String code = instance.getProcessBusinessKey();
        Optional<Station> station = code == null ? Optional.empty() : registry.find(code);
        station.ifPresent(s -> {
            write(instance, "stationCode", s.code());
            write(instance, "stationName", s.name());
            write(instance, "countyCode", s.countyCode());
            write(instance, "countyName", registry.countyName(s.countyCode()));
        });
        return station;
    }

    // Unchanged values are not written again: every write is a history row, and this runs on every task.
    private static void write(DelegateExecution instance, String name, String value) {
        if (!Objects.equals(instance.getVariable(name), value)) {
            instance.setVariable(name, value);
        }
    }
}
