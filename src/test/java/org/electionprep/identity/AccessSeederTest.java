package org.electionprep.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.electionprep.support.ProcessTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** access.yml becomes groups, tenants, grants, filters and counties; seeding again changes nothing. */
@ProcessTest
class AccessSeederTest {

    @Autowired AccessSeeder seeder;
    @Autowired IdentityService identity;
    @Autowired AuthorizationService authorizations;
    @Autowired FilterService filters;
    @Autowired JdbcTemplate jdbc;

    @Test
    void everyCountyHasItsTenantItsRoleGroupsAndItsRegistryRow() {
        List<String> counties = List.of("ahvaz", "abadan", "khorramshahr", "bavi", "shadegan", "karun", "hamidiyeh", "hoveyzeh");
        for (String county : counties) {
            assertThat(identity.createTenantQuery().tenantId(county).count()).isEqualTo(1);
            for (String role : List.of("district-head", "it", "governor", "trainer")) {
                assertThat(identity.createTenantQuery().tenantId(county).groupMember(role + "-" + county).count())
                        .as(role + "-" + county + " in tenant " + county).isEqualTo(1);
                assertThat(identity.createTenantQuery().groupMember(role + "-" + county).count())
                        .as(role + "-" + county + " only in its own county").isEqualTo(1);
            }
            assertThat(identity.createTenantQuery().tenantId(county).groupMember("province-elections").count()).isEqualTo(1);
        }
        assertThat(jdbc.queryForList("SELECT code FROM county", String.class)).containsAll(counties);
        assertThat(identity.createGroupQuery().groupIdIn("province-elections", "province-it", "integration").count()).isEqualTo(3);
    }

    @Test
    void aDistrictHeadGroupMayUseTasklistAndWorkOnTasksButNotCockpit() {
        assertThat(authorizations.isUserAuthorized("someone", List.of("district-head-ahvaz"), Permissions.ACCESS,
                Resources.APPLICATION, "tasklist")).isTrue();
        assertThat(authorizations.isUserAuthorized("someone", List.of("district-head-ahvaz"), Permissions.ACCESS,
                Resources.APPLICATION, "cockpit")).isFalse();
        assertThat(authorizations.isUserAuthorized("someone", List.of("district-head-ahvaz"), Permissions.UPDATE,
                Resources.TASK, "any-task")).isTrue();
        assertThat(authorizations.isUserAuthorized("someone", List.of("province-elections"), Permissions.ACCESS,
                Resources.APPLICATION, "cockpit")).isTrue();
    }

    @Test
    void seedingAgainAddsNothing() {
        long groups = identity.createGroupQuery().count();
        long tenants = identity.createTenantQuery().count();
        long grants = authorizations.createAuthorizationQuery().count();
        long filterCount = filters.createFilterQuery().count();
        Integer countyRows = jdbc.queryForObject("SELECT COUNT(*) FROM county", Integer.class);

        seeder.seed();
        seeder.seed();

        assertThat(identity.createGroupQuery().count()).isEqualTo(groups);
        assertThat(identity.createTenantQuery().count()).isEqualTo(tenants);
        assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(grants);
        assertThat(filters.createFilterQuery().count()).isEqualTo(filterCount).isEqualTo(5);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM county", Integer.class)).isEqualTo(countyRows);
    }

    @Test
    void eachRoleReadsOnlyItsOwnFiltersAndAnOldCountyWideFilterGrantIsWithdrawn() {
        Authorization old = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        old.setGroupId("trainer-ahvaz");
        old.setResource(Resources.FILTER);
        old.setResourceId("*");
        old.addPermission(Permissions.READ);
        authorizations.saveAuthorization(old);

        seeder.seed();

        String verifications = filters.createFilterQuery().filterName("بازدید و تأیید شعب شهرستان من").singleResult()
                .getId();
        String myGroup = filters.createFilterQuery().filterName("کارهای گروه من").singleResult().getId();
        assertThat(authorizations.isUserAuthorized("someone", List.of("trainer-ahvaz"), Permissions.READ,
                Resources.FILTER, verifications)).isFalse();
        assertThat(authorizations.isUserAuthorized("someone", List.of("trainer-ahvaz"), Permissions.READ,
                Resources.FILTER, myGroup)).isTrue();
        assertThat(authorizations.isUserAuthorized("someone", List.of("district-head-ahvaz"), Permissions.READ,
                Resources.FILTER, verifications)).isTrue();
        assertThat(authorizations.isUserAuthorized("someone", List.of("province-elections"), Permissions.READ,
                Resources.FILTER, verifications)).isTrue();
    }
}
