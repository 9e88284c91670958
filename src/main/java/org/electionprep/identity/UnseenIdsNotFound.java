package org.electionprep.identity;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An engine REST call on a task, instance, execution, job, definition, variable or deployment by id answers 404, the
 * same body as for an id that never existed, when the caller cannot see that id (another county's, or none at all):
 * the engine would otherwise refuse another county's id with a tenant error (ENGINE-13034, a 500) or a 403 and an
 * unknown id with one of several other answers, and the difference tells whether an id exists elsewhere. Visibility is
 * the engine's own query as the caller, with their grants and tenants. Runs after the authentication, for engine REST
 * and for the webapps' own calls of the same API.
 */
final class UnseenIdsNotFound extends OncePerRequestFilter {

    /** The engine REST API, and the same API as the webapps (Tasklist, Cockpit) call it with their session. */
    static final Pattern PREFIX = Pattern.compile("^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/([^/]+))/");

    /** By first path segment(s): what the id names, the words in its place that are not ids, and whether the caller sees it. */
    private record Kind(String noun, Set<String> notIds, Predicate<String> visible) {
    }

    private final ProcessEngine engine;
    private final Map<String, Kind> kinds;

    UnseenIdsNotFound(ProcessEngine engine) {
        this.engine = engine;
        this.kinds = Map.of(
                "task", new Kind("task", Set.of("count", "create", "report"),
                        id -> engine.getTaskService().createTaskQuery().taskId(id).count() > 0),
                "process-instance", new Kind("process instance", Set.of("count", "delete", "delete-historic-query-based",
                        "job-retries", "job-retries-historic-query-based", "suspended", "suspended-async",
                        "variables-async", "message-async"),
                        id -> engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count() > 0),
                "execution", new Kind("execution", Set.of("count"),
                        id -> engine.getRuntimeService().createExecutionQuery().executionId(id).count() > 0),
                "job", new Kind("job", Set.of("count", "retries", "suspended"),
                        id -> engine.getManagementService().createJobQuery().jobId(id).count() > 0),
                "process-definition", new Kind("process definition", Set.of("count", "key", "statistics", "suspended"),
                        id -> engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionId(id)
                                .count() > 0),
                "variable-instance", new Kind("variable", Set.of("count"),
                        id -> engine.getRuntimeService().createVariableInstanceQuery().variableId(id).count() > 0),
                "deployment", new Kind("deployment", Set.of("count", "create", "registered"),
                        id -> engine.getRepositoryService().createDeploymentQuery().deploymentId(id).count() > 0),
                "history/process-instance", new Kind("process instance", Set.of("count", "delete", "report",
                        "set-removal-time"),
                        id -> engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(id)
                                .count() > 0),
                "history/variable-instance", new Kind("variable", Set.of("count", "set-removal-time"),
                        id -> engine.getHistoryService().createHistoricVariableInstanceQuery().variableId(id)
                                .count() > 0));
    }

    /** Whether the caller's own query finds the id: run as the caller when the engine does not know them yet. */
    private boolean visibleTo(Authentication auth, Kind kind, String id) {
        IdentityService identity = engine.getIdentityService();
        Authentication current = identity.getCurrentAuthentication();
        if (current != null) {
            return kind.visible().test(id);
        }
        identity.setAuthentication(auth);
        try {
            return kind.visible().test(id);
        } finally {
            identity.clearAuthentication();
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = WebRequests.path(request);
        Matcher prefix = PREFIX.matcher(path);
        Authentication auth = !prefix.find() ? null : prefix.group(1) == null
                ? engine.getIdentityService().getCurrentAuthentication() : WebRequests.webappUser(request, prefix.group(1));
        if (auth == null || (auth.getGroupIds() != null && auth.getGroupIds().contains(Groups.CAMUNDA_ADMIN))) {
            chain.doFilter(request, response);
            return;
        }
        String[] segments = path.substring(prefix.end()).split("/");
        boolean history = segments.length > 1 && segments[0].equals("history");
        Kind kind = kinds.get(history ? "history/" + segments[1] : segments[0]);
        int idAt = history ? 2 : 1;
        if (kind == null || segments.length <= idAt || segments[idAt].isEmpty()
                || kind.notIds().contains(segments[idAt])) {
            chain.doFilter(request, response);
            return;
        }
        String id = segments[idAt];
        if (visibleTo(auth, kind, id)) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"NotFound\",\"message\":\"No " + kind.noun() + " with id '"
                + id.replaceAll("[^A-Za-z0-9:._-]", "?") + "' that you may see\"}");
    }
}
