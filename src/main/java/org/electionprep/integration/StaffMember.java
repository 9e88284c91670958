package org.electionprep.integration;

import org.electionprep.people.StaffRoster;

/**
 * A member of a station's staff (or a district's reserve) as the API shows them: national code and mobile in full
 * only to those who may see them ({@link ApiCaller#maySeePersonalData}), masked to everyone else.
 */
public record StaffMember(String nationalCode, String firstName, String lastName, String mobile, String role,
                          String roleName, String station, String district, String county, boolean certified) {

    static StaffMember of(StaffRoster.Member m, boolean inFull) {
        return new StaffMember(inFull ? m.nationalCode().value() : m.nationalCode().masked(), m.firstName().value(),
                m.lastName().value(), m.mobile() == null ? null : inFull ? m.mobile().value() : m.mobile().masked(),
                m.role().code(), m.role().persian(), m.stationCode(), m.districtCode(), m.countyCode(), m.certified());
    }
}
