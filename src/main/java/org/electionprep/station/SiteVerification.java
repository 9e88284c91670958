package org.electionprep.station;

/** The district head's findings at the site. */
public record SiteVerification(Outcome outcome, boolean accessible, boolean powerAvailable, boolean secure,
                               boolean capacityConfirmed, String newAddress, String notes) {

    public enum Outcome { APPROVE, RELOCATE, REJECT }
}
