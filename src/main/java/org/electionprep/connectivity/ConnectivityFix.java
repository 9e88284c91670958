package org.electionprep.connectivity;

/** What county IT staff report after working on a failed link. */
public record ConnectivityFix(String cause, Action action, String ticketNumber, String newEndpoint, String notes) {

    public enum Action { FIBER_REPAIR, SWITCH_TO_BACKUP, NEW_LINK }
}
