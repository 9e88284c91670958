package org.electionprep.station;

import java.time.Instant;

/** One row of a station's audit trail. */
public record StationEvent(Instant occurredAt, String type, String fromStatus, String toStatus, String actor,
                           String activityId, String taskId, String details) {
}
