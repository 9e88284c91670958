package org.electionprep.readiness;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
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

    /** What holds counties back, each list capped, its total exact. */
    public record Blocking(Section<LinkDown> linksDown, Section<OverdueTask> overdueTasks,
                           Section<OpenIncident> incidents) {
    }

    /** One list and how many there are in all. */
    public record Section<T>(long total, List<T> items) {
    }

    /** A station whose active primary link failed its last test, and the fix task to act in (null: none open). */
    public record LinkDown(String station, String name, String county, String district, String status, String circuit,
                           String result, String testedAt, String link) {
    }

    /** A task past its due date. */
    public record OverdueTask(String task, String name, String county, String businessKey, String due,
                              String assignee, String link) {
    }

    /** An open incident; its message and Cockpit link only for those with Cockpit. */
    public record OpenIncident(String incident, String county, String businessKey, String activity, String message,
                               String since, String link) {
    }

    /** Incident messages and Cockpit links only for those with Cockpit (province managers): they show engine internals. */
    public Blocking of(List<String> counties, boolean withEngineDetails) {
        if (counties.isEmpty()) {
            return new Blocking(new Section<>(0, List.of()), new Section<>(0, List.of()), new Section<>(0, List.of()));
        }
        String[] tenants = counties.toArray(String[]::new);
        return new Blocking(linksDown(counties, tenants), overdueTasks(tenants), incidents(tenants, withEngineDetails));
    }

    private Section<LinkDown> linksDown(List<String> counties, String[] tenants) {
        String in = counties.stream().map(c -> "?").collect(Collectors.joining(", "));
        String from = """
                 FROM station s
                 JOIN network_link l ON l.station_code = s.code AND l.role = 'PRIMARY' AND l.active = TRUE
                 JOIN link_test t ON t.id = (SELECT MAX(id) FROM link_test WHERE link_id = l.id)
                WHERE s.county_code IN (""" + in + """
                ) AND t.result <> 'OK' AND s.status NOT IN ('READY', 'REJECTED', 'PAPER_FALLBACK')
                """;
        Integer total = jdbc.queryForObject("SELECT COUNT(*)" + from, Integer.class, counties.toArray());
        List<LinkDown> found = jdbc.query("SELECT s.code, s.name, s.county_code, s.district_code, s.status,"
                + " l.circuit_id, t.result, t.tested_at" + from + " ORDER BY t.tested_at, s.code FETCH FIRST " + LIMIT
                + " ROWS ONLY", (rs, n) -> new LinkDown(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getTimestamp(8).toInstant().toString(), null), counties.toArray());
        // Where to act: the open connectivity fix of each of these stations.
        Map<String, String> fixes = new HashMap<>();
        Messages.asApp(identity, () -> {
            List<Task> open = tasks.createTaskQuery().tenantIdIn(tenants)
                    .taskDefinitionKey(StationReadiness.FIX_CONNECTIVITY.id()).list();
            Map<String, String> keys = businessKeys(open.stream().map(Task::getProcessInstanceId)
                    .collect(Collectors.toSet()));
            open.forEach(task -> fixes.put(keys.get(task.getProcessInstanceId()), task.getId()));
            return null;
        });
        List<LinkDown> rows = found.stream().map(row -> {
            String task = fixes.get(row.station());
            return new LinkDown(row.station(), row.name(), row.county(), row.district(), row.status(), row.circuit(),
                    row.result(), row.testedAt(), task == null ? null : TASKLIST + task);
        }).toList();
        return new Section<>(total == null ? 0 : total, rows);
    }

    private Section<OverdueTask> overdueTasks(String[] tenants) {
        return Messages.asApp(identity, () -> {
            Date now = Date.from(clock.instant());
            long total = tasks.createTaskQuery().tenantIdIn(tenants).dueBefore(now).count();
            List<Task> page = tasks.createTaskQuery().tenantIdIn(tenants).dueBefore(now).orderByDueDate().asc()
                    .listPage(0, LIMIT);
            Map<String, String> keys = businessKeys(page.stream().map(Task::getProcessInstanceId)
                    .collect(Collectors.toSet()));
            List<OverdueTask> rows = new ArrayList<>();
            for (Task task : page) {
                rows.add(new OverdueTask(task.getId(), task.getName(), task.getTenantId(),
                        keys.get(task.getProcessInstanceId()), task.getDueDate().toInstant().toString(),
                        task.getAssignee(), TASKLIST + task.getId()));
            }
            return new Section<>(total, rows);
        });
    }

    private Section<OpenIncident> incidents(String[] tenants, boolean withEngineDetails) {
        return Messages.asApp(identity, () -> {
            long total = runtime.createIncidentQuery().tenantIdIn(tenants).count();
            List<Incident> page = runtime.createIncidentQuery().tenantIdIn(tenants).orderByIncidentTimestamp().asc()
                    .listPage(0, LIMIT);
            Map<String, String> keys = businessKeys(page.stream().map(Incident::getProcessInstanceId)
                    .collect(Collectors.toSet()));
            List<OpenIncident> rows = new ArrayList<>();
            for (Incident incident : page) {
                rows.add(new OpenIncident(incident.getId(), incident.getTenantId(),
                        keys.get(incident.getProcessInstanceId()), incident.getActivityId(),
                        withEngineDetails ? incident.getIncidentMessage() : null,
                        incident.getIncidentTimestamp().toInstant().toString(),
                        withEngineDetails ? COCKPIT + incident.getProcessInstanceId() + "/runtime" : null));
            }
            return new Section<>(total, rows);
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
}
