package org.electionprep.station;

import static org.electionprep.shared.process.StationReadiness.ADDRESS;
import static org.electionprep.shared.process.StationReadiness.CAPACITY;
import static org.electionprep.shared.process.StationReadiness.DISTRICT_CODE;
import static org.electionprep.shared.process.StationReadiness.EXPECTED_VOTERS;
import static org.electionprep.shared.process.StationReadiness.PRIMARY_ENDPOINT;
import static org.electionprep.shared.process.StationReadiness.RECORD_NAME;
import static org.electionprep.shared.process.StationReadiness.RECORD_VALID;
import static org.electionprep.shared.process.StationReadiness.SITE_OUTCOME;
import static org.electionprep.shared.process.StationReadiness.VALIDATION_PROBLEMS;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.electionprep.engine.ProcessActions;
import org.electionprep.shared.process.Var;
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
        Var.remove(execution, SITE_OUTCOME);
        // Read by the gateway right after, never again: transient, so a valid station (nearly all of a national
        // import) writes no variable for it. The problems are kept only for the correction form.
        RECORD_VALID.setTyped(execution, Variables.booleanValue(problems.isEmpty(), true));
        if (problems.isEmpty()) {
            Var.remove(execution, VALIDATION_PROBLEMS);
        } else {
            VALIDATION_PROBLEMS.set(execution,
                    problems.stream().map(p -> "• " + p.message()).collect(Collectors.joining("\n")));
            // The correction form starts from what the registry holds now.
            Station station = registry.get(code);
            RECORD_NAME.set(execution, station.name());
            ADDRESS.set(execution, station.address());
            DISTRICT_CODE.set(execution, station.districtCode());
            EXPECTED_VOTERS.set(execution, station.expectedVoters());
            CAPACITY.set(execution, station.capacity());
            PRIMARY_ENDPOINT.set(execution, registry.links(code).stream()
                    .filter(l -> l.isPrimary() && l.active()).map(NetworkLink::endpoint).findFirst().orElse(null));
        }
    }
}
