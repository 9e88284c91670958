package org.electionprep.engine;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.VariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * The engine lets anyone who may read a task read variables through the variable query, and the task grant is
 * county-wide by design ({@link NoPerTaskGroupGrants}): left alone, every official could read every variable of every
 * instance in their county. Here an account that may read process instances keeps the engine's answer; any other
 * account reads only the variables of the tasks it may work on (as candidate or assignee), of their executions and of
 * their process instances, and only by naming those scopes, as Tasklist's task list does. Anything else matches
 * nothing. The same accounts filter or sort tasks by variables only among their own tasks.
 */
final class TaskScopedVariableReads extends CallerGroupChecks {

    /** Matches no variable: the scope a refused query is narrowed to. */
    static final String NO_SCOPE = "-no-scope-";
    /** More scopes than a task list page could ask for; beyond it the check itself would be a burden. */
    static final int MAX_SCOPES = 1000;

    private final WorkableScopes scopes;

    private TaskScopedVariableReads(WorkableScopes scopes) {
        this.scopes = scopes;
    }

    static SessionFactory factory(WorkableScopes scopes) {
        return new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class;
            }

            @Override
            public Session openSession() {
                return new TaskScopedVariableReads(scopes);
            }
        };
    }

    @Override
    protected void configureVariableInstanceQuery(VariableInstanceQueryImpl query) {
        super.configureVariableInstanceQuery(query);
        Authentication auth = getCurrentAuthentication();
        if (!isAuthCheckExecuted() || auth == null || auth.getUserId() == null || readsAllInstances(auth)) {
            return;
        }
        String[] asked = query.getVariableScopeIds();
        if (asked != null && asked.length > MAX_SCOPES) {
            throw new BadUserRequestException("At most " + MAX_SCOPES + " variable scopes per query");
        }
        List<String> allowed = asked == null || asked.length == 0 ? List.of()
                : scopes.workable(auth.getUserId(), auth.getGroupIds(), List.of(asked));
        query.variableScopeIdIn(allowed.isEmpty() ? new String[] {NO_SCOPE} : allowed.toArray(String[]::new));
    }

    /**
     * Filtering or sorting tasks by a variable's value reveals that value (one guess at a time) even without reading
     * it, so an account that may not read instances does so only among its own tasks: a query restricted to its own
     * candidate groups, to itself as candidate, or to itself as assignee, as Tasklist's filters are.
     */
    @Override
    public void configureTaskQuery(TaskQueryImpl query) {
        super.configureTaskQuery(query);
        Authentication auth = getCurrentAuthentication();
        if (!isAuthCheckExecuted() || auth == null || auth.getUserId() == null || !usesVariables(query)
                || ownTasksOnly(query, auth) || readsAllInstances(auth)) {
            return;
        }
        throw new AuthorizationException("User '" + auth.getUserId() + "' may search or sort tasks by variables only"
                + " among their own tasks: restrict the query to their candidate groups or to themselves as assignee");
    }

    private static boolean usesVariables(TaskQueryImpl query) {
        boolean filters = query.getQueries().stream().anyMatch(q -> q.getVariables() != null && !q.getVariables().isEmpty());
        boolean sorts = query.getOrderingProperties() != null && query.getOrderingProperties().stream()
                .anyMatch(p -> QueryOrderingProperty.RELATION_VARIABLE.equals(p.getRelation()));
        return filters || sorts;
    }

    private static boolean ownTasksOnly(TaskQueryImpl query, Authentication auth) {
        String user = auth.getUserId();
        List<String> groups = auth.getGroupIds() == null ? List.of() : auth.getGroupIds();
        List<String> candidateGroups = query.getCandidateGroupsInternal();
        return user.equals(query.getCandidateUser()) || user.equals(query.getAssignee())
                || (query.getCandidateGroup() != null && groups.contains(query.getCandidateGroup()))
                || (candidateGroups != null && !candidateGroups.isEmpty() && groups.containsAll(candidateGroups));
    }

    private boolean readsAllInstances(Authentication auth) {
        return isCamundaAdmin(auth)
                || isAuthorized(Permissions.READ, Resources.PROCESS_INSTANCE, "*")
                || isAuthorized(ProcessDefinitionPermissions.READ_INSTANCE, Resources.PROCESS_DEFINITION, "*");
    }
}
