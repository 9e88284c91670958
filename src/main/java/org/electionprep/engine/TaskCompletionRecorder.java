package org.electionprep.engine;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.Variables;
import org.electionprep.station.StationAction;
import org.electionprep.station.StationRegistry;

/**
 * Writes the audit row of every completed task of a station (who, which task, when) and leaves the official's id
 * and the task id to the service steps that follow in the same transaction, so their rows name the person too.
 */
public class TaskCompletionRecorder implements TaskListener {

    private final StationRegistry registry;

    public TaskCompletionRecorder(StationRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void notify(DelegateTask task) {
        Authentication auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String actor = auth != null && auth.getUserId() != null ? auth.getUserId()
                : task.getAssignee() != null ? task.getAssignee() : StationAction.SYSTEM;
        // Transient: it lives until the transaction ends and is never stored.
        task.getExecution().getProcessInstance().setVariableLocal(ProcessActions.COMPLETED_BY, Variables.stringValue(actor, true));
        task.getExecution().getProcessInstance()
                .setVariableLocal(ProcessActions.COMPLETED_TASK_ID, Variables.stringValue(task.getId(), true));
        Object stationCode = task.getVariable("stationCode");
        if (stationCode != null) {
            registry.recordEvent(stationCode.toString(), "TASK_COMPLETED", null, null,
                    new StationAction(actor, task.getTaskDefinitionKey(), task.getId(), task.getProcessInstanceId()),
                    task.getName());
        }
    }
}
