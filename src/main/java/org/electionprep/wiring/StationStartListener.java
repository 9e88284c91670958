package org.electionprep.wiring;

import static org.electionprep.shared.process.InstanceFacts.STATION_CODE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.electionprep.station.StationRegistry;
import org.springframework.stereotype.Component;

/**
 * Binds a new station process to its registry record: the business key is the station code, a station has one
 * running pipeline at a time, and the station's name and county travel with the instance for forms and Tasklist.
 */
@Component
public class StationStartListener implements ExecutionListener {

    private final StationRegistry registry;
    private final StationFacts facts;

    public StationStartListener(StationRegistry registry, StationFacts facts) {
        this.registry = registry;
        this.facts = facts;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String code = String.valueOf(STATION_CODE.from(execution));
        String businessKey = execution.getProcessBusinessKey();
        if (businessKey == null) {
            execution.setProcessBusinessKey(code);
        } else if (!businessKey.equals(code)) {
            throw new FormFieldValidationException(STATION_CODE.name(), "The business key '" + businessKey
                    + "' must equal the variable stationCode '" + code + "'");
        }
        // One pipeline per station: the station's row stays locked until this start commits, so that a concurrent
        // start of the same station waits here and then sees this instance. Counted across all counties.
        if (!registry.lock(code)) {
            throw new FormFieldValidationException(STATION_CODE.name(),
                    "No station with code '" + code + "' in the registry");
        }
        long running = Context.getCommandContext().runWithoutAuthorization(() -> execution.getProcessEngineServices()
                .getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(execution.getProcessEngineServices().getRepositoryService()
                        .getProcessDefinition(execution.getProcessDefinitionId()).getKey())
                .processInstanceBusinessKey(code).count());
        if (running > 0) {
            throw new FormFieldValidationException(STATION_CODE.name(),
                    "Station '" + code + "' already has a running station-readiness process");
        }
        facts.refresh(execution);
    }
}
