package org.electionprep.integration;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who is calling the integration API, as {@link ApiAuthentication} established it: a county is theirs when they are
 * in its tenant (province groups are in every county's); only integration accounts import.
 */
@Component
public class ApiCaller {

    static final String INTEGRATION_GROUP = "integration";
    static final String AUDITOR_GROUP = "province-elections";

    private final IdentityService identity;

    public ApiCaller(IdentityService identity) {
        this.identity = identity;
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
     * Who may read a station's audit trail, which holds what every role wrote (notes, reasons, references): the
     * province's auditor (the elections directorate), the county's governor, and administrators.
     */
    public boolean mayAudit(String county) {
        List<String> groups = groups();
        return isAdmin() || groups.contains(AUDITOR_GROUP) || groups.contains("governor-" + county) && mayRead(county);
    }

    /**
     * Who may see what holds a county back (overdue tasks of every role, incidents): those who answer for the whole
     * county, its governor and deputy, and the province's directorates.
     */
    public boolean mayOversee(String county) {
        List<String> groups = groups();
        return isAdmin() || isProvinceManager()
                || (groups.contains("governor-" + county) || groups.contains("deputy-" + county)) && mayRead(county);
    }

    /** The province's directorates (and administrators), who also read engine internals such as incident messages. */
    public boolean isProvinceManager() {
        List<String> groups = groups();
        return isAdmin() || groups.contains(AUDITOR_GROUP) || groups.contains("province-it");
    }

    /** The province's integration group, or a county's (integration-county) for that county's stations. */
    public boolean mayImport(String county) {
        List<String> groups = groups();
        return isAdmin() || (groups.contains(INTEGRATION_GROUP) || groups.contains(INTEGRATION_GROUP + "-" + county))
                && mayRead(county);
    }

    public boolean isIntegration() {
        return isAdmin() || groups().stream().anyMatch(g -> g.equals(INTEGRATION_GROUP)
                || g.startsWith(INTEGRATION_GROUP + "-"));
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
