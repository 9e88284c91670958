package org.electionprep.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Plays the officials of county and regional readiness in process tests: starts a region, finds the instances and
 * tasks of a county, completes tasks as the right official (so the role checks run) and fires jobs explicitly.
 */
public final class ReadinessDriver {

    public static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final IdentityService identity;

    public ReadinessDriver(RuntimeService runtime, TaskService tasks, ManagementService management,
                           IdentityService identity) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.identity = identity;
    }

    public static LocalDate today() {
        return LocalDate.now(TEHRAN);
    }

    /** A region of the given counties, its election 100 days ahead, so that no milestone is due yet. */
    public ProcessInstance startRegion(String... counties) {
        String code = "r-" + UUID.randomUUID().toString().substring(0, 8);
        return runtime.startProcessInstanceByKey("regional-readiness", Map.of("regionCode", code,
                "regionName", "منطقه آزمایشی", "electionDate", today().plusDays(100).toString(),
                "counties", String.join(",", counties)));
    }

    public ProcessInstance county(String county) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("county-readiness")
                .processInstanceBusinessKey(county).singleResult();
    }

    public ProcessInstance station(String code) {
        ProcessInstance pi = runtime.createProcessInstanceQuery().processDefinitionKey("station-readiness")
                .processInstanceBusinessKey(code).singleResult();
        return pi;
    }

    public ProcessInstance startStation(String code) {
        return runtime.startProcessInstanceByKey("station-readiness", code, Map.of("stationCode", code));
    }

    /** The one open task of the instance (any process) with this definition key. */
    public Task task(ProcessInstance pi, String key) {
        List<Task> open = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).list();
        assertThat(open).as("open '" + key + "' tasks").hasSize(1);
        return open.get(0);
    }

    public List<Task> tasks(ProcessInstance pi, String key) {
        return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).list();
    }

    /** Completes the task as the given county official (role as in {@link TestCounties#ROLES}). */
    public void complete(Task task, String role, String county, Map<String, Object> variables) {
        as(TestCounties.userOf(role, county), List.of(TestCounties.groupOf(role, county)), List.of(county),
                () -> tasks.complete(task.getId(), variables));
    }

    /** Completes the task as the provincial elections directorate. */
    public void completeAsProvince(Task task, Map<String, Object> variables) {
        as("province-user", List.of("province-elections-khuzestan"), List.of("khuzestan"),
                () -> tasks.complete(task.getId(), variables));
    }

    /** Completes a task of a county's tenant as the provincial directorate, which is a member of every county. */
    public void completeAsProvince(Task task, String county, Map<String, Object> variables) {
        as("province-user", List.of("province-elections-khuzestan"), List.of("khuzestan", county),
                () -> tasks.complete(task.getId(), variables));
    }

    public void as(String user, List<String> groups, List<String> tenants, Runnable work) {
        identity.setAuthentication(user, groups, tenants);
        try {
            work.run();
        } finally {
            identity.clearAuthentication();
        }
    }

    public void approveSite(String stationCode, String county) {
        complete(task(station(stationCode), "verifySite"), "district-head", county, Map.of("siteOutcome", "approve",
                "accessible", true, "powerAvailable", true, "secure", true, "capacityConfirmed", true));
    }

    public void finalizeCounty(String county) {
        complete(task(county(county), "finalizeStationDatabase"), "governor", county,
                Map.of("databaseConfirmed", true, "finalizationNotes", "بررسی شد"));
    }

    /** Runs the station's pending connectivity check and signs its training off as passed. */
    public void connectAndTrain(String stationCode, String county) {
        runJob(station(stationCode), "checkConnectivity");
        complete(task(station(stationCode), "signOffTraining"), "trainer", county, Map.of("operatorNames", "مریم احمدی",
                "trainingCompleted", true, "drillResult", "passed"));
    }

    /** Fires the instance's job at this activity (a timer's boundary event or an async step), as the executor would. */
    public void runJob(ProcessInstance pi, String activityId) {
        Job job = management.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
        assertThat(job).as("job at '" + activityId + "'").isNotNull();
        management.executeJob(job.getId());
    }

    public boolean hasJob(ProcessInstance pi, String activityId) {
        return management.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).count() > 0;
    }

    public void scheduleRegionalSession(ProcessInstance region, LocalDate day) {
        completeAsProvince(task(region, "scheduleRegionalTraining"), Map.of("sessionDate", day.toString(),
                "venue", "سالن اجتماعات استانداری", "trainers", "کارشناسان اداره کل"));
    }

    /** Records every pending official of the county as trained, or the named one as failed. */
    public void recordOfficials(String county, String failing) {
        ProcessInstance pi = county(county);
        for (Task task : tasks(pi, "recordOfficialTraining")) {
            String official = (String) tasks.getVariable(task.getId(), "official");
            boolean pass = !official.equals(failing);
            Map<String, Object> result = new HashMap<>();
            result.put("attended", true);
            result.put("exerciseScore", pass ? 85 : 30);
            result.put("exercisePassed", pass);
            complete(task, "trainer", county, result);
        }
    }

    public void declare(String county) {
        complete(task(county(county), "declareCountyReady"), "governor", county,
                Map.of("readinessConfirmed", true, "declarationNote", "آماده"));
    }
}
