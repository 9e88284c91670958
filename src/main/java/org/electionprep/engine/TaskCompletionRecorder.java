package org.electionprep.engine;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.electionprep.shared.AuditAction;

/**
 * On every completed task: notes the official and the task for the service steps that follow in the same
 * transaction, then lets the capabilities do their part ({@link UserTaskHooks}: the audit row, the station's identity
 * put back whatever the submission contained).
 */
class TaskCompletionRecorder implements TaskListener {

    private final TaskCompletions completions;
    private final UserTaskHooks hooks;

    TaskCompletionRecorder(TaskCompletions completions, UserTaskHooks hooks) {
        this.completions = completions;
        this.hooks = hooks;
    }

    @Override
    public void notify(DelegateTask task) {
        Authentication auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String actor = auth != null && auth.getUserId() != null ? auth.getUserId()
                : task.getAssignee() != null ? task.getAssignee() : AuditAction.SYSTEM;
        completions.record(task.getProcessInstanceId(), actor, task.getId());
        hooks.completed(task, new AuditAction(actor, task.getTaskDefinitionKey(), task.getId(),
                task.getProcessInstanceId()));
    }
}
