package org.electionprep.integration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.electionprep.people.NationalCode;
import org.electionprep.people.PersonalDataReads;
import org.electionprep.people.StaffRoster;

/**
 * A member of a station's staff (or a district's reserve) as the API shows them: national code and mobile in full
 * only to those who may see them ({@link ApiCaller#maySeePersonalData}), and then audited, masked to everyone else.
 */
public record StaffMember(String nationalCode, String firstName, String lastName, String mobile, String role,
                          String roleName, String station, String district, String county, boolean certified) {

    /**
     * The members as the caller may see them; whoever is shown in full is recorded in the audit of personal data.
     *
     * @param inFull per county, whether the caller sees its people in full
     */
    static List<StaffMember> shown(List<StaffRoster.Member> members, java.util.function.Predicate<String> inFull,
                                   String reader, String readThrough, PersonalDataReads audit) {
        Map<String, Boolean> full = new HashMap<>();
        List<StaffMember> shown = new ArrayList<>();
        List<NationalCode> inFullShown = new ArrayList<>();
        for (StaffRoster.Member m : members) {
            boolean whole = full.computeIfAbsent(m.countyCode(), inFull::test);
            shown.add(of(m, whole));
            if (whole) {
                inFullShown.add(m.nationalCode());
            }
        }
        audit.record(reader, inFullShown, readThrough);
        return shown;
    }

    private static StaffMember of(StaffRoster.Member m, boolean inFull) {
        return new StaffMember(inFull ? m.nationalCode().value() : m.nationalCode().masked(), m.firstName().value(),
                m.lastName().value(), m.mobile() == null ? null : inFull ? m.mobile().value() : m.mobile().masked(),
                m.role().code(), m.role().persian(), m.stationCode(), m.districtCode(), m.countyCode(), m.certified());
    }
}
