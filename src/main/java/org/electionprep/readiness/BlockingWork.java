package org.electionprep.readiness;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.electionprep.engine.Messages;
import org.electionprep.integration.ApiCaller;
import org.electionprep.shared.process.StationReadiness;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * What is holding counties back, for the readiness dashboard: stations whose primary link last failed its test,
 * tasks past their due date, and open incidents; each with where to act (the task in Tasklist, the instance in
 * Cockpit). Read as the app for the counties the caller oversees (see ApiCaller.mayOversee), so that a governor sees
 * their county's whole picture, not only their own tasks; the lists are capped, the counts are not.
 */
@Service
public class BlockingWork {

    static final int LIMIT = 100;
    static final String TASKLIST = "/camunda/app/tasklist/default/#/?task=";
    static final String COCKPIT = "/camunda/app/cockpit/default/#/process-instance/";

    private final JdbcTemplate jdbc;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final Clock clock;

    public BlockingWork(JdbcTemplate jdbc, TaskService tasks, RuntimeService runtime, IdentityService identity,
                        Clock clock) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.runtime = runtime;
        this.identity = identity;
        this.clock = clock;
    }

    /** Incident messages and Cockpit links only for those with Cockpit (province managers): they show engine internals. */
    public Map<String, Object> of(List<String> counties, boolean withEngineDetails) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (counties.isEmpty()) {
            body.put("linksDown", section(0, List.of()));
            body.put("overdueTasks", section(0, List.of()));
            body.put("incidents", section(0, List.of()));
            return body;
        }
        String[] tenants = counties.toArray(String[]::new);
        body.put("linksDown", linksDown(counties, tenants));
        body.put("overdueTasks", overdueTasks(tenants));
        body.put("incidents", incidents(tenants, withEngineDetails));
        return body;
    }

    private Map<String, Object> linksDown(List<String> counties, String[] tenants) {
        String in = counties.stream().map(c -> "?").collect(Collectors.joining(", "));
        String from = """
                 FROM station s
                 JOIN network_link l ON l.station_code = s.code AND l.role = 'PRIMARY' AND l.active = TRUE
                 JOIN link_test t ON t.id = (SELECT MAX(id) FROM link_test WHERE link_id = l.id)
                WHERE s.county_code IN (""" + in + """
                ) AND t.result <> 'OK' AND s.status NOT IN ('READY', 'REJECTED', 'PAPER_FALLBACK')
                """;
        Integer total = jdbc.queryForObject("SELECT COUNT(*)" + from, Integer.class, counties.toArray());
        List<Map<String, Object>> rows = new ArrayList<>();
        jdbc.query("SELECT s.code, s.name, s.county_code, s.district_code, s.status, l.circuit_id, t.result,"
                + " t.tested_at" + from + " ORDER BY t.tested_at, s.code FETCH FIRST " + LIMIT + " ROWS ONLY", rs -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("station", rs.getString(1));
                    row.put("name", rs.getString(2));
                    row.put("county", rs.getString(3));
                    row.put("district", rs.getString(4));
                    row.put("status", rs.getString(5));
                    row.put("circuit", rs.getString(6));
                    row.put("result", rs.getString(7));
                    row.put("testedAt", rs.getTimestamp(8).toInstant().toString());
                    rows.add(row);
                }, counties.toArray());
        // Where to act: the open connectivity fix of each of these stations.
        Map<String, String> fixes = new HashMap<>();
        Messages.asApp(identity, () -> {
            List<Task> open = tasks.createTaskQuery().tenantIdIn(tenants)
                    .taskDefinitionKey(StationReadiness.FIX_CONNECTIVITY.id()).list();
            Map<String, String> keys = businessKeys(open.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet()));
            open.forEach(task -> fixes.put(keys.get(task.getProcessInstanceId()), task.getId()));
            return null;
        });
        rows.forEach(row -> {
            String task = fixes.get((String) row.get("station"));
            row.put("link", task == null ? null : TASKLIST + task);
        });
        return section(total == null ? 0 : total, rows);
    }

    private Map<String, Object> overdueTasks(String[] tenants) {
        return Messages.asApp(identity, () -> {
            Date now = Date.from(clock.instant());
            long total = tasks.createTaskQuery().tenantIdIn(tenants).dueBefore(now).count();
            List<Task> page = tasks.createTaskQuery().tenantIdIn(tenants).dueBefore(now).orderByDueDate().asc()
                    .listPage(0, LIMIT);
            Map<String, String> keys = businessKeys(page.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet()));
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Task task : page) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("task", task.getId());
                row.put("name", task.getName());
                row.put("county", task.getTenantId());
                row.put("businessKey", keys.get(task.getProcessInstanceId()));
                row.put("due", task.getDueDate().toInstant().toString());
                row.put("assignee", task.getAssignee());
                row.put("link", TASKLIST + task.getId());
                rows.add(row);
            }
            return section(total, rows);
        });
    }

    private Map<String, Object> incidents(String[] tenants, boolean withEngineDetails) {
        return Messages.asApp(identity, () -> {
            long total = runtime.createIncidentQuery().tenantIdIn(tenants).count();
            List<Incident> page = runtime.createIncidentQuery().tenantIdIn(tenants).orderByIncidentTimestamp().asc()
                    .listPage(0, LIMIT);
            Map<String, String> keys = businessKeys(page.stream().map(Incident::getProcessInstanceId)
                    .collect(Collectors.toSet()));
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Incident incident : page) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("incident", incident.getId());
                row.put("county", incident.getTenantId());
                row.put("businessKey", keys.get(incident.getProcessInstanceId()));
                row.put("activity", incident.getActivityId());
                row.put("message", withEngineDetails ? incident.getIncidentMessage() : null);
                row.put("since", incident.getIncidentTimestamp().toInstant().toString());
                row.put("link", withEngineDetails ? COCKPIT + incident.getProcessInstanceId() + "/runtime" : null);
                rows.add(row);
            }
            return section(total, rows);
        });
    }

    private Map<String, String> businessKeys(Set<String> instanceIds) {
        instanceIds.remove(null);
        if (instanceIds.isEmpty()) {
            return Map.of();
        }
        Map<String, String> keys = new HashMap<>();
        for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceIds(instanceIds).list()) {
            keys.put(instance.getId(), instance.getBusinessKey());
        }
        return keys;
    }

    private static Map<String, Object> section(long total, List<Map<String, Object>> items) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("total", total);
        section.put("items", items);
        return section;
    }
}
