package org.electionprep.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.electionprep.support.Officials;
import org.electionprep.support.PostgresAppTest;
import org.electionprep.support.RestClient;
import org.electionprep.support.RestClient.Response;
import org.electionprep.support.TestRegistry;
import org.electionprep.support.WebappSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The hostile insider of issue 15, over engine REST on PostgreSQL: officials and connected systems who hold real
 * accounts and try to forge readiness (start or move a process past its steps), to break role separation inside a
 * county (identity links, owners, delegation, due dates), to reach engine-wide resources (jobs, history cleanup), to
 * weaken or delete their own account, and to learn from error answers which ids exist in another county.
 */
@PostgresAppTest
@TestPropertySource(properties = {
        "election-prep.connectivity.allowed-networks=127.0.0.1/32",
        "election-prep.api.concurrent-imports=1",
        "election-prep.api.max-import-rows=50",
})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInsiderIT {

    static final String PASSWORD = "insider-password-1405";
    static final String ADMIN = PostgresAppTest.ADMIN_USER;

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;
    @Autowired JdbcTemplate jdbc;

    private RestClient rest;
    private String ahvazTask;
    private String abadanTask;
    private String ahvazInstance;
    private String abadanInstance;

    @BeforeAll
    void givenTwoCountiesEachWithAStationAtItsSiteVerification() {
        Officials.user(identity, "head-ahvaz", "district-head-ahvaz-central", PASSWORD);
        Officials.user(identity, "head2-ahvaz", "district-head-ahvaz-central", PASSWORD);
        Officials.user(identity, "trainer-ahvaz", "trainer-ahvaz", PASSWORD);
        Officials.user(identity, "abadan-sys", "integration-abadan", PASSWORD);
        Officials.user(identity, "prov", "province-elections-khuzestan", PASSWORD);
        Officials.user(identity, "nobody-x", "operator-abadan", PASSWORD);
        Officials.user(identity, "leaver", "district-head-ahvaz-central", PASSWORD);
        Officials.user(identity, "weak", "district-head-ahvaz-central", PASSWORD);
        TestRegistry registry = new TestRegistry(jdbc);
        registry.district("ahvaz-central", "ahvaz", "مرکزی");
        registry.district("abadan-central", "abadan", "مرکزی");
        registry.station("AHV-H1", "ahvaz", "ahvaz-central", 300, 600, "http://127.0.0.1:18999/a");
        registry.station("AHV-H2", "ahvaz", "ahvaz-central", 300, 600, "http://127.0.0.1:18999/a2");
        registry.station("ABD-H1", "abadan", "abadan-central", 300, 600, "http://127.0.0.1:18999/b");
        // No address: its record goes to the district head for correction first.
        registry.station("AHV-C1", "ahvaz", "ahvaz-central", 300, 600, "http://127.0.0.1:18999/c");
        jdbc.update("UPDATE station SET address = NULL WHERE code = 'AHV-C1'");
        runtime.startProcessInstanceByKey("station-readiness", "AHV-C1", Map.of("stationCode", "AHV-C1"));
        ahvazInstance = runtime.startProcessInstanceByKey("station-readiness", "AHV-H1", Map.of("stationCode", "AHV-H1"))
                .getId();
        abadanInstance = runtime.startProcessInstanceByKey("station-readiness", "ABD-H1",
                Map.of("stationCode", "ABD-H1")).getId();
        ahvazTask = Officials.awaitTask(() -> rest().get("/engine-rest/task?processInstanceBusinessKey=AHV-H1",
                ADMIN, PostgresAppTest.ADMIN_PASSWORD).json()).get("id").asText();
        abadanTask = Officials.awaitTask(() -> rest().get("/engine-rest/task?processInstanceBusinessKey=ABD-H1",
                ADMIN, PostgresAppTest.ADMIN_PASSWORD).json()).get("id").asText();
    }

    private RestClient rest() {
        if (rest == null) {
            rest = new RestClient(port);
        }
        return rest;
    }

    private Response as(String user, String method, String path, String body) {
        String password = user.equals(ADMIN) ? PostgresAppTest.ADMIN_PASSWORD : PASSWORD;
        return switch (method) {
            case "GET" -> rest().get(path, user, password);
            case "POST" -> rest().post(path, user, password, body == null ? "{}" : body);
            default -> rest().method(method, path, user, password, body);
        };
    }

    // 1. Readiness no insider can forge ---------------------------------------------------------------------------

    Stream<Arguments> startsPastTheFirstSteps() {
        String skipToTraining = "{\"businessKey\":\"%s\",\"variables\":{\"stationCode\":{\"value\":\"%s\"},"
                + "\"operatorNames\":{\"value\":\"x\"},\"trainingCompleted\":{\"value\":true},"
                + "\"drillResult\":{\"value\":\"passed\"}},\"skipCustomListeners\":true,\"skipIoMappings\":true,"
                + "\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"recordTrainingSignOff\"}]}";
        String atReady = "{\"businessKey\":\"%s\",\"variables\":{\"stationCode\":{\"value\":\"%s\"}},"
                + "\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"markStationReady\"}]}";
        String afterVerify = "{\"businessKey\":\"%s\",\"variables\":{\"stationCode\":{\"value\":\"%s\"}},"
                + "\"startInstructions\":[{\"type\":\"startAfterActivity\",\"activityId\":\"recordSiteVerification\"}]}";
        return Stream.of(
                Arguments.of("another county's station, skipping the listeners, at the training sign-off", "abadan-sys",
                        skipToTraining.formatted("AHV-H2", "ABD-H1")),
                Arguments.of("its own county's station at the readiness declaration", "abadan-sys",
                        atReady.formatted("ABD-H1", "ABD-H1")),
                Arguments.of("the province, after the site verification", "prov",
                        afterVerify.formatted("AHV-H2", "AHV-H2")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("startsPastTheFirstSteps")
    void noAccountCanStartAStationProcessPastItsFirstStepsOrSkipItsListeners(String name, String user, String body) {
        int eventsBefore = events();

        Response response = as(user, "POST", "/engine-rest/process-definition/key/station-readiness/start", body);

        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(status("AHV-H2")).isEqualTo("PROPOSED");
        assertThat(status("ABD-H1")).isEqualTo("PROPOSED");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("AHV-H2").count()).isZero();
        assertThat(events()).isEqualTo(eventsBefore);
    }

    @Test
    void theProvinceCannotStartARegionalReportAtItsDeadline() {
        String body = "{\"businessKey\":\"r-forged\",\"variables\":{\"regionCode\":{\"value\":\"r-forged\"},"
                + "\"regionName\":{\"value\":\"x\"},\"electionDate\":{\"value\":\"2099-01-01\"},"
                + "\"counties\":{\"value\":\"ahvaz\"}},\"skipCustomListeners\":true,"
                + "\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"compileRegionalReport\"}]}";

        Response response = as("prov", "POST", "/engine-rest/process-definition/key/regional-readiness/start", body);

        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM readiness_declaration", Integer.class)).isZero();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("r-forged").count()).isZero();
    }

    Stream<Arguments> movesOfARunningInstance() {
        String modification = "{\"skipCustomListeners\":true,\"skipIoMappings\":true,\"instructions\":["
                + "{\"type\":\"startBeforeActivity\",\"activityId\":\"markStationReady\"},"
                + "{\"type\":\"cancel\",\"activityId\":\"verifySite\"}]}";
        return Stream.of(
                Arguments.of("modification", "prov", "POST", "/engine-rest/process-instance/{i}/modification",
                        modification),
                Arguments.of("modification by its own county's system", "abadan-sys", "POST",
                        "/engine-rest/process-instance/{i}/modification", modification),
                Arguments.of("asynchronous modification", "prov", "POST",
                        "/engine-rest/process-instance/{i}/modification-async", modification),
                Arguments.of("deletion skipping listeners", "prov", "DELETE",
                        "/engine-rest/process-instance/{i}?skipCustomListeners=true", null),
                Arguments.of("suspension", "prov", "PUT", "/engine-rest/process-instance/{i}/suspended",
                        "{\"suspended\":true}"),
                Arguments.of("a process variable", "prov", "PUT", "/engine-rest/process-instance/{i}/variables/siteOutcome",
                        "{\"value\":\"approve\"}"),
                Arguments.of("a message", "abadan-sys", "POST", "/engine-rest/message",
                        "{\"messageName\":\"countyFinalized\",\"processInstanceId\":\"{i}\"}"),
                Arguments.of("a signal", "abadan-sys", "POST", "/engine-rest/signal", "{\"name\":\"anything\"}"),
                Arguments.of("a restart", "prov", "POST", "/engine-rest/process-definition/{d}/restart",
                        "{\"processInstanceIds\":[\"{i}\"],\"instructions\":[{\"type\":\"startBeforeActivity\","
                                + "\"activityId\":\"markStationReady\"}]}"),
                Arguments.of("a migration", "prov", "POST", "/engine-rest/migration/execute",
                        "{\"migrationPlan\":{\"sourceProcessDefinitionId\":\"{d}\",\"targetProcessDefinitionId\":\"{d}\","
                                + "\"instructions\":[]},\"processInstanceIds\":[\"{i}\"]}"),
                Arguments.of("a BPMN error thrown on its task", "abadan-sys", "POST", "/engine-rest/task/{t}/bpmnError",
                        "{\"errorCode\":\"anything\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("movesOfARunningInstance")
    void noOfficialOrSystemCanMoveARunningInstance(String name, String user, String method, String path, String body) {
        String definition = runtime.createProcessInstanceQuery().processInstanceId(abadanInstance).singleResult()
                .getProcessDefinitionId();
        String url = path.replace("{i}", abadanInstance).replace("{d}", definition).replace("{t}", abadanTask);

        Response response = as(user, method, url, body == null ? null
                : body.replace("{i}", abadanInstance).replace("{d}", definition));

        assertThat(response.status()).as(response.body()).isBetween(400, 404);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(abadanInstance).active().count()).isOne();
        assertThat(runtime.getActiveActivityIds(abadanInstance)).containsExactly("verifySite");
        assertThat(status("ABD-H1")).isEqualTo("PROPOSED");
    }

    // 2. Role separation inside a county -------------------------------------------------------------------------

    @Test
    void aCandidateCannotAddCandidatesThenHandTheTaskToAnotherRole() {
        List<String> before = links(ahvazTask);

        Response addUser = as("head-ahvaz", "POST", "/engine-rest/task/" + ahvazTask + "/identity-links",
                "{\"userId\":\"trainer-ahvaz\",\"type\":\"candidate\"}");
        Response addGroup = as("head-ahvaz", "POST", "/engine-rest/task/" + ahvazTask + "/identity-links",
                "{\"groupId\":\"trainer-ahvaz\",\"type\":\"candidate\"}");
        Response remove = as("head-ahvaz", "POST", "/engine-rest/task/" + ahvazTask + "/identity-links/delete",
                "{\"groupId\":\"district-head-ahvaz-central\",\"type\":\"candidate\"}");
        Response assign = as("head-ahvaz", "POST", "/engine-rest/task/" + ahvazTask + "/assignee",
                "{\"userId\":\"trainer-ahvaz\"}");
        Response trainerCompletes = as("trainer-ahvaz", "POST", "/engine-rest/task/" + ahvazTask + "/complete",
                "{\"variables\":{\"siteOutcome\":{\"value\":\"approve\"}}}");

        assertThat(List.of(addUser.status(), addGroup.status(), remove.status(), assign.status(),
                trainerCompletes.status())).containsExactly(403, 403, 403, 403, 403);
        assertThat(links(ahvazTask)).isEqualTo(before);
        assertThat(tasks.createTaskQuery().taskId(ahvazTask).singleResult().getAssignee()).isNull();
        assertThat(status("AHV-H1")).isEqualTo("PROPOSED");
    }

    @Test
    void aCandidateCannotMoveTheMilestoneDueDateNorSetAnOwnerNorDelegateButKeepsTheirFollowUpDate() {
        Task task = tasks.createTaskQuery().taskId(ahvazTask).singleResult();
        String url = "/engine-rest/task/" + ahvazTask;
        String later = "2099-01-01T00:00:00.000+0000";

        Response due = as("head-ahvaz", "PUT", url, taskJson(task, "\"due\":\"" + later + "\""));
        Response owner = as("head-ahvaz", "PUT", url, taskJson(task, "\"owner\":\"trainer-ahvaz\""));
        Response name = as("head-ahvaz", "PUT", url, taskJson(task, "\"name\":\"renamed\""));
        Response delegate = as("head-ahvaz", "POST", url + "/delegate", "{\"userId\":\"head2-ahvaz\"}");
        Response followUp = as("head-ahvaz", "PUT", url, taskJson(task, "\"followUp\":\"" + later + "\""));

        assertThat(List.of(due.status(), owner.status(), name.status(), delegate.status())).as(due.body())
                .containsExactly(403, 403, 403, 403);
        assertThat(followUp.status()).as(followUp.body()).isEqualTo(204);
        Task after = tasks.createTaskQuery().taskId(ahvazTask).singleResult();
        assertThat(after.getDueDate()).isEqualTo(task.getDueDate());
        assertThat(after.getOwner()).isNull();
        assertThat(after.getName()).isEqualTo(task.getName());
        assertThat(after.getFollowUpDate()).isNotNull();
    }

    private static String taskJson(Task task, String change) {
        // The fields Tasklist sends back when it saves a task, one of them changed.
        String name = change.startsWith("\"name\"") ? "" : "\"name\":\"" + task.getName() + "\",";
        String due = change.startsWith("\"due\"") || task.getDueDate() == null ? ""
                : "\"due\":\"" + new java.text.SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ").format(task.getDueDate())
                        + "\",";
        return "{" + name + due + "\"priority\":" + task.getPriority() + ",\"tenantId\":\"" + task.getTenantId()
                + "\"," + change + "}";
    }

    // 3. The server fetches nothing outside the stations' networks, and never itself -----------------------------

    @Test
    void anImportCannotPointALinkAtTheAppItselfOrOutsideTheAllowedNetworks() {
        String head = "code,name,county,district,address,expected_voters,capacity,primary_circuit,primary_endpoint\n";
        String csv = head
                + "ABD-S1,شعبه یک,abadan,abadan-central,خیابان,100,200,ABD-S1-P,http://127.0.0.1:" + port
                + "/actuator/health\n"
                + "ABD-S2,شعبه دو,abadan,abadan-central,خیابان,100,200,ABD-S2-P,http://127.0.0.2:" + port + "/ok\n"
                + "ABD-S3,شعبه سه,abadan,abadan-central,خیابان,100,200,ABD-S3-P,http://127.0.0.1:" + port
                + "/engine-rest/user\n";

        Response response = rest().post("/api/stations/import", "abadan-sys", PASSWORD, "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors")).extracting(e -> e.get("line").asInt() + ":" + e.get("field").asText())
                .containsExactly("2:primary_endpoint", "3:primary_endpoint", "4:primary_endpoint");
        assertThat(response.json().get("errors").get(0).get("reason").asText()).contains("this application itself");
        assertThat(response.json().get("errors").get(1).get("reason").asText()).contains("outside the networks");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM station WHERE code LIKE 'ABD-S%'", Integer.class)).isZero();
    }

    @Test
    void aRecordCorrectionCannotPointTheLinkAtTheAppsOwnActuator() {
        String task = Officials.awaitTask(() -> rest().get("/engine-rest/task?processInstanceBusinessKey=AHV-C1"
                + "&taskDefinitionKey=correctRecord", ADMIN, PostgresAppTest.ADMIN_PASSWORD).json()).get("id").asText();
        String correction = "{\"variables\":{\"recordName\":{\"value\":\"شعبه\"},\"address\":{\"value\":\"خیابان\"},"
                + "\"districtCode\":{\"value\":\"ahvaz-central\"},\"expectedVoters\":{\"value\":300},"
                + "\"capacity\":{\"value\":600},\"primaryEndpoint\":{\"value\":\"http://127.0.0.1:" + port
                + "/actuator/health\"}}}";

        as("head-ahvaz", "POST", "/engine-rest/task/" + task + "/claim", "{\"userId\":\"head-ahvaz\"}");
        Response response = as("head-ahvaz", "POST", "/engine-rest/task/" + task + "/complete", correction);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("شبکه‌های مجاز");
        assertThat(jdbc.queryForObject("SELECT endpoint FROM network_link WHERE station_code = 'AHV-C1'", String.class))
                .isEqualTo("http://127.0.0.1:18999/c");
        assertThat(tasks.createTaskQuery().taskId(task).count()).isOne();
    }

    // 7. Files that leave and enter --------------------------------------------------------------------------------

    @Test
    void aStationExportNeutralisesFormulasAndStillReimportsUnchanged() {
        String formula = "=HYPERLINK(\"http://127.0.0.1/\";\"x\")";
        String json = "[{\"code\":\"ABD-F1\",\"name\":\"" + formula.replace("\"", "\\\"") + "\",\"county\":\"abadan\","
                + "\"district\":\"abadan-central\",\"address\":\"@SUM(1)\",\"building\":\"+1\","
                + "\"primary_circuit\":\"-2\",\"primary_endpoint\":\"http://127.0.0.1:18999/f\"}]";
        Response imported = rest().post("/api/stations/import", "abadan-sys", PASSWORD, json);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);

        Response export = rest().get("/api/stations?county=abadan", "abadan-sys", PASSWORD, "text/csv");
        String row = export.body().lines().filter(l -> l.startsWith("ABD-F1,")).findFirst().orElseThrow();
        Response again = rest().post("/api/stations/import", "abadan-sys", PASSWORD, "text/csv",
                (export.body().lines().findFirst().orElseThrow() + "\n" + row + "\n").getBytes(StandardCharsets.UTF_8));

        assertThat(row).contains("\"'=HYPERLINK(").contains("'@SUM(1)").contains("'+1").contains("'-2")
                .doesNotContain(",=").doesNotContain(",@").doesNotContain(",+").doesNotContain(",-");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(jdbc.queryForMap("SELECT name, address, building FROM station WHERE code = 'ABD-F1'"))
                .containsEntry("name", formula).containsEntry("address", "@SUM(1)").containsEntry("building", "+1");
        assertThat(jdbc.queryForObject("SELECT circuit_id FROM network_link WHERE station_code = 'ABD-F1'", String.class))
                .isEqualTo("-2");
    }

    @Test
    void aWindows1256CsvIsRefusedNamingTheEncodingUnlessDeclaredThenReadAsPersian() {
        String csv = "code,name,county,district\nABD-W1,شعبه آبادان,abadan,abadan-central\n";
        byte[] excel = csv.getBytes(java.nio.charset.Charset.forName("windows-1256"));

        Response undeclared = rest().post("/api/stations/import", "abadan-sys", PASSWORD, "text/csv", excel);
        assertThat(undeclared.status()).as(undeclared.body()).isEqualTo(400);
        assertThat(undeclared.body()).contains("UTF-8").contains("Windows-1256");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM station WHERE code = 'ABD-W1'", Integer.class)).isZero();

        Response declared = rest().post("/api/stations/import", "abadan-sys", PASSWORD,
                "text/csv; charset=windows-1256", excel);
        assertThat(declared.status()).as(declared.body()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT name FROM station WHERE code = 'ABD-W1'", String.class))
                .isEqualTo("شعبه آبادان");
    }

    @Test
    void whileOneFileIsUploadingAnotherImportIsRefusedAtOnceAndTakenAfter() throws Exception {
        String csv = "code,name,county,district\nABD-U1,شعبه,abadan,abadan-central\n";
        String credentials = java.util.Base64.getEncoder().encodeToString(("abadan-sys:" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        try (java.net.Socket slow = new java.net.Socket("127.0.0.1", port)) {
            slow.getOutputStream().write(("POST /api/stations/import HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Basic " + credentials + "\r\nContent-Type: text/csv\r\nContent-Length: 100000\r\n\r\n"
                    + "code,name").getBytes(StandardCharsets.UTF_8));
            slow.getOutputStream().flush();
            Thread.sleep(500);

            Response busy = rest().post("/api/stations/import", "abadan-sys", PASSWORD, "text/csv",
                    csv.getBytes(StandardCharsets.UTF_8));

            assertThat(busy.status()).as(busy.body()).isEqualTo(503);
            assertThat(busy.body()).contains("imports-busy");
        }
        Thread.sleep(500);
        Response after = rest().post("/api/stations/import", "abadan-sys", PASSWORD, "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(after.status()).as(after.body()).isEqualTo(200);
    }

    @Test
    void aFileBeyondTheRowLimitAHugeLineOrAnObjectOfManyFieldsIsRefusedWithoutBeingHeld() {
        StringBuilder many = new StringBuilder("code,name,county,district\n");
        for (int i = 0; i < 51; i++) {
            many.append("ABD-R").append(i).append(",شعبه,abadan,abadan-central\n");
        }
        String longLine = "code,name,county,district\nABD-L1,\"" + "ن\n".repeat(100_000) + "\",abadan,abadan-central\n";
        StringBuilder fields = new StringBuilder("[{\"code\":\"ABD-M1\"");
        for (int i = 0; i < 100_000; i++) {
            fields.append(",\"f").append(i).append("\":1");
        }
        fields.append("}]");

        Response rows = rest().post("/api/stations/import", "abadan-sys", PASSWORD, "text/csv",
                many.toString().getBytes(StandardCharsets.UTF_8));
        Response line = rest().post("/api/stations/import", "abadan-sys", PASSWORD, "text/csv",
                longLine.getBytes(StandardCharsets.UTF_8));
        Response object = rest().post("/api/stations/import", "abadan-sys", PASSWORD, fields.toString());

        assertThat(rows.status()).as(rows.body()).isEqualTo(413);
        assertThat(line.status()).as(line.body()).isEqualTo(400);
        assertThat(line.body()).contains("line-too-long");
        assertThat(object.status()).as(object.body()).isEqualTo(400);
        assertThat(object.json().get("errors").size()).isLessThanOrEqualTo(10);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM station WHERE code LIKE 'ABD-R%' OR code IN ('ABD-L1',"
                + " 'ABD-M1')", Integer.class)).isZero();
    }

    @Test
    void aDeeplyNestedJsonImportIsA400() {
        String deep = "[" + "[".repeat(5000) + "]".repeat(5000) + "]";
        String deepObject = "[{\"code\":\"ABD-N1\",\"name\":" + "{\"a\":".repeat(3000) + "1" + "}".repeat(3000) + "}]";

        Response arrays = rest().post("/api/stations/import", "abadan-sys", PASSWORD, deep);
        Response objects = rest().post("/api/stations/import", "abadan-sys", PASSWORD, deepObject);

        assertThat(arrays.status()).as(arrays.body()).isEqualTo(400);
        assertThat(objects.status()).as(objects.body()).isEqualTo(400);
        assertThat(arrays.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aLinkRepairDatedInTheFarFutureOrPastIsRefused() {
        for (String when : List.of("+99999-01-01T00:00:00Z", "2099-01-01T00:00:00Z", "1990-01-01T00:00:00Z")) {
            Response response = rest().post("/api/links/ABD-H1-P/repairs", "abadan-sys", PASSWORD,
                    "{\"repairedAt\":\"" + when + "\",\"action\":\"splice\",\"reference\":\"T-" + when.length() + "\"}");

            assertThat(response.status()).as(when + ": " + response.body()).isEqualTo(400);
            assertThat(response.body()).contains("repairedAt");
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM link_repair", Integer.class)).isZero();
    }

    // 6. Engine-wide resources and accounts ----------------------------------------------------------------------

    Stream<Arguments> jobCalls() {
        return Stream.of(
                Arguments.of("suspend", "PUT", "/engine-rest/job/{j}/suspended", "{\"suspended\":true}"),
                Arguments.of("reschedule", "PUT", "/engine-rest/job/{j}/duedate", "{\"duedate\":\"2099-01-01T00:00:00.000+0000\"}"),
                Arguments.of("set retries", "PUT", "/engine-rest/job/{j}/retries", "{\"retries\":0}"),
                Arguments.of("set priority", "PUT", "/engine-rest/job/{j}/priority", "{\"priority\":99}"),
                Arguments.of("execute", "POST", "/engine-rest/job/{j}/execute", "{}"),
                Arguments.of("delete", "DELETE", "/engine-rest/job/{j}", null),
                Arguments.of("start a cleanup", "POST", "/engine-rest/history/cleanup", "{}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jobCalls")
    void noOfficialCanTouchTheEnginesHistoryCleanupJob(String name, String method, String path, String body) {
        Job cleanup = history.findHistoryCleanupJobs().get(0);

        for (String user : List.of("nobody-x", "head-ahvaz", "prov")) {
            Response response = as(user, method, path.replace("{j}", cleanup.getId()), body);
            assertThat(response.status()).as(user + ": " + response.body()).isBetween(400, 404);
        }
        List<Job> after = history.findHistoryCleanupJobs();
        assertThat(after).extracting(Job::getId).contains(cleanup.getId());
        Job same = after.stream().filter(j -> j.getId().equals(cleanup.getId())).findFirst().orElseThrow();
        assertThat(same.isSuspended()).isFalse();
        assertThat(same.getDuedate()).isEqualTo(cleanup.getDuedate());
        assertThat(same.getRetries()).isEqualTo(cleanup.getRetries());
    }

    @Test
    void anOfficialCannotTryOtherAccountsPasswords() {
        Response other = as("head-ahvaz", "POST", "/engine-rest/identity/verify",
                "{\"username\":\"" + ADMIN + "\",\"password\":\"guess\"}");
        Response own = as("head-ahvaz", "POST", "/engine-rest/identity/verify",
                "{\"username\":\"head-ahvaz\",\"password\":\"" + PASSWORD + "\"}");

        assertThat(other.status()).as(other.body()).isEqualTo(403);
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT COALESCE(attempts_, 0) FROM act_id_user WHERE id_ = ?", Integer.class,
                ADMIN)).as("the administrator's failed attempts").isZero();
    }

    @Test
    void anOfficialCannotDeleteTheirOwnAccount() {
        Response response = as("leaver", "DELETE", "/engine-rest/user/leaver", null);

        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(identity.createUserQuery().userId("leaver").count()).isOne();
        assertThat(identity.createUserQuery().userId("leaver").memberOfGroup("district-head-ahvaz-central").count()).isOne();
    }

    @Test
    void aPasswordBelowThePolicyIsRefusedWhereverItIsSet() {
        Response own = as("weak", "PUT", "/engine-rest/user/weak/credentials",
                "{\"password\":\"1\",\"authenticatedUserPassword\":\"" + PASSWORD + "\"}");
        Response common = as("weak", "PUT", "/engine-rest/user/weak/credentials",
                "{\"password\":\"123456789012\",\"authenticatedUserPassword\":\"" + PASSWORD + "\"}");
        Response ownId = as("weak", "PUT", "/engine-rest/user/weak/credentials",
                "{\"password\":\"weak-weak-weak-1\",\"authenticatedUserPassword\":\"" + PASSWORD + "\"}");
        Response created = as(ADMIN, "POST", "/engine-rest/user/create",
                "{\"profile\":{\"id\":\"newcomer\",\"firstName\":\"n\"},\"credentials\":{\"password\":\"1\"}}");

        assertThat(List.of(own.status(), common.status(), ownId.status(), created.status())).as(own.body())
                .containsExactly(400, 400, 400, 400);
        assertThat(identity.checkPassword("weak", PASSWORD)).isTrue();
        assertThat(identity.createUserQuery().userId("newcomer").count()).isZero();

        Response strong = as("weak", "PUT", "/engine-rest/user/weak/credentials",
                "{\"password\":\"" + PASSWORD + "-2\",\"authenticatedUserPassword\":\"" + PASSWORD + "\"}");
        assertThat(strong.status()).as(strong.body()).isEqualTo(204);
        Response back = rest().method("PUT", "/engine-rest/user/weak/credentials", "weak", PASSWORD + "-2",
                "{\"password\":\"" + PASSWORD + "\",\"authenticatedUserPassword\":\"" + PASSWORD + "-2\"}");
        assertThat(back.status()).as(back.body()).isEqualTo(204);
    }

    // 9. Errors that tell nothing --------------------------------------------------------------------------------

    Stream<Arguments> callsById() {
        return Stream.of(
                Arguments.of("GET", "/engine-rest/task/{t}", null),
                Arguments.of("GET", "/engine-rest/task/{t}/variables", null),
                Arguments.of("GET", "/engine-rest/task/{t}/form-variables", null),
                Arguments.of("GET", "/engine-rest/task/{t}/identity-links", null),
                Arguments.of("POST", "/engine-rest/task/{t}/claim", "{\"userId\":\"head-ahvaz\"}"),
                Arguments.of("POST", "/engine-rest/task/{t}/unclaim", "{}"),
                Arguments.of("POST", "/engine-rest/task/{t}/complete", "{}"),
                Arguments.of("POST", "/engine-rest/task/{t}/submit-form", "{}"),
                Arguments.of("PUT", "/engine-rest/task/{t}/variables/x", "{\"value\":\"y\"}"),
                Arguments.of("GET", "/engine-rest/process-instance/{i}", null),
                Arguments.of("GET", "/engine-rest/process-instance/{i}/variables", null),
                Arguments.of("GET", "/engine-rest/process-instance/{i}/activity-instances", null),
                Arguments.of("GET", "/engine-rest/execution/{i}", null),
                Arguments.of("GET", "/engine-rest/history/process-instance/{i}", null),
                Arguments.of("GET", "/engine-rest/engine/default/task/{t}/form-variables", null),
                Arguments.of("POST", "/engine-rest/engine/default/task/{t}/claim", "{\"userId\":\"head-ahvaz\"}"),
                Arguments.of("GET", "/engine-rest/%74ask/{t}/form-variables", null),
                Arguments.of("GET", "/engine-rest/task;x=1/{t}/form-variables", null));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("callsById")
    void anotherCountysIdIsAnsweredExactlyAsAnIdThatDoesNotExist(String method, String path, String body) {
        String unknown = UUID.randomUUID().toString();

        Response other = as("head-ahvaz", method, path.replace("{t}", abadanTask).replace("{i}", abadanInstance), body);
        Response missing = as("head-ahvaz", method, path.replace("{t}", unknown).replace("{i}", unknown), body);

        assertThat(other.status()).as(other.body()).isBetween(400, 499);
        assertThat(other.status()).isEqualTo(missing.status());
        assertThat(normalized(other.body(), abadanTask, abadanInstance))
                .isEqualTo(normalized(missing.body(), unknown, unknown));
    }

    Stream<Arguments> clientErrorsThatWere500() {
        String javaObject = "{\"type\":\"Object\",\"value\":\"rO0ABXQAAXg=\",\"valueInfo\":{\"objectTypeName\":"
                + "\"java.lang.String\",\"serializationDataFormat\":\"application/x-java-serialized-object\"}}";
        return Stream.of(
                Arguments.of("a task saved without its tenant", "head-ahvaz", "PUT", "/engine-rest/task/{t}",
                        "{\"name\":\"بازدید و تأیید محل شعبه\",\"tenantId\":null}"),
                Arguments.of("a Java-serialised variable on a task", "head-ahvaz", "PUT",
                        "/engine-rest/task/{t}/variables/x", javaObject),
                Arguments.of("a Java-serialised variable at a start", "abadan-sys", "POST",
                        "/engine-rest/process-definition/key/station-readiness/start",
                        "{\"variables\":{\"stationCode\":{\"value\":\"ABD-H1\"},\"x\":" + javaObject + "}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clientErrorsThatWere500")
    void aClientsMistakeIsA4xxNotAServerError(String name, String user, String method, String path, String body) {
        Response response = as(user, method, path.replace("{t}", ahvazTask), body);

        assertThat(response.status()).as(response.body()).isBetween(400, 499);
        assertThat(tasks.createTaskQuery().taskId(ahvazTask).singleResult().getTenantId()).isEqualTo("ahvaz");
        assertThat(runtime.getVariable(ahvazInstance, "x")).isNull();
    }

    @Test
    void inTasklistsOwnCallsAnotherCountysIdIsAnsweredAsAnUnknownIdToo() {
        WebappSession head = new WebappSession(port);
        assertThat(head.login("head-ahvaz", PASSWORD, "tasklist")).isEqualTo(200);
        String base = "/camunda/api/engine/engine/default";
        String unknown = UUID.randomUUID().toString();

        for (String path : List.of("/task/{t}", "/task/{t}/form-variables", "/process-instance/{i}/variables")) {
            var other = head.get(base + path.replace("{t}", abadanTask).replace("{i}", abadanInstance));
            var missing = head.get(base + path.replace("{t}", unknown).replace("{i}", unknown));
            assertThat(other.statusCode()).as(path + ": " + other.body()).isBetween(400, 499).isEqualTo(missing.statusCode());
            assertThat(normalized(other.body(), abadanTask, abadanInstance)).as(path)
                    .isEqualTo(normalized(missing.body(), unknown, unknown));
        }
        var otherClaim = head.post(base + "/task/" + abadanTask + "/claim", "application/json",
                "{\"userId\":\"head-ahvaz\"}", "application/json");
        var missingClaim = head.post(base + "/task/" + unknown + "/claim", "application/json",
                "{\"userId\":\"head-ahvaz\"}", "application/json");
        assertThat(otherClaim.statusCode()).isEqualTo(missingClaim.statusCode()).isBetween(400, 499);
        assertThat(normalized(otherClaim.body(), abadanTask, abadanInstance))
                .isEqualTo(normalized(missingClaim.body(), unknown, unknown));
    }

    private static String normalized(String body, String task, String instance) {
        return body == null ? "" : body.replace(task, "{id}").replace(instance, "{id}");
    }

    private List<String> links(String taskId) {
        return tasks.getIdentityLinksForTask(taskId).stream()
                .map(l -> l.getType() + ":" + l.getUserId() + ":" + l.getGroupId()).sorted().toList();
    }

    private String status(String code) {
        return jdbc.queryForObject("SELECT status FROM station WHERE code = ?", String.class, code);
    }

    private int events() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM station_event", Integer.class);
    }
}
