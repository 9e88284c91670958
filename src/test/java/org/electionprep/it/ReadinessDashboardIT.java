package org.electionprep.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.electionprep.support.Officials;
import org.electionprep.support.PostgresAppTest;
import org.electionprep.support.RestClient;
import org.electionprep.support.RestClient.Response;
import org.electionprep.support.TestRegistry;
import org.electionprep.support.WebappSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The readiness dashboard's data on PostgreSQL over HTTP: what blocks each county (a failed link, an overdue task, an
 * incident) with where to act, per the caller's counties; reading with a webapp session; the page itself.
 */
@PostgresAppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadinessDashboardIT {

    static final String PASSWORD = "it-password-1405";

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired JdbcTemplate jdbc;

    private RestClient rest;
    private String ahvazTask;
    private String karunInstance;

    @BeforeAll
    void givenAStationOfEachCountyWithAFailedLinkAnOverdueTaskAndAnIncident() {
        Officials.user(identity, "gov-ahvaz", "governor-ahvaz", PASSWORD);
        Officials.user(identity, "directorate", "province-elections-khuzestan", PASSWORD);
        Officials.user(identity, "gov-karun", "governor-karun", PASSWORD);
        Officials.user(identity, "head-ahvaz", "district-head-ahvaz-central", PASSWORD);
        Officials.user(identity, "ahvaz-system", "integration-ahvaz", PASSWORD);
        TestRegistry registry = new TestRegistry(jdbc);
        registry.station("AHV-D1", "ahvaz", "ahvaz-central", 300, 600, "http://127.0.0.1:18998/a");
        registry.station("KRN-D1", "karun", "karun-central", 300, 600, "http://127.0.0.1:18998/k");
        for (String code : List.of("AHV-D1", "KRN-D1")) {
            jdbc.update("UPDATE station SET status = 'FINALIZED' WHERE code = ?", code);
            jdbc.update("INSERT INTO link_test (link_id, station_code, tested_at, endpoint, samples, successes,"
                    + " loss_percent, result, tested_by) SELECT id, station_code, CURRENT_TIMESTAMP, endpoint, 5, 0,"
                    + " 100.0, 'DOWN', 'system' FROM network_link WHERE station_code = ?", code);
        }
        runtime.startProcessInstanceByKey("station-readiness", "AHV-D1", Map.of("stationCode", "AHV-D1"));
        karunInstance = runtime.startProcessInstanceByKey("station-readiness", "KRN-D1", Map.of("stationCode", "KRN-D1"))
                .getId();
        ahvazTask = tasks.createTaskQuery().processInstanceBusinessKey("AHV-D1").singleResult().getId();
        String karunTask = tasks.createTaskQuery().processInstanceBusinessKey("KRN-D1").singleResult().getId();
        Date yesterday = Date.from(Instant.now().minus(Duration.ofDays(1)));
        tasks.setDueDate(ahvazTask, yesterday);
        tasks.setDueDate(karunTask, yesterday);
        runtime.createIncident("failedJob", karunInstance, "test", "probe service unavailable");
        rest = new RestClient(port);
    }

    @Test
    void aGovernorSeesWhatBlocksTheirCountyOnlyWithWhereToActOnIt() {
        Response answer = rest.get("/api/readiness/blocking", "gov-ahvaz", PASSWORD);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode blocking = answer.json();
        assertThat(blocking.get("linksDown").get("total").asInt()).isEqualTo(1);
        assertThat(blocking.get("linksDown").get("items").get(0).get("station").asText()).isEqualTo("AHV-D1");
        assertThat(blocking.get("overdueTasks").get("total").asInt()).isEqualTo(1);
        JsonNode overdue = blocking.get("overdueTasks").get("items").get(0);
        assertThat(overdue.get("businessKey").asText()).isEqualTo("AHV-D1");
        assertThat(overdue.get("link").asText()).isEqualTo("/camunda/app/tasklist/default/#/?task=" + ahvazTask);
        assertThat(blocking.get("incidents").get("total").asInt()).isZero();
        assertThat(answer.body()).doesNotContain("KRN-D1").doesNotContain(karunInstance);
    }

    @Test
    void theDirectorateSeesEveryCountysBlockingWorkAndTheIncidentInCockpit() {
        JsonNode blocking = rest.get("/api/readiness/blocking", "directorate", PASSWORD).json();

        assertThat(blocking.get("linksDown").get("total").asInt()).isEqualTo(2);
        assertThat(blocking.get("overdueTasks").get("total").asInt()).isEqualTo(2);
        JsonNode incident = blocking.get("incidents").get("items").get(0);
        assertThat(incident.get("businessKey").asText()).isEqualTo("KRN-D1");
        assertThat(incident.get("message").asText()).isEqualTo("probe service unavailable");
        assertThat(incident.get("link").asText()).isEqualTo("/camunda/app/cockpit/default/#/process-instance/"
                + karunInstance + "/runtime");
    }

    @Test
    void whatBlocksACountyIsNotForItsOtherRolesNorForItsSystemsAndEngineDetailsAreTheProvinces() {
        Response head = rest.get("/api/readiness/blocking", "head-ahvaz", PASSWORD);
        Response system = rest.get("/api/readiness/blocking?county=ahvaz", "ahvaz-system", PASSWORD);
        Response figures = rest.get("/api/readiness", "head-ahvaz", PASSWORD);
        JsonNode karun = rest.get("/api/readiness/blocking", "gov-karun", PASSWORD).json();

        assertThat(head.status()).isEqualTo(403);
        assertThat(head.body()).doesNotContain("AHV-D1").doesNotContain(ahvazTask);
        assertThat(system.status()).isEqualTo(403);
        assertThat(figures.status()).as("the figures are every official's").isEqualTo(200);
        JsonNode incident = karun.get("incidents").get("items").get(0);
        assertThat(incident.get("businessKey").asText()).isEqualTo("KRN-D1");
        assertThat(incident.get("message").isNull()).as("an engine message is for the province").isTrue();
        assertThat(incident.get("link").isNull()).as("a governor has no Cockpit").isTrue();
    }

    @Test
    void theFiguresCarryNamesTrainingByRoleAndDrills() {
        JsonNode ahvaz = rest.get("/api/readiness?county=ahvaz", "gov-ahvaz", PASSWORD).json().get("counties").get(0);

        assertThat(ahvaz.get("name").asText()).isEqualTo("اهواز");
        assertThat(ahvaz.get("officialsByRole").get("governor").get("officials").asInt()).isEqualTo(1);
        assertThat(ahvaz.get("drillsHeld").asInt()).isZero();
        assertThat(ahvaz.get("districts").get(0).get("name").asText()).isEqualTo("مرکزی");
        assertThat(ahvaz.has("daysToElection")).isTrue();
    }

    @Test
    void aWebappSessionReadsTheApiButCannotWriteThroughIt() throws Exception {
        WebappSession browser = new WebappSession(port);
        assertThat(browser.login("gov-ahvaz", PASSWORD, "tasklist")).isEqualTo(200);

        HttpResponse<String> read = browser.get("/api/readiness");
        HttpResponse<String> write = browser.postWithoutToken("/api/stations/import", "text/csv",
                "code,name,county\nAHV-D9,شعبه,ahvaz\n");

        assertThat(read.statusCode()).isEqualTo(200);
        JsonNode counties = new ObjectMapper().readTree(read.body()).get("counties");
        assertThat(counties).hasSize(1);
        assertThat(counties.get(0).get("county").asText()).isEqualTo("ahvaz");
        assertThat(write.statusCode()).isEqualTo(401);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM station WHERE code = 'AHV-D9'", Integer.class)).isZero();
    }

    @Test
    void thePageIsServedWithItsOwnPolicyAndItsScriptAsksWithoutTheBrowsersPasswordDialog() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://localhost:" + port;

        HttpResponse<Void> bare = http.send(HttpRequest.newBuilder(URI.create(base + "/dashboard")).build(),
                HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/dashboard/")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> script = http.send(HttpRequest.newBuilder(URI.create(base + "/api/readiness"))
                .header("X-Requested-With", "XMLHttpRequest").build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> chart = http.send(HttpRequest.newBuilder(
                URI.create(base + "/webjars/chart.js/4.5.1/dist/chart.umd.min.js")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(bare.statusCode()).isEqualTo(302);
        assertThat(bare.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/dashboard/"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("داشبورد آمادگی انتخابات").contains("dashboard.js");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'"));
        assertThat(script.statusCode()).isEqualTo(401);
        assertThat(script.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(chart.statusCode()).isEqualTo(200);
    }
}
