package org.electionprep.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Outside the demo, the app refuses to run while any demo login (demo, ahvaz-district-head, ..., all with the
 * password "demo") exists in the database, e.g. after a demo database was taken into production by mistake.
 */
@Component
@Profile("!demo")
@Order(0)
public class NoDemoAccounts implements ProfileSeeder {

    private final IdentityService identity;
    private final AccessProperties access;

    public NoDemoAccounts(IdentityService identity, AccessProperties access) {
        this.identity = identity;
        this.access = access;
    }

    @Override
    public void seed() {
        // Every tenant is a place (a county or a province): the demo's logins are named after them.
        List<String> places = identity.createTenantQuery().list().stream().map(Tenant::getId).toList();
        // A district's head group is named after it.
        List<String> districts = identity.createGroupQuery().list().stream().map(Group::getId)
                .filter(id -> id.startsWith("district-head-")).map(id -> id.substring("district-head-".length()))
                .toList();
        List<String> present = DemoLogins.all(access, places, districts).stream()
                .filter(id -> identity.createUserQuery().userId(id).count() > 0).toList();
        if (!present.isEmpty()) {
            throw new IllegalStateException("Refusing to run outside the demo profile while demo accounts exist: "
                    + present + ". Delete them in Admin (or from ACT_ID_USER) before starting in production");
        }
    }
}
