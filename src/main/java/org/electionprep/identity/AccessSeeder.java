package org.electionprep.identity;

import static org.electionprep.shared.process.InstanceFacts.COUNTY_NAME;
import static org.electionprep.shared.process.InstanceFacts.STATION_CODE;
import static org.electionprep.shared.process.InstanceFacts.STATION_NAME;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.electionprep.shared.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Seeds what access.yml declares for every place: a tenant per county and per province, a group per role and place in
 * its tenant, the province's groups in its counties' tenants, the national groups in every tenant, their grants and the
 * shared Tasklist filters. Called at every start for every place and at once for a place that is imported; running it
 * again adds only what is missing.
 */
@Component
public class AccessSeeder {

    private static final Logger log = LoggerFactory.getLogger(AccessSeeder.class);

    private final AccessProperties access;
    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;

    public AccessSeeder(AccessProperties access, IdentityService identity, AuthorizationService authorizations,
                        FilterService filters, TaskService tasks) {
        this.access = access;
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
    }

    /** What belongs to no place: the filters and the national groups with their grants. */
    public void seedPolicy() {
        List<String> roles = java.util.stream.Stream.concat(access.countyRoles().stream(),
                access.districtRoles().stream()).map(AccessProperties.Role::id).toList();
        for (AccessProperties.FilterSpec spec : access.filters()) {
            if (!roles.containsAll(spec.roles())) {
                throw new IllegalStateException("access.yml: filter '" + spec.name() + "' names roles " + spec.roles()
                        + ", but the county and district roles are " + roles);
            }
        }
        access.filters().forEach(this::ensureFilter);
        for (AccessProperties.Role role : access.nationalRoles()) {
            ensureGroup(role.id(), role.name());
            role.grants().forEach(grant -> ensureGrant(role.id(), grant));
        }
        log.info("Access policy seeded: {} county roles, {} province roles, {} national roles, {} filters",
                access.countyRoles().size(), access.provinceRoles().size(), access.nationalRoles().size(),
                access.filters().size());
    }

    /** A province's tenant (its regional work) with its groups, and the national groups in it. */
    public void seedProvince(String code, String name) {
        ensureTenant(code, name);
        Set<String> inTenant = groupsInTenant(code);
        List<String> ids = access.provinceRoles().stream().map(role -> role.groupIdFor(code)).toList();
        PlaceGroups groups = placeGroups(ids);
        for (AccessProperties.Role role : access.provinceRoles()) {
            String groupId = role.groupIdFor(code);
            groups.ensureGroup(groupId, role.name() + " " + name);
            ensureTenantMembership(code, groupId, inTenant);
            role.grants().forEach(grant -> ensureGrant(groupId, grant, groups.grants(groupId)));
        }
        access.nationalRoles().forEach(role -> ensureTenantMembership(code, role.id(), inTenant));
    }

    /**
     * A county's tenant with its groups, their grants and filters, and its province's and the national groups in it.
     * The province is seeded first.
     */
    public void seedCounty(String code, String name, String province) {
        ensureTenant(code, name);
        Set<String> inTenant = groupsInTenant(code);
        seedWorkingGroups(access.countyRoles(), code, name, code, inTenant);
        access.provinceRoles().forEach(role -> ensureTenantMembership(code, role.groupIdFor(province), inTenant));
        access.nationalRoles().forEach(role -> ensureTenantMembership(code, role.id(), inTenant));
    }

    /** A district's groups (its head's), in its county's tenant, with their grants and filters. */
    public void seedDistrict(String code, String name, String county) {
        seedWorkingGroups(access.districtRoles(), code, name, county, groupsInTenant(county));
    }

    /**
     * The roles' groups of a county or district, in the given tenant, with their grants and their own filters. What
     * exists is read in a few queries and only what is missing is written: this runs for every place at every start
     * and for each place of a country's divisions file.
     */
    private void seedWorkingGroups(List<AccessProperties.Role> roles, String place, String placeName, String tenant,
                                   Set<String> inTenant) {
        Map<String, Set<String>> filtersOfRole = filtersOfRole();
        PlaceGroups groups = placeGroups(roles.stream().map(role -> role.groupIdFor(place)).toList());
        for (AccessProperties.Role role : roles) {
            String groupId = role.groupIdFor(place);
            groups.ensureGroup(groupId, role.name() + " " + placeName);
            ensureTenantMembership(tenant, groupId, inTenant);
            role.grants().forEach(grant -> ensureGrant(groupId, grant, groups.grants(groupId)));
            grantOnlyFilters(groupId, filtersOfRole.getOrDefault(role.id(), Set.of()), groups.grants(groupId));
        }
    }

    /** A district moved to another county: its groups leave the old county's tenant for the new one's. */
    public void moveDistrict(String code, String from, String to) {
        for (AccessProperties.Role role : access.districtRoles()) {
            String groupId = role.groupIdFor(code);
            if (identity.createTenantQuery().tenantId(from).groupMember(groupId).count() > 0) {
                identity.deleteTenantGroupMembership(from, groupId);
            }
            ensureTenantMembership(to, groupId);
        }
    }

    /** A renamed province: its tenant and its groups carry the new name. */
    public void renameProvince(String code, String name) {
        renameTenant(code, name);
        renameGroups(code, name, access.provinceRoles());
    }

    /** A renamed county: its tenant and its groups carry the new name. */
    public void renameCounty(String code, String name) {
        renameTenant(code, name);
        renameGroups(code, name, access.countyRoles());
    }

    /** A renamed district: its groups carry the new name. */
    public void renameDistrict(String code, String name) {
        renameGroups(code, name, access.districtRoles());
    }

    private void renameTenant(String code, String name) {
        Tenant tenant = identity.createTenantQuery().tenantId(code).singleResult();
        if (tenant != null && !name.equals(tenant.getName())) {
            tenant.setName(name);
            identity.saveTenant(tenant);
        }
    }

    private void renameGroups(String code, String name, List<AccessProperties.Role> roles) {
        for (AccessProperties.Role role : roles) {
            Group group = identity.createGroupQuery().groupId(role.groupIdFor(code)).singleResult();
            if (group != null && !(role.name() + " " + name).equals(group.getName())) {
                group.setName(role.name() + " " + name);
                identity.saveGroup(group);
            }
        }
    }

    /**
     * A database seeded when access.yml named one province and its groups had no province in their ids
     * (province-elections, province-it, integration): their members join the province's own groups, their open tasks
     * are offered to those groups, and the old groups go with their grants. The province is the one whose tenant the
     * old group is in. Done once; a database without them is left alone.
     */
    public void migrateProvinceWideGroups(Set<String> provinces) {
        for (AccessProperties.Role role : access.provinceRoles()) {
            String old = role.id();
            if (identity.createGroupQuery().groupId(old).count() == 0) {
                continue;
            }
            List<String> provincesOfOld = identity.createTenantQuery().groupMember(old).list().stream()
                    .map(Tenant::getId).filter(provinces::contains).toList();
            if (provincesOfOld.size() != 1) {
                log.warn("Access: group '{}' of an earlier version is in the tenants of provinces {}, not of one;"
                        + " its members stay there, move them by hand", old, provincesOfOld);
                continue;
            }
            String province = provincesOfOld.get(0);
            String now = role.groupIdFor(province);
            for (User member : identity.createUserQuery().memberOfGroup(old).list()) {
                if (identity.createUserQuery().userId(member.getId()).memberOfGroup(now).count() == 0) {
                    identity.createMembership(member.getId(), now);
                }
            }
            for (Task task : tasks.createTaskQuery().taskCandidateGroup(old).includeAssignedTasks().list()) {
                tasks.addCandidateGroup(task.getId(), now);
                tasks.deleteCandidateGroup(task.getId(), old);
            }
            authorizations.createAuthorizationQuery().groupIdIn(old).list()
                    .forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
            identity.deleteGroup(old);
            log.info("Access migrated: the members and open tasks of group '{}' now belong to group '{}'", old, now);
        }
    }

    /** The ids of the filters each county and district role reads, by role. */
    private Map<String, Set<String>> filtersOfRole() {
        // One query for all filters: this runs for every county and district at every start.
        Map<String, List<String>> idsByName = new HashMap<>();
        filters.createFilterQuery().list().forEach(f -> idsByName.computeIfAbsent(f.getName(), n -> new ArrayList<>())
                .add(f.getId()));
        Map<String, Set<String>> filtersOfRole = new HashMap<>();
        for (AccessProperties.FilterSpec spec : access.filters()) {
            List<String> ids = idsByName.getOrDefault(spec.name(), List.of());
            if (ids.size() != 1) {
                throw new IllegalStateException("The filter '" + spec.name() + "' exists " + ids.size()
                        + " times; seed the policy first, and keep one filter of that name");
            }
            spec.roles().forEach(role -> filtersOfRole.computeIfAbsent(role, r -> new HashSet<>()).add(ids.get(0)));
        }
        return filtersOfRole;
    }

    private void ensureTenant(String id, String name) {
        if (identity.createTenantQuery().tenantId(id).count() == 0) {
            Tenant tenant = identity.newTenant(id);
            tenant.setName(name);
            identity.saveTenant(tenant);
        }
    }

    private void ensureGroup(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            createGroup(id, name);
        }
    }

    private void createGroup(String id, String name) {
        Group group = identity.newGroup(id);
        group.setName(name);
        group.setType("WORKFLOW");
        identity.saveGroup(group);
    }

    /** The ids of the groups that are members of a tenant. */
    private Set<String> groupsInTenant(String tenantId) {
        Set<String> ids = new HashSet<>();
        identity.createGroupQuery().memberOfTenant(tenantId).list().forEach(group -> ids.add(group.getId()));
        return ids;
    }

    private void ensureTenantMembership(String tenantId, String groupId, Set<String> inTenant) {
        if (inTenant.add(groupId)) {
            identity.createTenantGroupMembership(tenantId, groupId);
        }
    }

    private void ensureTenantMembership(String tenantId, String groupId) {
        if (identity.createTenantQuery().tenantId(tenantId).groupMember(groupId).count() == 0) {
            identity.createTenantGroupMembership(tenantId, groupId);
        }
    }

    /** A place's groups as they are: which exist, and the grants of each (read in two queries). */
    private PlaceGroups placeGroups(List<String> ids) {
        Set<String> existing = new HashSet<>();
        identity.createGroupQuery().groupIdIn(ids.toArray(String[]::new)).list().forEach(g -> existing.add(g.getId()));
        Map<String, List<Authorization>> grants = new HashMap<>();
        ids.forEach(id -> grants.put(id, new ArrayList<>()));
        authorizations.createAuthorizationQuery().groupIdIn(ids.toArray(String[]::new)).list()
                .forEach(grant -> grants.get(grant.getGroupId()).add(grant));
        return new PlaceGroups(existing, grants);
    }

    private final class PlaceGroups {

        private final Set<String> existing;
        private final Map<String, List<Authorization>> grants;

        private PlaceGroups(Set<String> existing, Map<String, List<Authorization>> grants) {
            this.existing = existing;
            this.grants = grants;
        }

        void ensureGroup(String id, String name) {
            if (existing.add(id)) {
                createGroup(id, name);
            }
        }

        List<Authorization> grants(String groupId) {
            return grants.get(groupId);
        }
    }

    private void ensureGrant(String groupId, AccessProperties.Grant grant) {
        Resource resource = Resources.valueOf(grant.resource());
        ensureGrant(groupId, grant, authorizations.createAuthorizationQuery().groupIdIn(groupId)
                .resourceType(resource).list());
    }

    /** Grants what access.yml says, given the group's grants as they are (kept up to date here). */
    private void ensureGrant(String groupId, AccessProperties.Grant grant, List<Authorization> grantsOfGroup) {
        Resource resource = Resources.valueOf(grant.resource());
        Authorization existing = grantsOfGroup.stream()
                .filter(a -> a.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT
                        && a.getResourceType() == resource.resourceType()
                        && grant.resourceId().equals(a.getResourceId()))
                .findFirst().orElse(null);
        Authorization authorization = existing != null ? existing
                : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        boolean changed = existing == null;
        if (existing == null) {
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(grant.resourceId());
        }
        for (String name : grant.permissions()) {
            Permission permission = ResourceTypeUtil.getPermissionByNameAndResourceType(name, resource.resourceType());
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            Authorization saved = authorizations.saveAuthorization(authorization);
            grantsOfGroup.remove(existing);
            grantsOfGroup.add(saved);
        }
    }

    /**
     * A county or district group reads exactly the filters access.yml gives its role: a filter grant of an earlier
     * version (a county-wide one, say) is withdrawn, so each role sees its own filters on an existing database too.
     */
    private void grantOnlyFilters(String groupId, Set<String> filterIds, List<Authorization> grantsOfGroup) {
        filterIds.forEach(id -> ensureGrant(groupId, new AccessProperties.Grant("FILTER", id, List.of("READ")),
                grantsOfGroup));
        List.copyOf(grantsOfGroup).stream()
                .filter(grant -> grant.getResourceType() == Resources.FILTER.resourceType()
                        && !filterIds.contains(grant.getResourceId()))
                .forEach(grant -> {
                    authorizations.deleteAuthorization(grant.getId());
                    grantsOfGroup.remove(grant);
                });
    }

    /** Creates the filter, or brings an existing one of the same name back to what access.yml says. */
    private String ensureFilter(AccessProperties.FilterSpec spec) {
        TaskQuery query = tasks.createTaskQuery();
        if (spec.candidateGroupsOfCurrentUser()) {
            query.taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks();
        }
        if (spec.assignedToCurrentUser()) {
            query.taskAssigneeExpression("${currentUser()}");
        }
        if (!spec.taskKeys().isEmpty()) {
            query.taskDefinitionKeyIn(spec.taskKeys().toArray(String[]::new));
        }
        if (spec.overdue()) {
            query.dueBeforeExpression("${now()}");
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("description", spec.description());
        properties.put("priority", spec.priority());
        properties.put("refresh", true);
        // Shown under each task in Tasklist's list, so that sixty identical task names become sixty stations (and a
        // county's or an official's task shows its county).
        properties.put("variables", List.of(
                Map.of("name", STATION_NAME.name(), "label", Texts.get("identity.filter-column.station-name")),
                Map.of("name", STATION_CODE.name(), "label", Texts.get("identity.filter-column.station-code")),
                Map.of("name", COUNTY_NAME.name(), "label", Texts.get("identity.filter-column.county-name"))));
        properties.put("showUndefinedVariable", false);
        Filter existing = filters.createFilterQuery().filterName(spec.name()).singleResult();
        Filter filter = existing != null ? existing : filters.newTaskFilter(spec.name());
        return filters.saveFilter(filter.setQuery(query).setProperties(properties)).getId();
    }
}
