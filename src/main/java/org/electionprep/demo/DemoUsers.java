package org.electionprep.demo;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.electionprep.division.CountyRegistry;
import org.electionprep.division.Districts;
import org.electionprep.division.Provinces;
import org.electionprep.identity.AccessProperties;
import org.electionprep.identity.DemoLogins;
import org.electionprep.identity.ProfileSeeder;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * DEMO ONLY: one user per role and county (e.g. ahvaz-governor), one head per district (ahvaz-central-head), one per
 * province role, one of the ministry and the administrator demo, all with the password "demo", which the password
 * policy would refuse anywhere else: these accounts alone are saved past it. They never exist outside the demo
 * profile.
 */
@Component
@Profile("demo")
@Order(1)
public class DemoUsers implements ProfileSeeder {

    static final String PASSWORD = "demo";

    private final AccessProperties access;
    private final Provinces provinces;
    private final CountyRegistry counties;
    private final Districts districts;
    private final IdentityService identity;
    private final AuthorizationService authorizations;

    public DemoUsers(AccessProperties access, Provinces provinces, CountyRegistry counties, Districts districts,
                     IdentityService identity, AuthorizationService authorizations) {
        this.access = access;
        this.provinces = provinces;
        this.counties = counties;
        this.districts = districts;
        this.identity = identity;
        this.authorizations = authorizations;
    }

    @Override
    public void seed() {
        ensureAdministrators();
        ensureUser(DemoLogins.ADMINISTRATOR, "Demo", "Administrator", Groups.CAMUNDA_ADMIN);
        for (CountyRegistry.County county : counties.all()) {
            for (AccessProperties.Role role : access.countyRoles()) {
                ensureUser(DemoLogins.countyUser(county.code(), role), role.name(), county.name(),
                        role.groupIdFor(county.code()));
            }
        }
        for (Districts.District district : districts.all().values()) {
            for (AccessProperties.Role role : access.districtRoles()) {
                ensureUser(DemoLogins.districtUser(district.code()), role.name(), district.name(),
                        role.groupIdFor(district.code()));
            }
        }
        for (Provinces.Province province : provinces.all().values()) {
            for (AccessProperties.Role role : access.provinceRoles()) {
                ensureUser(DemoLogins.provinceUser(province.code(), role), role.name(), province.name(),
                        role.groupIdFor(province.code()));
            }
        }
        for (AccessProperties.Role role : access.nationalRoles()) {
            ensureUser(DemoLogins.nationalUser(role), role.name(), "کشور", role.id());
        }
    }

    /** The administrators' group with every permission on everything, as Camunda's own first administrator gets it. */
    private void ensureAdministrators() {
        if (identity.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() > 0) {
            return;
        }
        Group group = identity.newGroup(Groups.CAMUNDA_ADMIN);
        group.setName("camunda BPM Administrators");
        group.setType(Groups.GROUP_TYPE_SYSTEM);
        identity.saveGroup(group);
        for (Resources resource : Resources.values()) {
            Authorization all = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            all.setGroupId(Groups.CAMUNDA_ADMIN);
            all.setResource(resource);
            all.setResourceId(Authorization.ANY);
            all.addPermission(Permissions.ALL);
            authorizations.saveAuthorization(all);
        }
    }

    private void ensureUser(String id, String firstName, String lastName, String groupId) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setPassword(PASSWORD);
            user.setEmail(id + "@demo.invalid");
            ((IdentityServiceImpl) identity).saveUser(user, true);
        }
        if (identity.createUserQuery().userId(id).memberOfGroup(groupId).count() == 0) {
            identity.createMembership(id, groupId);
        }
    }
}
