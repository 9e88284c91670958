package org.electionprep.station;

/**
 * A station's status change that skips the steps before it: the mark of a process started or moved past its
 * earlier activities, or of a defect. Nothing of the step is written; as a job it becomes an incident in Cockpit.
 */
public class StepOutOfOrderException extends IllegalStateException {

    public StepOutOfOrderException(String code, StationStatus from, StationStatus to) {
        super("Station " + code + " is " + from + "; it becomes " + to + " only from " + to.comesFrom());
    }
}
