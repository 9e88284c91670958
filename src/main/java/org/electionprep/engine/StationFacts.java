package org.electionprep.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
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

    private final StationRegistry registry;

    public StationFacts(StationRegistry registry) {
        this.registry = registry;
    }

    public void refresh(DelegateExecution execution) {
        DelegateExecution instance = execution.getProcessInstance();
        String code = instance.getProcessBusinessKey();
        if (code == null) {
            return;
        }
        registry.find(code).ifPresent(station -> write(instance, station));
    }

    private void write(DelegateExecution instance, Station station) {
        instance.setVariable("stationCode", station.code());
        instance.setVariable("stationName", station.name());
        instance.setVariable("countyCode", station.countyCode());
        instance.setVariable("countyName", registry.countyName(station.countyCode()));
    }
}
