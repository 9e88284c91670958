package org.electionprep.people;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.electionprep.shared.Texts;

/** A person's role at a station (or, a reserve, in a district), as written in a staff file. */
public enum StaffRole {
    HEAD("head"),
    SECRETARY("secretary"),
    AUTHENTICATION_OPERATOR("authentication-operator"),
    BALLOT_BOX_OPERATOR("ballot-box-operator"),
    /** Held by a district, to replace a station's member who withdraws. */
    RESERVE("reserve");

    private final String code;

    StaffRole(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The role's name as officials read it. */
    public String persian() {
        return Texts.get("people.staff-role." + code);
    }

    public static Optional<StaffRole> of(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(StaffRole::code).toList();
    }
}
