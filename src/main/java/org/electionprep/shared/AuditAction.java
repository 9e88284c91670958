package org.electionprep.shared;

/**
 * Who did something to a station, and from where: the audit trail's "who, which task, which instance".
 * The actor is a user id, or "system" for the engine's own steps.
 */
public record AuditAction(String actor, String activityId, String taskId, String processInstanceId) {

    public static final String SYSTEM = "system";

    public static AuditAction system(String activityId, String processInstanceId) {
        return new AuditAction(SYSTEM, activityId, null, processInstanceId);
    }
}
