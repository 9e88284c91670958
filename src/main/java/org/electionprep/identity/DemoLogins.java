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
    public static String countyUser(String county, AccessProperties.Role role) {
        return county + "-" + role.id();
    }

    /** The demo head of a district, e.g. ahvaz-central-head. */
    public static String districtUser(String district) {
        return district + "-head";
    }

    /** The demo user of a province role, e.g. khuzestan-elections, khuzestan-it, khuzestan-integration. */
    public static String provinceUser(String province, AccessProperties.Role role) {
        return province + "-" + role.id().replaceFirst("^province-", "");
    }

    /** The demo user of a national role, e.g. ministry-demo. */
    public static String nationalUser(AccessProperties.Role role) {
        return role.id() + "-demo";
    }

    /**
     * Every demo login of these places (counties and provinces alike) and districts, the administrator demo included;
     * also a county's district head of the releases before district heads worked by district (ahvaz-district-head).
     */
    public static List<String> all(AccessProperties access, List<String> places, List<String> districts) {
        List<String> ids = new ArrayList<>();
        for (String place : places) {
            access.countyRoles().forEach(r -> ids.add(countyUser(place, r)));
            access.provinceRoles().forEach(r -> ids.add(provinceUser(place, r)));
            ids.add(place + "-district-head");
        }
        districts.forEach(district -> ids.add(districtUser(district)));
        access.nationalRoles().forEach(r -> ids.add(nationalUser(r)));
        ids.add(ADMINISTRATOR);
        return ids;
    }
}
