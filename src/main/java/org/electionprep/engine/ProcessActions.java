package org.electionprep.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.electionprep.station.StationAction;

/**
 * Tells a delegate who acted: the official whose task completion led here (left behind by
 * {@link TaskCompletionRecorder}), else the authenticated caller, else the engine itself.
 */
public final class ProcessActions {

    static final String COMPLETED_BY = "completedBy";
    static final String COMPLETED_TASK_ID = "completedTaskId";

    private ProcessActions() {
    }

    public static StationAction of(DelegateExecution execution) {
        Object completedBy = execution.getVariable(COMPLETED_BY);
        Object taskId = execution.getVariable(COMPLETED_TASK_ID);
        String actor = completedBy != null ? completedBy.toString() : authenticatedUser(execution);
        return new StationAction(actor, execution.getCurrentActivityId(), taskId == null ? null : taskId.toString(),
                execution.getProcessInstanceId());
    }

    public static String stationCode(DelegateExecution execution) {
        Object code = execution.getVariable("stationCode");
        return code != null ? code.toString() : execution.getProcessBusinessKey();
    }

    private static String authenticatedUser(DelegateExecution execution) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication != null && authentication.getUserId() != null ? authentication.getUserId() : StationAction.SYSTEM;
    }
}
