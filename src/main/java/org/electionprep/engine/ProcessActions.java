package org.electionprep.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.electionprep.shared.AuditAction;
import org.springframework.stereotype.Component;

/**
 * Tells a delegate who acted: the official whose task completion led here in this transaction (noted by
 * {@link TaskCompletionRecorder}), else the authenticated caller, else the engine itself.
 */
@Component
public class ProcessActions {

    private final TaskCompletions completions;

    public ProcessActions(TaskCompletions completions) {
        this.completions = completions;
    }

    public AuditAction of(DelegateExecution execution) {
        TaskCompletions.Completion completion = completions.current(execution.getProcessInstanceId()).orElse(null);
        String actor = completion != null ? completion.actor() : authenticatedUser(execution);
        return new AuditAction(actor, execution.getCurrentActivityId(), completion == null ? null : completion.taskId(),
                execution.getProcessInstanceId());
    }

    /** The station of the instance: its business key, fixed at the start, which no task submission can change. */
    public static String stationCode(DelegateExecution execution) {
        return execution.getProcessBusinessKey();
    }

    private static String authenticatedUser(DelegateExecution execution) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication != null && authentication.getUserId() != null ? authentication.getUserId() : AuditAction.SYSTEM;
    }
}
