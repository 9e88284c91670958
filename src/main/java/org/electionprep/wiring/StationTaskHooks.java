package org.electionprep.wiring;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.electionprep.engine.UserTaskHooks;
import org.electionprep.shared.AuditAction;
import org.electionprep.station.StationEventType;
import org.electionprep.station.StationRegistry;
import org.springframework.stereotype.Component;

/**
 * Around every user task: the instance's identity refreshed from the registry when the task is created and again
 * when it is completed (whatever the submission contained), and a station's completed task in its audit trail.
 */
@Component
public class StationTaskHooks implements UserTaskHooks {

    private final StationFacts facts;
    private final StationRegistry registry;

    public StationTaskHooks(StationFacts facts, StationRegistry registry) {
        this.facts = facts;
        this.registry = registry;
    }

    @Override
    public void created(DelegateTask task) {
        facts.refresh(task.getExecution());
    }

    @Override
    public void completed(DelegateTask task, AuditAction action) {
        facts.refresh(task.getExecution()).ifPresent(station -> registry.recordEvent(station.code(),
                StationEventType.TASK_COMPLETED, null, null, action, task.getName()));
    }
}
