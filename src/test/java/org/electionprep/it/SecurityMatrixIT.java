package org.electionprep.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.electionprep.support.Officials;
import org.electionprep.support.PostgresAppTest;
import org.electionprep.support.RestClient;
import org.electionprep.support.RestClient.Response;
import org.electionprep.support.TestRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who may do what, over HTTP on PostgreSQL: roles and counties (own and other), anonymous calls, wrong passwords and
 * a locked account, against the REST calls Tasklist makes and the integration API. Each case asserts the status and
 * that nothing of the other county appears in the answer.
 */
@PostgresAppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityMatrixIT {

    static final String PASSWORD = "it-password-1405";
    /** What must never appear in an answer to someone outside Karun: its station's code and name. */
    static final List<String> KARUN = List.of("KRN-M1", "کارون آزمایشی");
    static final List<String> AHVAZ = List.of("AHV-M1", "اهواز آزمایشی");

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired FilterService filters;
    @Autowired JdbcTemplate jdbc;

    private RestClient rest;
    private String ahvazTask;
    private String karunTask;
    private String karunInstance;
    private String ahvazInstance;

    @BeforeAll
    void givenTwoCountiesWithAStationAndTheirOfficials() {
        Officials.user(identity, "head-ahvaz", "district-head-ahvaz-central", PASSWORD);
        Officials.user(identity, "trainer-ahvaz", "trainer-ahvaz", PASSWORD);
        Officials.user(identity, "op-ahvaz", "operator-ahvaz", PASSWORD);
        Officials.user(identity, "gov-karun", "governor-karun", PASSWORD);
        Officials.user(identity, "prov", "province-elections-khuzestan", PASSWORD);
        Officials.user(identity, "ahvaz-sys", "integration-ahvaz", PASSWORD);
        Officials.user(identity, "locked", "district-head-ahvaz-central", PASSWORD);
        // Own accounts for the wrong-password cases: a failed login delays that account's next one.
        Officials.user(identity, "guessed-head", "district-head-ahvaz-central", PASSWORD);
        Officials.user(identity, "guessed-sys", "integration-ahvaz", PASSWORD);
        TestRegistry registry = new TestRegistry(jdbc);
        registry.district("ahvaz-central", "ahvaz", "مرکزی");
        registry.district("karun-central", "karun", "مرکزی");
        jdbc.update("INSERT INTO station (code, name, county_code, district_code, address, expected_voters, capacity)"
                + " VALUES ('AHV-M1', 'شعبه اهواز آزمایشی', 'ahvaz', 'ahvaz-central', 'خیابان امام', 300, 600),"
                + " ('KRN-M1', 'شعبه کارون آزمایشی', 'karun', 'karun-central', 'خیابان امام', 300, 600),"
                + " ('KRN-M2', 'شعبه دوم کارون', 'karun', 'karun-central', 'خیابان امام', 300, 600)");
        registry.link("AHV-M1", "PRIMARY", "AHV-M1-P", "http://127.0.0.1:18999/a");
        registry.link("KRN-M1", "PRIMARY", "KRN-M1-P", "http://127.0.0.1:18999/k");
        registry.link("KRN-M2", "PRIMARY", "KRN-M2-P", "http://127.0.0.1:18999/k2");
        ahvazInstance = runtime.startProcessInstanceByKey("station-readiness", "AHV-M1", Map.of("stationCode", "AHV-M1"))
                .getId();
        karunInstance = runtime.startProcessInstanceByKey("station-readiness", "KRN-M1", Map.of("stationCode", "KRN-M1"))
                .getId();
        ahvazTask = tasks.createTaskQuery().processInstanceBusinessKey("AHV-M1").singleResult().getId();
        karunTask = tasks.createTaskQuery().processInstanceBusinessKey("KRN-M1").singleResult().getId();
        // As ten failed logins leave an account: locked until an administrator unlocks it.
        jdbc.update("UPDATE act_id_user SET attempts_ = 10, lock_exp_time_ = CURRENT_TIMESTAMP + INTERVAL '1 hour'"
                + " WHERE id_ = 'locked'");
        rest = new RestClient(port);
    }

    Stream<Arguments> cases() {
        String verify = "{\"variables\":{\"siteOutcome\":{\"value\":\"approve\"}}}";
        String startKarun = "{\"businessKey\":\"KRN-M2\",\"variables\":{\"stationCode\":{\"value\":\"KRN-M2\"}}}";
        String karunRow = "code,name,county\nKRN-M3,شعبه,karun\n";
        return Stream.of(
                c("anonymous task list", null, "GET", "/engine-rest/task", null, 401, KARUN),
                c("anonymous API", null, "GET", "/api/stations", null, 401, KARUN),
                c("anonymous readiness", null, "GET", "/api/readiness", null, 401, KARUN),
                c("wrong password, task list", "guessed-head:wrong-password", "GET", "/engine-rest/task", null, 401, KARUN),
                c("wrong password, API", "guessed-sys:wrong-password", "GET", "/api/stations", null, 401, KARUN),
                c("locked account, task list", "locked", "GET", "/engine-rest/task", null, 401, KARUN),
                c("locked account, API", "locked", "GET", "/api/stations", null, 401, KARUN),
                c("district head, own task list", "head-ahvaz", "GET", "/engine-rest/task", null, 200, KARUN),
                c("district head, the other county's instance's tasks", "head-ahvaz", "GET",
                        "/engine-rest/task?processInstanceBusinessKey=KRN-M1", null, 200, KARUN),
                c("governor of the other county, task list", "gov-karun", "GET", "/engine-rest/task", null, 200, AHVAZ),
                c("district head, own task's variables", "head-ahvaz", "GET", "/engine-rest/task/{ahvaz}/variables",
                        null, 200, KARUN),
                c("trainer, another role's task variables", "trainer-ahvaz", "GET", "/engine-rest/task/{ahvaz}/variables",
                        null, 403, AHVAZ),
                c("other county, task variables", "gov-karun", "GET", "/engine-rest/task/{ahvaz}/variables", null, 404403,
                        AHVAZ),
                c("other county, complete", "gov-karun", "POST", "/engine-rest/task/{ahvaz}/complete", verify, 404403, AHVAZ),
                c("another role, claim", "trainer-ahvaz", "POST", "/engine-rest/task/{ahvaz}/claim",
                        "{\"userId\":\"trainer-ahvaz\"}", 403, AHVAZ),
                c("other county, claim", "head-ahvaz", "POST", "/engine-rest/task/{karun}/claim",
                        "{\"userId\":\"head-ahvaz\"}", 404403, KARUN),
                c("another role, complete", "trainer-ahvaz", "POST", "/engine-rest/task/{ahvaz}/complete", verify, 403,
                        AHVAZ),
                c("official starts a station process", "head-ahvaz", "POST",
                        "/engine-rest/process-definition/key/station-readiness/start", startKarun, 403, KARUN),
                c("county system starts another county's station", "ahvaz-sys", "POST",
                        "/engine-rest/process-definition/key/station-readiness/start", startKarun, 403, KARUN),
                c("district head, the other county's history", "head-ahvaz", "GET",
                        "/engine-rest/history/process-instance?processInstanceBusinessKey=KRN-M1", null, 200, KARUN),
                c("district head, the other county's historic tasks", "head-ahvaz", "GET",
                        "/engine-rest/history/task?processInstanceBusinessKey=KRN-M1", null, 200, KARUN),
                c("district head, the other county's variables", "head-ahvaz", "GET",
                        "/engine-rest/variable-instance?processInstanceIdIn={karunInstance}", null, 200, KARUN),
                c("trainer, another role's variables through the variable query", "trainer-ahvaz", "GET",
                        "/engine-rest/variable-instance?processInstanceIdIn={ahvazInstance}", null, 200, AHVAZ),
                c("trainer, another role's variables named by their scope", "trainer-ahvaz", "GET",
                        "/engine-rest/variable-instance?variableScopeIdIn={ahvazInstance}", null, 200, AHVAZ),
                c("district head, the other county's historic variables", "head-ahvaz", "GET",
                        "/engine-rest/history/variable-instance?processInstanceId={karunInstance}", null, 200, KARUN),
                c("trainer, the district heads' verification filter", "trainer-ahvaz", "GET", "/engine-rest/filter",
                        null, 200, List.of("بازدید و تأیید شعب شهرستان من")),
                c("county system, the other county's timeline", "ahvaz-sys", "GET", "/api/stations/KRN-M1/timeline",
                        null, 403, KARUN.subList(1, 2)),
                c("official, the other county's timeline export", "head-ahvaz", "GET",
                        "/api/stations/KRN-M1/timeline", null, 403, KARUN.subList(1, 2)),
                c("district head, own county's timeline (other roles' notes)", "head-ahvaz", "GET",
                        "/api/stations/AHV-M1/timeline", null, 403, List.of("RECORD_VALID")),
                c("county system, own station's timeline", "ahvaz-sys", "GET", "/api/stations/AHV-M1/timeline", null,
                        403, List.of("RECORD_VALID")),
                c("operator, the county's task list", "op-ahvaz", "GET", "/engine-rest/task", null, 200, AHVAZ),
                c("trainer guesses another role's variable through the task query", "trainer-ahvaz", "GET",
                        "/engine-rest/task/count?processVariables=stationCode_like_AHV%25", null, 403, List.of("count")),
                c("trainer sorts tasks by another role's variable", "trainer-ahvaz", "JSON", "/engine-rest/task",
                        "{\"sorting\":[{\"sortBy\":\"processVariable\",\"sortOrder\":\"asc\",\"parameters\":"
                                + "{\"variable\":\"stationCode\",\"type\":\"String\"}}]}", 403, AHVAZ),
                c("district head filters a colleague's tasks by variable", "head-ahvaz", "GET",
                        "/engine-rest/task?candidateGroup=trainer-ahvaz&processVariables=stationCode_eq_AHV-M1", null,
                        403, AHVAZ),
                c("auditor rewrites a timeline", "prov", "PUT", "/api/stations/KRN-M1/timeline", "{\"events\":[]}", 405,
                        List.of()),
                c("auditor deletes a timeline", "prov", "DELETE", "/api/stations/KRN-M1/timeline", null, 405, List.of()),
                c("governor, the other county's instance", "gov-karun", "GET",
                        "/engine-rest/process-instance?businessKey=AHV-M1", null, 200, AHVAZ),
                c("county system, own stations", "ahvaz-sys", "GET", "/api/stations", null, 200, KARUN),
                c("county system, the other county's stations", "ahvaz-sys", "GET", "/api/stations?county=karun", null,
                        403, KARUN),
                c("county system, the other county's station", "ahvaz-sys", "GET", "/api/stations/KRN-M1", null, 403,
                        KARUN.subList(1, 2)),
                c("governor, the other county's station", "gov-karun", "GET", "/api/stations/AHV-M1", null, 403,
                        AHVAZ.subList(1, 2)),
                c("county system imports the other county's station", "ahvaz-sys", "CSV", "/api/stations/import",
                        karunRow, 403, List.of()),
                c("official imports", "head-ahvaz", "CSV", "/api/stations/import", karunRow, 403, List.of()),
                c("county system, the other county's figures", "ahvaz-sys", "GET", "/api/readiness?county=karun", null,
                        403, KARUN),
                c("governor, own figures only", "gov-karun", "GET", "/api/readiness", null, 200, List.of("\"ahvaz\"")),
                c("county system, the other county's link repaired", "ahvaz-sys", "JSON", "/api/links/KRN-M1-P/repairs",
                        "{\"action\":\"x\",\"reference\":\"y\"}", 403, KARUN.subList(1, 2)),
                c("province, the Karun station", "prov", "GET", "/api/stations/KRN-M1", null, 200, List.of()),
                c("province, Karun's history", "prov", "GET",
                        "/engine-rest/history/process-instance?processInstanceBusinessKey=KRN-M1", null, 200, List.of()));
    }

    /** expected 404403 means "403 or 404": the engine may hide another tenant's task entirely. */
    static Arguments c(String name, String user, String method, String path, String body, int expected,
                       List<String> mustNotContain) {
        return Arguments.of(name, user, method, path, body, expected, mustNotContain);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachCallIsAnsweredAsTheRolesAndCountiesAllowAndLeaksNothing(String name, String user, String method,
                                                                    String path, String body, int expected,
                                                                    List<String> mustNotContain) {
        String login = user == null ? null : user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
        String password = user == null ? null : user.contains(":") ? user.substring(user.indexOf(':') + 1) : PASSWORD;
        String url = path.replace("{ahvaz}", ahvazTask).replace("{karun}", karunTask)
                .replace("{karunInstance}", karunInstance).replace("{ahvazInstance}", ahvazInstance);
        Response response = switch (method) {
            case "GET" -> rest.get(url, login, password);
            case "CSV" -> rest.post(url, login, password, "text/csv", body.getBytes(StandardCharsets.UTF_8));
            case "PUT", "DELETE", "PATCH" -> rest.method(method, url, login, password, body);
            default -> rest.post(url, login, password, body);
        };

        if (expected == 404403) {
            assertThat(response.status()).as(response.body()).isIn(403, 404);
        } else {
            assertThat(response.status()).as(response.body()).isEqualTo(expected);
        }
        for (String secret : mustNotContain) {
            assertThat(response.body() == null ? "" : response.body()).as("leaked").doesNotContain(secret);
        }
    }

    @Test
    void anOfficialCountsNoneOfAnotherRolesVariablesButReadsTheirOwnTasks() {
        Response trainer = rest.get("/engine-rest/variable-instance/count?processInstanceIdIn=" + ahvazInstance,
                "trainer-ahvaz", PASSWORD);
        Response head = rest.get("/engine-rest/variable-instance?variableScopeIdIn=" + ahvazInstance, "head-ahvaz",
                PASSWORD);

        assertThat(trainer.json().get("count").asInt()).isZero();
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).contains("AHV-M1").contains("اهواز آزمایشی");
    }

    @Test
    void tasklistsRoleFilterListsTheOwnCountysVerificationsWithTheirStationAndIsHiddenFromOtherRoles() {
        String filterId = filters.createFilterQuery().filterName("بازدید و تأیید شعب شهرستان من").singleResult().getId();

        Response head = rest.post("/engine-rest/filter/" + filterId + "/list", "head-ahvaz", PASSWORD, "{}",
                "application/hal+json");
        Response trainer = rest.post("/engine-rest/filter/" + filterId + "/list", "trainer-ahvaz", PASSWORD, "{}",
                "application/hal+json");

        assertThat(head.status()).as(head.body()).isEqualTo(200);
        assertThat(head.body()).contains(ahvazTask).contains("AHV-M1").doesNotContain("KRN-M1");
        assertThat(trainer.status()).isIn(403, 404);
        assertThat(trainer.body()).doesNotContain("AHV-M1");
    }

    @Test
    void anOfficialSearchesTheirOwnTasksByVariableAsTasklistDoes() {
        String filterId = filters.createFilterQuery().filterName("کارهای گروه من").singleResult().getId();
        String search = "{\"processVariables\":[{\"name\":\"stationCode\",\"operator\":\"eq\",\"value\":\"AHV-M1\"}]}";

        Response filtered = rest.post("/engine-rest/filter/" + filterId + "/list", "head-ahvaz", PASSWORD, search,
                "application/hal+json");
        Response own = rest.get("/engine-rest/task?candidateGroup=district-head-ahvaz-central"
                + "&processVariables=stationCode_eq_AHV-M1", "head-ahvaz", PASSWORD);
        Response trainer = rest.post("/engine-rest/filter/" + filterId + "/list", "trainer-ahvaz", PASSWORD, search,
                "application/hal+json");

        assertThat(filtered.status()).as(filtered.body()).isEqualTo(200);
        assertThat(filtered.body()).contains(ahvazTask);
        assertThat(own.body()).contains(ahvazTask);
        assertThat(trainer.body()).doesNotContain(ahvazTask);
    }

    @Test
    void theOverdueFilterShowsATaskPastItsDueDate() {
        String filterId = filters.createFilterQuery().filterName("کارهای گذشته از مهلت").singleResult().getId();
        tasks.setDueDate(ahvazTask, Date.from(Instant.now().minus(Duration.ofDays(1))));

        Response head = rest.post("/engine-rest/filter/" + filterId + "/list", "head-ahvaz", PASSWORD, "{}",
                "application/hal+json");
        Response trainer = rest.post("/engine-rest/filter/" + filterId + "/list", "trainer-ahvaz", PASSWORD, "{}",
                "application/hal+json");

        assertThat(head.body()).contains(ahvazTask);
        assertThat(trainer.status()).isEqualTo(200);
        assertThat(trainer.body()).doesNotContain(ahvazTask);
    }

    @Test
    void theAuditorReadsAndExportsAStationsTimelineOfAnotherCounty() {
        Response json = rest.get("/api/stations/KRN-M1/timeline", "prov", PASSWORD);
        Response csv = rest.get("/api/stations/KRN-M1/timeline", "prov", PASSWORD, "text/csv");

        assertThat(json.status()).as(json.body()).isEqualTo(200);
        JsonNode events = json.json().get("events");
        assertThat(events.size()).isPositive();
        assertThat(events.get(0).get("process_instance_id").asText()).isEqualTo(karunInstance);
        assertThat(events.get(0).get("actor").asText()).isNotBlank();
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("\uFEFF");
        String[] lines = csv.body().substring(1).split("\r?\n");
        assertThat(lines[0]).isEqualTo(String.join(",", "occurred_at", "event_type", "from_status", "to_status",
                "actor", "activity_id", "task_id", "process_instance_id", "details"));
        assertThat(lines).hasSize(events.size() + 1);
        assertThat(lines[1]).contains(karunInstance);
    }
}
