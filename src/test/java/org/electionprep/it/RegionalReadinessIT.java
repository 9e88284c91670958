package org.electionprep.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.IdentityService;
import org.electionprep.support.LoopbackLinkServer;
import org.electionprep.support.Officials;
import org.electionprep.support.PostgresAppTest;
import org.electionprep.support.RestClient.Response;
import org.electionprep.support.RestClient;
import org.electionprep.support.TestRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * A small region (two counties, three stations) from its start to the regional readiness report, on PostgreSQL and
 * over REST only, as the officials' clients would: the directorate starts the region and schedules the training, the
 * district heads verify, the governors finalize and declare, the job executor checks the links and fires the session
 * day, the trainers sign off stations and officials, and the directorate reads the report.
 */
@PostgresAppTest
@TestPropertySource(properties = {
        "election-prep.connectivity.connect-timeout=500ms",
        "election-prep.connectivity.request-timeout=1s",
})
class RegionalReadinessIT {

    private static final String PASSWORD = "it-password-1405";
    private static final List<String> COUNTIES = List.of("shadegan", "hoveyzeh");
    private static final String PROVINCE = "prov-elections";
    private static LoopbackLinkServer links;

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void startLinks() {
        links = LoopbackLinkServer.start();
    }

    @AfterAll
    static void stopLinks() {
        links.close();
    }

    @Test
    void aRegionOfTwoCountiesRunsFromItsStartToItsReadinessReportOverRest() throws Exception {
        RestClient rest = new RestClient(port);
        TestRegistry registry = new TestRegistry(jdbc);
        Officials.user(identity, PROVINCE, "province-elections-khuzestan", PASSWORD);
        Officials.user(identity, "registry-system", "integration-khuzestan", PASSWORD);
        for (String c : COUNTIES) {
            for (String role : List.of("governor", "deputy", "district-head", "it", "trainer")) {
                // A district head heads the county's central district, where the stations are.
                Officials.user(identity, role + "-of-" + c, role + "-" + c + (role.equals("district-head") ? "-central"
                        : ""), PASSWORD);
            }
        }
        Map<String, List<String>> stations = Map.of("shadegan", List.of("SHD-IT1", "SHD-IT2"), "hoveyzeh", List.of("HVZ-IT1"));
        stations.forEach((county, codes) -> codes.forEach(code -> {
            registry.station(code, county, county + "-central", 400, 700, links.url("/ok"));
            Response started = rest.post("/engine-rest/process-definition/key/station-readiness/start", "registry-system",
                    PASSWORD, "{\"businessKey\":\"" + code + "\",\"variables\":{\"stationCode\":{\"value\":\"" + code + "\"}}}");
            assertThat(started.status()).as(started.body()).isEqualTo(200);
        }));

        // The provincial directorate starts the region.
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tehran"));
        Response region = rest.post("/engine-rest/process-definition/key/regional-readiness/start", PROVINCE, PASSWORD,
                body(Map.of("regionCode", "it-region", "regionName", "منطقه آزمون", "electionDate",
                        today.plusDays(90).toString(), "counties", String.join(",", COUNTIES))));
        assertThat(region.status()).as(region.body()).isEqualTo(200);
        assertThat(region.json().get("tenantId").asText()).isEqualTo("khuzestan");
        String regionId = region.json().get("id").asText();
        assertThat(rest.post("/engine-rest/process-definition/key/regional-readiness/start", "governor-of-shadegan",
                PASSWORD, body(Map.of("regionCode", "x"))).status()).as("a governor cannot start a region").isEqualTo(403);
        Response calledCounties = rest.get("/engine-rest/process-instance?superProcessInstance=" + regionId, PROVINCE, PASSWORD);
        assertThat(calledCounties.json()).extracting(n -> n.get("tenantId").asText())
                .containsExactlyInAnyOrderElementsOf(COUNTIES);

        // District heads verify every site; the governors see only their own county's finalization.
        stations.forEach((county, codes) -> codes.forEach(code -> complete(rest, "district-head-of-" + county,
                task(rest, "district-head-of-" + county, "verifySite", code), Map.of("siteOutcome", "approve",
                        "accessible", true, "powerAvailable", true, "secure", true, "capacityConfirmed", true))));
        assertThat(rest.get("/engine-rest/task?taskDefinitionKey=finalizeStationDatabase", "governor-of-hoveyzeh", PASSWORD)
                .json()).singleElement().satisfies(t -> assertThat(t.get("tenantId").asText()).isEqualTo("hoveyzeh"));
        String shadeganFinalization = task(rest, "governor-of-shadegan", "finalizeStationDatabase", "shadegan");
        assertThat(rest.post("/engine-rest/task/" + shadeganFinalization + "/complete", "district-head-of-shadegan", PASSWORD,
                body(Map.of("databaseConfirmed", true))).status()).as("only the governor finalizes").isEqualTo(403);
        for (String c : COUNTIES) {
            complete(rest, "governor-of-" + c, task(rest, "governor-of-" + c, "finalizeStationDatabase", c),
                    Map.of("databaseConfirmed", true));
        }

        // The job executor checks each link; the trainers sign the stations off.
        stations.forEach((county, codes) -> codes.forEach(code -> complete(rest, "trainer-of-" + county,
                task(rest, "trainer-of-" + county, "signOffTraining", code), Map.of("operatorNames", "زهرا کریمی",
                        "trainingCompleted", true, "drillResult", "passed"))));

        // The regional session is today: the job executor fires each county's session day.
        complete(rest, PROVINCE, task(rest, PROVINCE, "scheduleRegionalTraining", "it-region"),
                Map.of("sessionDate", today.toString(), "venue", "استانداری خوزستان", "trainers", "اداره کل"));
        for (String c : COUNTIES) {
            for (int i = 0; i < 3; i++) {
                String recordTask = task(rest, "trainer-of-" + c, "recordOfficialTraining", c);
                complete(rest, "trainer-of-" + c, recordTask, Map.of("attended", true, "exerciseScore", 90,
                        "exercisePassed", true));
            }
        }

        // Each governor declares the county ready.
        for (String c : COUNTIES) {
            complete(rest, "governor-of-" + c, task(rest, "governor-of-" + c, "declareCountyReady", c),
                    Map.of("readinessConfirmed", true, "declarationNote", "آماده برای روز اخذ رأی"));
        }

        // The directorate reads the report.
        String review = task(rest, PROVINCE, "reviewRegionalReport", "it-region");
        Response reportVariable = rest.get("/engine-rest/task/" + review
                + "/variables/regionalReport?deserializeValue=false", PROVINCE, PASSWORD);
        assertThat(reportVariable.status()).as(reportVariable.body()).isEqualTo(200);
        assertThat(reportVariable.json().get("type").asText()).isEqualTo("Json");
        JsonNode value = reportVariable.json().get("value");
        JsonNode report = value.isTextual() ? json.readTree(value.asText()) : value;
        assertThat(report.get("allCountiesDeclared").asBoolean()).isTrue();
        assertThat(report.get("counties")).hasSize(2).allSatisfy(line -> {
            assertThat(line.get("declared").asBoolean()).isTrue();
            assertThat(line.get("ready").asInt()).isEqualTo(line.get("stations").asInt());
            assertThat(line.get("officialsTrained").asInt()).isEqualTo(3);
        });
        complete(rest, PROVINCE, review, Map.of("reportComments", "گزارش به ستاد انتخابات کشور"));

        Response done = rest.get("/engine-rest/history/process-instance/" + regionId, PROVINCE, PASSWORD);
        assertThat(done.json().get("state").asText()).isEqualTo("COMPLETED");
        assertThat(jdbc.queryForList("SELECT scope_code FROM readiness_declaration WHERE kind = 'DECLARATION'"
                + " ORDER BY scope_code", String.class)).containsExactly("hoveyzeh", "shadegan");
        assertThat(jdbc.queryForList("SELECT DISTINCT status FROM station WHERE code LIKE '%-IT_'", String.class))
                .containsExactly("READY");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM attendance WHERE drill_passed = TRUE", Integer.class))
                .isEqualTo(6);
    }

    /** Waits for the one task with this key of the instance with this business key that the user sees. */
    private String task(RestClient rest, String user, String key, String businessKey) {
        JsonNode task = Officials.awaitTask(() -> rest.get("/engine-rest/task?taskDefinitionKey=" + key
                + "&processInstanceBusinessKey=" + businessKey + "&sortBy=created&sortOrder=asc", user, PASSWORD).json());
        return task.get("id").asText();
    }

    private void complete(RestClient rest, String user, String taskId, Map<String, Object> variables) {
        Response response = rest.post("/engine-rest/task/" + taskId + "/complete", user, PASSWORD, body(variables));
        assertThat(response.status()).as(response.body()).isEqualTo(204);
    }

    private String body(Map<String, Object> variables) {
        ObjectNode root = json.createObjectNode();
        ObjectNode vars = root.putObject("variables");
        new LinkedHashMap<>(variables).forEach((name, value) -> vars.putObject(name).putPOJO("value", value));
        return root.toString();
    }
}
