package org.electionprep.readiness;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.electionprep.engine.ProcessActions;
import org.springframework.stereotype.Component;

@Component
public class MarkStationReadyDelegate implements JavaDelegate {

    private final ReadinessService readiness;

    public MarkStationReadyDelegate(ReadinessService readiness) {
        this.readiness = readiness;
    }

    @Override
    public void execute(DelegateExecution execution) {
        readiness.markReady(ProcessActions.stationCode(execution), ProcessActions.of(execution));
    }
}
