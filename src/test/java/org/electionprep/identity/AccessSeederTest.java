package org.electionprep.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.electionprep.division.PlaceSetup;
import org.electionprep.support.ProcessTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** access.yml's policy becomes, for every place, groups, tenants, grants and filters; seeding again changes nothing. */
@ProcessTest
class AccessSeederTest {

    @Autowired AccessSeeder seeder;
    @Autowired PlaceSetup places;
    @Autowired TaskService tasks;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired IdentityService identity;
    @Autowired AuthorizationService authorizations;
    @Autowired FilterService filters;
    @Autowired JdbcTemplate jdbc;

    @Test
    void everyCountyHasItsTenantItsRoleGroupsAndItsRegistryRowAndEachDistrictItsHeadsGroup() {
        List<String> counties = List.of("ahvaz", "abadan", "khorramshahr", "bavi", "shadegan", "karun", "hamidiyeh", "hoveyzeh");
        for (String county : counties) {
            assertThat(identity.createTenantQuery().tenantId(county).count()).isEqualTo(1);
            for (String role : List.of("it", "governor", "trainer", "deputy")) {
                assertThat(identity.createTenantQuery().tenantId(county).groupMember(role + "-" + county).count())
                        .as(role + "-" + county + " in tenant " + county).isEqualTo(1);
                assertThat(identity.createTenantQuery().groupMember(role + "-" + county).count())
                        .as(role + "-" + county + " only in its own county").isEqualTo(1);
            }
            assertThat(identity.createTenantQuery().tenantId(county).groupMember("province-elections-khuzestan").count()).isEqualTo(1);
        }
        assertThat(jdbc.queryForList("SELECT code FROM county", String.class)).containsAll(counties);
        assertThat(identity.createTenantQuery().groupMember("district-head-ahvaz-central").list())
                .extracting(t -> t.getId()).as("a district head's group is in its county's tenant only")
                .containsExactly("ahvaz");
        assertThat(identity.createGroupQuery().groupIdIn("province-elections-khuzestan", "province-it-khuzestan", "integration-khuzestan").count()).isEqualTo(3);
    }

    @Test
    void theMinistryIsInEveryTenantAndReadsButWorksNoTask() {
        seedAll();

        assertThat(identity.createTenantQuery().groupMember("ministry").count())
                .isEqualTo(identity.createTenantQuery().count());
        assertThat(authorizations.isUserAuthorized("someone", List.of("ministry"), Permissions.READ, Resources.TASK,
                "any-task")).isTrue();
        assertThat(authorizations.isUserAuthorized("someone", List.of("ministry"), Permissions.UPDATE, Resources.TASK,
                "any-task")).isFalse();
        assertThat(authorizations.isUserAuthorized("someone", List.of("ministry"), Permissions.ACCESS,
                Resources.APPLICATION, "cockpit")).isTrue();
    }

    @Test
    void aTaskOfAnEarlierModelOfferedToAProvinceWideGroupGoesToItsProvincesGroup() {
        // given a model deployed before the province groups carried their province, in Ahvaz's tenant
        repository.createDeployment().tenantId("ahvaz").addModelInstance("legacy-review.bpmn",
                Bpmn.createExecutableProcess("legacy-review").name("پیگیری قدیمی").camundaHistoryTimeToLive(1)
                        .startEvent().name("آغاز").userTask("review").name("پیگیری").camundaCandidateGroups("province-it")
                        .endEvent().name("پایان").done()).deploy();

        // when an instance reaches its task
        String instance = runtime.startProcessInstanceByKey("legacy-review").getId();

        // then the task is offered to Khuzestan's IT directorate, whose members see it
        assertThat(tasks.createTaskQuery().processInstanceId(instance).taskCandidateGroup("province-it-khuzestan")
                .count()).isEqualTo(1);
        runtime.deleteProcessInstance(instance, "test over");
    }

    @Test
    void aProvinceWideGroupOfAnEarlierVersionHandsItsMembersAndOpenTasksToTheProvincesGroupAndGoes() {
        // given a database seeded when the province's IT group was plain province-it, with a member, a grant and an
        // open task offered to it
        identity.saveGroup(identity.newGroup("province-it"));
        identity.saveUser(identity.newUser("old-province-it-member"));
        identity.createMembership("old-province-it-member", "province-it");
        identity.createTenantGroupMembership("ahvaz", "province-it");
        identity.createTenantGroupMembership("khuzestan", "province-it");
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId("province-it");
        grant.setResource(Resources.TASK);
        grant.setResourceId("*");
        grant.addPermission(Permissions.READ);
        authorizations.saveAuthorization(grant);
        repository.createDeployment().tenantId("ahvaz").addModelInstance("old-open-task.bpmn",
                Bpmn.createExecutableProcess("old-open-task").name("کار باز قدیمی").camundaHistoryTimeToLive(1)
                        .startEvent().name("آغاز").userTask("review").name("پیگیری").endEvent().name("پایان").done())
                .deploy();
        String instance = runtime.startProcessInstanceByKey("old-open-task").getId();
        String task = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
        tasks.addCandidateGroup(task, "province-it");

        // when the places are set up at start-up
        seedAll();

        // then the member and the task are the province's group's, and the old group is gone with its grant
        assertThat(identity.createUserQuery().memberOfGroup("province-it-khuzestan").userId("old-province-it-member")
                .count()).isEqualTo(1);
        assertThat(tasks.createTaskQuery().taskId(task).taskCandidateGroup("province-it-khuzestan").count())
                .isEqualTo(1);
        assertThat(tasks.createTaskQuery().taskCandidateGroup("province-it").count()).isZero();
        assertThat(identity.createGroupQuery().groupId("province-it").count()).isZero();
        assertThat(authorizations.createAuthorizationQuery().groupIdIn("province-it").count()).isZero();
        runtime.deleteProcessInstance(instance, "test over");
        identity.deleteUser("old-province-it-member");
    }

    @Test
    void aProvinceThatOnlyCountiesNameGetsItsRowNamedAsItsTenant() {
        // given a county of a database seeded when access.yml named the province, which had a tenant but no row
        Tenant tenant = identity.newTenant("legacy-province");
        tenant.setName("استان پیشین");
        identity.saveTenant(tenant);
        jdbc.update("INSERT INTO county (code, name, province) VALUES ('legacy-county', 'شهرستان پیشین',"
                + " 'legacy-province')");

        // when the places are set up at start-up
        seedAll();

        // then the province has its row, its name, and its groups in its county's tenant
        assertThat(jdbc.queryForObject("SELECT name FROM province WHERE code = 'legacy-province'", String.class))
                .isEqualTo("استان پیشین");
        assertThat(identity.createTenantQuery().tenantId("legacy-county")
                .groupMember("province-elections-legacy-province").count()).isEqualTo(1);
    }

    @Test
    void aDistrictHeadGroupMayUseTasklistAndWorkOnTasksButNotCockpit() {
        assertThat(authorizations.isUserAuthorized("someone", List.of("district-head-ahvaz-central"), Permissions.ACCESS,
                Resources.APPLICATION, "tasklist")).isTrue();
        assertThat(authorizations.isUserAuthorized("someone", List.of("district-head-ahvaz-central"), Permissions.ACCESS,
                Resources.APPLICATION, "cockpit")).isFalse();
        assertThat(authorizations.isUserAuthorized("someone", List.of("district-head-ahvaz-central"), Permissions.UPDATE,
                Resources.TASK, "any-task")).isTrue();
        assertThat(authorizations.isUserAuthorized("someone", List.of("province-elections-khuzestan"), Permissions.ACCESS,
                Resources.APPLICATION, "cockpit")).isTrue();
    }

    @Test
    void seedingAgainAddsNothing() {
        long groups = identity.createGroupQuery().count();
        long tenants = identity.createTenantQuery().count();
        long grants = authorizations.createAuthorizationQuery().count();
        long filterCount = filters.createFilterQuery().count();
        Integer countyRows = jdbc.queryForObject("SELECT COUNT(*) FROM county", Integer.class);

        seedAll();
        seedAll();

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

        seedAll();

        String verifications = filters.createFilterQuery().filterName("بازدید و تأیید شعب شهرستان من").singleResult()
                .getId();
        String myGroup = filters.createFilterQuery().filterName("کارهای گروه من").singleResult().getId();
        assertThat(authorizations.isUserAuthorized("someone", List.of("trainer-ahvaz"), Permissions.READ,
                Resources.FILTER, verifications)).isFalse();
        assertThat(authorizations.isUserAuthorized("someone", List.of("trainer-ahvaz"), Permissions.READ,
                Resources.FILTER, myGroup)).isTrue();
        assertThat(authorizations.isUserAuthorized("someone", List.of("district-head-ahvaz-central"), Permissions.READ,
                Resources.FILTER, verifications)).isTrue();
        assertThat(authorizations.isUserAuthorized("someone", List.of("province-elections-khuzestan"), Permissions.READ,
                Resources.FILTER, verifications)).isTrue();
    }

    private void seedAll() {
        seeder.seedPolicy();
        places.afterAccessSeeding();
    }
}
