package org.electionprep.engine;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * Keeps counties and roles apart on every task command (claim, complete, submit form, assign, reading or changing
 * the task's variables), wherever it comes from: Tasklist, REST or Java. The grant on tasks is county-wide by design
 * (see {@link NoPerTaskGroupGrants}), so a user may work on a task only if it belongs to one of their tenants and
 * they are among its candidates (group or user) or its assignee. Engine steps without an authenticated user and administrators pass. A refusal is an
 * {@link AuthorizationException}, which REST answers with 403.
 */
final class TaskRoleChecker implements InvocationHandler {

    private static final Map<String, String> GUARDED = Map.of(
            "checkTaskWork", "work on",
            "checkTaskAssign", "assign",
            "checkReadTaskVariable", "read the variables of",
            "checkUpdateTaskVariable", "change the variables of");

    static CommandChecker create() {
        return (CommandChecker) Proxy.newProxyInstance(TaskRoleChecker.class.getClassLoader(),
                new Class<?>[] {CommandChecker.class}, new TaskRoleChecker());
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        switch (method.getName()) {
            case "toString" -> {
                return "TaskRoleChecker";
            }
            case "hashCode" -> {
                return System.identityHashCode(proxy);
            }
            case "equals" -> {
                return proxy == args[0];
            }
            default -> {
                String action = GUARDED.get(method.getName());
                if (action != null && args != null && args.length == 1 && args[0] instanceof TaskEntity task) {
                    check(task, action);
                }
                return null;
            }
        }
    }

    static void check(TaskEntity task, String action) {
        Authentication auth = Officials.current().orElse(null);
        if (auth == null) {
            return;
        }
        List<String> groups = auth.getGroupIds() == null ? List.of() : auth.getGroupIds();
        String user = auth.getUserId();
        List<String> tenants = auth.getTenantIds() == null ? List.of() : auth.getTenantIds();
        if (task.getTenantId() != null && !tenants.contains(task.getTenantId())) {
            throw refusal(user, action, task, "it belongs to another county");
        }
        if (!"assign".equals(action) && user.equals(task.getAssignee())) {
            return;
        }
        if (!isCandidate(task.getIdentityLinks(), user, groups)) {
            throw refusal(user, action, task, "it belongs to another role");
        }
    }

    /** Whether a user with these groups is among the candidates (group or user) of a task with these links. */
    static boolean isCandidate(Collection<? extends IdentityLink> links, String user, Collection<String> groups) {
        return links.stream().anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType())
                && (user.equals(link.getUserId()) || (link.getGroupId() != null && groups.contains(link.getGroupId()))));
    }

    private static AuthorizationException refusal(String user, String action, TaskEntity task, String why) {
        return new AuthorizationException("User '" + user + "' may not " + action + " task '" + task.getName() + "' ("
                + task.getId() + "): " + why);
    }
}
