package org.electionprep.engine;

import java.util.List;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
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
 * nothing.
 */
final class TaskScopedVariableReads extends AuthorizationManager {

    /** Matches no variable: the scope a refused query is narrowed to. */
    static final String NO_SCOPE = "-no-scope-";

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
        List<String> allowed = asked == null || asked.length == 0 ? List.of()
                : scopes.workable(auth.getUserId(), auth.getGroupIds(), List.of(asked));
        query.variableScopeIdIn(allowed.isEmpty() ? new String[] {NO_SCOPE} : allowed.toArray(String[]::new));
    }

    private boolean readsAllInstances(Authentication auth) {
        return isCamundaAdmin(auth)
                || isAuthorized(Permissions.READ, Resources.PROCESS_INSTANCE, "*")
                || isAuthorized(ProcessDefinitionPermissions.READ_INSTANCE, Resources.PROCESS_DEFINITION, "*");
    }
}
