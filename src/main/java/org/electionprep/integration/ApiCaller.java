package org.electionprep.integration;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.electionprep.division.CountyRegistry;
import org.electionprep.division.Districts;
import org.electionprep.engine.Messages;
import org.springframework.stereotype.Component;

/**
 * Who is calling the integration API, as {@link ApiAuthentication} established it: a county is theirs when they are
 * in its tenant (a province's groups are in its counties' tenants, the ministry in every one); only integration
 * accounts import.
 */
@Component
public class ApiCaller {

    static final String INTEGRATION = "integration";
    static final String PROVINCE_ELECTIONS = "province-elections";
    static final String PROVINCE_IT = "province-it";
    static final String MINISTRY = "ministry";
    static final String DISTRICT_HEAD = "district-head-";

    private final IdentityService identity;
    private final CountyRegistry counties;
    private final Districts districts;

    public ApiCaller(IdentityService identity, CountyRegistry counties, Districts districts) {
        this.identity = identity;
        this.counties = counties;
        this.districts = districts;
    }

    public String user() {
        return authentication().getUserId();
    }

    public boolean isAdmin() {
        return groups().contains(Groups.CAMUNDA_ADMIN);
    }

    /** The counties whose stations the caller may read; empty for an administrator, who may read all. */
    public List<String> tenants() {
        List<String> tenants = authentication().getTenantIds();
        return tenants == null ? List.of() : tenants;
    }

    public boolean mayRead(String county) {
        return isAdmin() || tenants().contains(county);
    }

    /**
     * Where the caller may read stations: whole counties, and districts whose head they are in a county where they
     * hold no other role (a district head sees their district, not the county). Null counties: every county.
     */
    public record StationScope(List<String> counties, Map<String, String> countyOfDistrict) {

        public boolean covers(String county, String district) {
            return counties == null || counties.contains(county) || district != null
                    && countyOfDistrict.containsKey(district);
        }

        public List<String> districts() {
            return List.copyOf(countyOfDistrict.keySet());
        }

        public List<String> districtsIn(String county) {
            return countyOfDistrict.entrySet().stream().filter(e -> e.getValue().equals(county)).map(Map.Entry::getKey)
                    .sorted().toList();
        }
    }

    public StationScope stationScope() {
        if (isAdmin()) {
            return new StationScope(null, Map.of());
        }
        // Most callers head no district: their tenants are their counties, with no query.
        if (groups().stream().noneMatch(g -> g.startsWith(DISTRICT_HEAD))) {
            return new StationScope(tenants(), Map.of());
        }
        Map<String, String> headed = new TreeMap<>();
        Set<String> countyWide = new TreeSet<>();
        for (String group : groups()) {
            String district = group.startsWith(DISTRICT_HEAD) ? group.substring(DISTRICT_HEAD.length()) : null;
            String county = district == null ? null : districts.countyOf(district).orElse(null);
            if (county != null) {
                headed.put(district, county);
            } else {
                countyWide.addAll(Messages.asApp(identity, () -> identity.createTenantQuery().groupMember(group).list())
                        .stream().map(Tenant::getId).toList());
            }
        }
        countyWide.retainAll(tenants());
        return new StationScope(List.copyOf(countyWide), headed);
    }

    /**
     * Who may read a station's audit trail, which holds what every role wrote (notes, reasons, references): the
     * county's province's auditor (the elections directorate), the ministry, the county's governor, and
     * administrators.
     */
    public boolean mayAudit(String county) {
        List<String> groups = groups();
        return isAdmin() || groups.contains(MINISTRY) || inProvinceGroupOf(county, PROVINCE_ELECTIONS)
                || groups.contains("governor-" + county) && mayRead(county);
    }

    /**
     * Who may see what holds a county back (overdue tasks of every role, incidents): those who answer for the whole
     * county, its governor and deputy, its province's directorates and the ministry.
     */
    public boolean mayOversee(String county) {
        List<String> groups = groups();
        return isAdmin() || groups.contains(MINISTRY) || inProvinceGroupOf(county, PROVINCE_ELECTIONS)
                || inProvinceGroupOf(county, PROVINCE_IT)
                || (groups.contains("governor-" + county) || groups.contains("deputy-" + county)) && mayRead(county);
    }

    /**
     * The directorates of a province, the ministry and administrators, who also read engine internals such as
     * incident messages (of the counties they oversee).
     */
    public boolean isProvinceManager() {
        return isAdmin() || groups().stream().anyMatch(g -> g.equals(MINISTRY)
                || g.startsWith(PROVINCE_ELECTIONS + "-") || g.startsWith(PROVINCE_IT + "-"));
    }

    /**
     * Who sees people's national codes and mobile numbers in full (issue 18): the county's governor and trainers, its
     * province's elections directorate, and administrators. Everyone else who reads the county sees them masked.
     */
    public boolean maySeePersonalData(String county) {
        List<String> groups = groups();
        return isAdmin() || inProvinceGroupOf(county, PROVINCE_ELECTIONS)
                || (groups.contains("governor-" + county) || groups.contains("trainer-" + county)) && mayRead(county);
    }

    /** The county's province's integration group, or the county's own (integration-county). */
    public boolean mayImport(String county) {
        List<String> groups = groups();
        return isAdmin() || (groups.contains(INTEGRATION + "-" + county) || inProvinceGroupOf(county, INTEGRATION))
                && mayRead(county);
    }

    public boolean isIntegration() {
        return isAdmin() || groups().stream().anyMatch(g -> g.startsWith(INTEGRATION + "-"));
    }

    private boolean inProvinceGroupOf(String county, String role) {
        return county != null && counties.provinceOf(county).map(p -> groups().contains(role + "-" + p)).orElse(false);
    }

    private List<String> groups() {
        List<String> groups = authentication().getGroupIds();
        return groups == null ? List.of() : groups;
    }

    private Authentication authentication() {
        Authentication authentication = identity.getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            throw new ApiProblem(org.springframework.http.HttpStatus.UNAUTHORIZED, "unauthenticated",
                    "Authentication required", "Send HTTP basic credentials of an account");
        }
        return authentication;
    }
}
