package org.electionprep.readiness;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.electionprep.engine.ProcessActions;
import org.springframework.stereotype.Component;

@Component
public class MarkStationReadyDelegate implements JavaDelegate {

    private final ReadinessService readiness;
    private final ProcessActions actions;

    public MarkStationReadyDelegate(ReadinessService readiness, ProcessActions actions) {
        this.readiness = readiness;
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        readiness.markReady(ProcessActions.stationCode(execution), actions.of(execution));
    }
}
