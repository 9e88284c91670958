package org.electionprep.identity;

import java.util.ArrayList;
import java.util.List;

/**
 * The names of the demo's logins, declared where access is: the demo creates them, and outside the demo
 * {@link NoDemoAccounts} refuses to run while any exists, so both read the same names from here.
 */
public final class DemoLogins {

    public static final String ADMINISTRATOR = "demo";

    private DemoLogins() {
    }

    /** The demo user of a county role, e.g. ahvaz-district-head. */
    public static String countyUser(AccessProperties.Place county, AccessProperties.Role role) {
        return county.code() + "-" + role.id();
    }

    /** The demo user of a province role, e.g. khuzestan-elections. */
    public static String provinceUser(AccessProperties.Role role) {
        return switch (role.id()) {
            case "province-elections" -> "khuzestan-elections";
            case "province-it" -> "khuzestan-it";
            default -> role.id() + "-demo";
        };
    }

    /** Every demo login, the administrator demo included. */
    public static List<String> all(AccessProperties access) {
        List<String> ids = new ArrayList<>();
        access.counties().forEach(c -> access.countyRoles().forEach(r -> ids.add(countyUser(c, r))));
        access.provinceRoles().forEach(r -> ids.add(provinceUser(r)));
        ids.add(ADMINISTRATOR);
        return ids;
    }
}
