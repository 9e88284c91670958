package org.electionprep.station;

/**
 * Who did something to a station, and from where: the audit trail's "who, which task, which instance".
 * The actor is a user id, or "system" for the engine's own steps.
 */
public record StationAction(String actor, String activityId, String taskId, String processInstanceId) {

    public static final String SYSTEM = "system";

    public static StationAction system(String activityId, String processInstanceId) {
        return new StationAction(SYSTEM, activityId, null, processInstanceId);
    }
}
