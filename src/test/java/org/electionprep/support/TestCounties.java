package org.electionprep.support;

import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.electionprep.division.CountyProcessDeployment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fresh counties for tests, each with its officials as identity users: finalizing a county or joining it to a
 * region cannot be undone, so every test gets counties of its own. Users: gov-, dep-, head-, it- and trainer-
 * followed by the county code, each in the matching group (the district head: of the county's central district).
 */
public final class TestCounties {

    public static final String PASSWORD = "test-password-1405";
    public static final List<String> ROLES = List.of("governor", "deputy", "district-head", "it", "trainer");

    private final JdbcTemplate jdbc;
    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final CountyProcessDeployment deployment;
    private final TestRegistry registry;

    public TestCounties(JdbcTemplate jdbc, IdentityService identity, AuthorizationService authorizations,
                        CountyProcessDeployment deployment) {
        this.jdbc = jdbc;
        this.identity = identity;
        this.authorizations = authorizations;
        this.deployment = deployment;
        this.registry = new TestRegistry(jdbc);
    }

    /** A new county of Khuzestan with its district and officials; its code is returned. */
    public String county() {
        return county("khuzestan");
    }

    /** A new county of the given province, which must be in the registry. */
    public String county(String province) {
        String code = "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        jdbc.update("INSERT INTO county (code, name, province) VALUES (?, ?, ?)", code, "شهرستان " + code, province);
        registry.district(code + "-central", code, "مرکزی");
        // The county's tenant with its groups in it, as the divisions import gives a county.
        identity.saveTenant(identity.newTenant(code));
        for (String role : ROLES) {
            group(groupOf(role, code));
            identity.createTenantGroupMembership(code, groupOf(role, code));
            user(userOf(role, code), groupOf(role, code));
            taskGrant(groupOf(role, code));
        }
        deployment.deployFor(code);
        return code;
    }

    /** The role's group: governor-c123, ..., and for the district head the county's central district's. */
    public static String groupOf(String role, String county) {
        return role.equals("district-head") ? "district-head-" + county + "-central" : role + "-" + county;
    }

    public static String userOf(String role, String county) {
        return switch (role) {
            case "governor" -> "gov-" + county;
            case "deputy" -> "dep-" + county;
            case "district-head" -> "head-" + county;
            default -> role + "-" + county + "-user";
        };
    }

    /** A station of the county whose primary link answers at the endpoint. */
    public String station(String county, int number, String endpoint) {
        String code = county.toUpperCase() + "-" + number;
        registry.station(code, county, county + "-central", 500, 800, endpoint);
        return code;
    }

    public void user(String id, String group) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName("کاربر");
            user.setLastName(id);
            user.setPassword(PASSWORD);
            identity.saveUser(user);
        }
        group(group);
        if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
            identity.createMembership(id, group);
        }
    }

    /** The county-wide task grant every official group has (see access.yml). */
    private void taskGrant(String group) {
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        grant.setResource(Resources.TASK);
        grant.setResourceId("*");
        grant.addPermission(Permissions.READ);
        grant.addPermission(Permissions.UPDATE);
        authorizations.saveAuthorization(grant);
    }

    private void group(String id) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(id);
            identity.saveGroup(group);
        }
    }
}
