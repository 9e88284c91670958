package org.electionprep.station;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.electionprep.engine.ProcessActions;
import org.springframework.stereotype.Component;

/** Checks the station record against the registry's rules; an invalid one goes to the district head with its problems. */
@Component
public class ValidateStationDelegate implements JavaDelegate {

    private final StationService stations;
    private final StationRegistry registry;
    private final ProcessActions actions;

    public ValidateStationDelegate(StationService stations, StationRegistry registry, ProcessActions actions) {
        this.stations = stations;
        this.registry = registry;
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String code = ProcessActions.stationCode(execution);
        List<RecordProblem> problems = stations.validate(code, actions.of(execution));
        // A site visit after a relocation starts with no outcome chosen.
        execution.removeVariable("siteOutcome");
        // Read by the gateway right after, never again: transient, so a valid station (nearly all of a national
        // import) writes no variable for it. The problems are kept only for the correction form.
        execution.setVariable("recordValid", Variables.booleanValue(problems.isEmpty(), true));
        if (problems.isEmpty()) {
            execution.removeVariable("validationProblems");
        } else {
            execution.setVariable("validationProblems",
                    problems.stream().map(p -> "• " + p.message()).collect(Collectors.joining("\n")));
            // The correction form starts from what the registry holds now.
            Station station = registry.get(code);
            execution.setVariable("recordName", station.name());
            execution.setVariable("address", station.address());
            execution.setVariable("districtCode", station.districtCode());
            execution.setVariable("expectedVoters", station.expectedVoters());
            execution.setVariable("capacity", station.capacity());
            execution.setVariable("primaryEndpoint", registry.links(code).stream()
                    .filter(l -> l.isPrimary() && l.active()).map(NetworkLink::endpoint).findFirst().orElse(null));
        }
    }
}
