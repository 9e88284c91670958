package org.electionprep.engine;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.electionprep.station.Station;
import org.electionprep.station.StationAction;
import org.electionprep.station.StationRegistry;

/**
 * On every completed task of a station: writes the audit row (who, which task, when), notes the official and the
 * task for the service steps that follow in the same transaction, and puts the station's identity back, whatever
 * the submission contained.
 */
public class TaskCompletionRecorder implements TaskListener {

    private final StationRegistry registry;
    private final TaskCompletions completions;
    private final StationFacts facts;

    public TaskCompletionRecorder(StationRegistry registry, TaskCompletions completions, StationFacts facts) {
        this.registry = registry;
        this.completions = completions;
        this.facts = facts;
    }

    @Override
    public void notify(DelegateTask task) {
        Optional<Station> station = facts.refresh(task.getExecution());
        Authentication auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String actor = auth != null && auth.getUserId() != null ? auth.getUserId()
                : task.getAssignee() != null ? task.getAssignee() : StationAction.SYSTEM;
        completions.record(task.getProcessInstanceId(), actor, task.getId());
        station.ifPresent(s -> registry.recordEvent(s.code(), "TASK_COMPLETED", null, null,
                new StationAction(actor, task.getTaskDefinitionKey(), task.getId(), task.getProcessInstanceId()),
                task.getName()));
    }
}
