package org.electionprep.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.electionprep.integration.StationColumns;
import org.electionprep.station.PipelineStarter;
import org.electionprep.support.LoopbackLinkServer;
import org.electionprep.support.Officials;
import org.electionprep.support.PostgresAppTest;
import org.electionprep.support.RestClient.Response;
import org.electionprep.support.RestClient;
import org.electionprep.support.TestRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The integration API on PostgreSQL over HTTP, as an integrating system would use it: the station import (CSV and
 * JSON, all or nothing, idempotent, county-scoped), a table of malformed inputs each with its exact problem and the
 * registry unchanged, queries, export and re-import, a change held for the governor, and a 5,000-row import.
 */
@PostgresAppTest
@TestPropertySource(properties = {"election-prep.api.max-import-bytes=3000000"})
class StationApiIT {

    static final String PASSWORD = "it-password-1405";
    static final String HEADER = "code,name,county,district,kind,area,building,address,latitude,longitude,"
            + "expected_voters,capacity,primary_medium,primary_provider,primary_circuit,primary_endpoint,"
            + "backup_medium,backup_provider,backup_circuit,backup_endpoint\n";

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired RuntimeService runtime;
    @Autowired JdbcTemplate jdbc;
    @Autowired TaskService taskService;
    @Autowired PipelineStarter pipelines;

    private RestClient rest;

    @BeforeEach
    void givenAccountsAndDistricts() {
        rest = new RestClient(port);
        Officials.user(identity, "abadan-system", "integration-abadan", PASSWORD);
        Officials.user(identity, "province-system", "integration-khuzestan", PASSWORD);
        Officials.user(identity, "head-abadan", "district-head-abadan-central", PASSWORD);
        Officials.user(identity, "gov-bavi", "governor-bavi", PASSWORD);
        Officials.user(identity, "auditor", "province-elections-khuzestan", PASSWORD);
        TestRegistry registry = new TestRegistry(jdbc);
        registry.district("abadan-central", "abadan", "مرکزی");
        registry.district("abadan-arvandkenar", "abadan", "اروندکنار");
        registry.district("bavi-central", "bavi", "مرکزی");
        registry.district("shadegan-central", "shadegan", "مرکزی");
    }

    static String row(String code, String name, String county, String district, int expected, int capacity,
                      String circuit) {
        return code + "," + name + "," + county + "," + district + ",FIXED,URBAN,دبستان,خیابان امام,30.3,48.2,"
                + expected + "," + capacity + ",FIBRE,مخابرات," + circuit + ",http://127.0.0.1:18999/" + circuit
                + ",,,,\n";
    }

    @Test
    void aCountyAccountImportsItsStationsOnceAndTheirPipelinesStart() {
        // Persian digits, an Arabic yeh and kaf, and the byte-order mark a spreadsheet writes.
        String csv = "\uFEFF" + HEADER
                + "ABD-۰۰۰۱,شعبه يك آبادان,abadan,abadan-central,FIXED,URBAN,مدرسه,خیابان امام,30.3,48.2,۵۰۰,۸۰۰,"
                + "FIBRE,مخابرات,ABD-0001-P,http://127.0.0.1:18999/a1,4G,ایرانسل,ABD-0001-B,http://127.0.0.1:18999/b1\n"
                + row("ABD-0002", "شعبه دو", "abadan", "abadan-arvandkenar", 400, 700, "ABD-0002-P");

        Response first = importCsv("abadan-system", csv);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("created").asInt()).isEqualTo(2);
        assertThat(first.json().get("processesStarted").asInt()).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT name FROM station WHERE code = 'ABD-0001'", String.class))
                .isEqualTo("شعبه یک آبادان");
        assertThat(jdbc.queryForObject("SELECT expected_voters FROM station WHERE code = 'ABD-0001'", Integer.class))
                .isEqualTo(500);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("ABD-0002").count()).isEqualTo(1);

        Response again = importCsv("abadan-system", csv);

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("unchanged").asInt()).isEqualTo(2);
        assertThat(again.json().get("created").asInt()).isZero();
        assertThat(again.json().get("processesStarted").asInt()).isZero();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("ABD-0001").count()).isEqualTo(1);

        JsonNode one = rest.get("/api/stations/ABD-0001", "abadan-system", PASSWORD).json();
        assertThat(one.get("links")).hasSize(2);
        assertThat(one.get("currentSteps").get(0).asText()).isEqualTo("verifySite");
        assertThat(one.has("timeline")).as("the audit trail is for auditors").isFalse();
        JsonNode audited = rest.get("/api/stations/ABD-0001", "auditor", PASSWORD).json();
        assertThat(audited.get("timeline").findValuesAsText("event_type")).contains("STATION_IMPORTED", "RECORD_VALID");
    }

    @Test
    void aJsonImportIsTheSameFormatAndAnExportReimportsUnchanged() {
        String json = """
                [{"code": "ABD-0101", "name": "شعبه ۱۰۱", "county": "abadan", "district": "abadan-central",
                  "expected_voters": 300, "capacity": 600, "latitude": 30.31, "longitude": 48.25,
                  "primary_circuit": "ABD-0101-P", "primary_endpoint": "http://127.0.0.1:18999/x"}]
                """;
        Response imported = rest.post("/api/stations/import", "province-system", PASSWORD, "application/json",
                json.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("created").asInt()).isEqualTo(1);

        jdbc.update("UPDATE station SET address = 'خیابان امام' || CHR(10) || 'پلاک ۴' WHERE code = 'ABD-0101'");
        Response export = rest.get("/api/stations?county=abadan", "province-system", PASSWORD, "text/csv");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body()).startsWith(HEADER.strip()).contains("ABD-0101");
        Response reimport = importCsv("province-system", export.body());
        assertThat(reimport.status()).as(reimport.body()).isEqualTo(200);
        assertThat(reimport.json().get("created").asInt()).isZero();
        assertThat(reimport.json().get("updated").asInt()).isZero();
        assertThat(reimport.json().get("unchanged").asInt()).isEqualTo(reimport.json().get("rows").asInt());
    }

    @Test
    void readingIsScopedToTheAccountsCounties() {
        importCsv("province-system", HEADER + row("BAV-0001", "شعبه باوی", "bavi", "bavi-central", 300, 600, "BAV-0001-P"));
        importCsv("province-system", HEADER + row("ABD-0201", "شعبه آبادان", "abadan", "abadan-central", 300, 600, "ABD-0201-P"));

        JsonNode page = rest.get("/api/stations?size=500", "abadan-system", PASSWORD).json();
        assertThat(page.get("items").findValuesAsText("county")).containsOnly("abadan");
        assertThat(rest.get("/api/stations?county=bavi", "abadan-system", PASSWORD).status()).isEqualTo(403);
        assertThat(rest.get("/api/stations/BAV-0001", "abadan-system", PASSWORD).status()).isEqualTo(403);
        assertThat(rest.get("/api/stations/NO-SUCH", "abadan-system", PASSWORD).status()).isEqualTo(404);
        JsonNode bavi = rest.get("/api/stations?county=bavi&status=proposed&page=0&size=1", "gov-bavi", PASSWORD).json();
        assertThat(bavi.get("total").asInt()).isEqualTo(1);
        assertThat(bavi.get("items").get(0).get("code").asText()).isEqualTo("BAV-0001");

        Response anonymous = rest.get("/api/stations", null, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        Response officialImport = importCsv("head-abadan", HEADER + row("ABD-0301", "x", "abadan", "abadan-central", 1, 2, "C1"));
        assertThat(officialImport.status()).as("only integration accounts import").isEqualTo(403);
    }

    @Test
    void aProviderReportsALinkRepairedAndTheWaitingStationIsCheckedAgainAtOnce() {
        Officials.user(identity, "head-karun", "district-head-karun-central", PASSWORD);
        Officials.user(identity, "karun-system", "integration-karun", PASSWORD);
        new TestRegistry(jdbc).district("karun-central", "karun", "مرکزی");
        try (LoopbackLinkServer links = LoopbackLinkServer.start()) {
            String csv = HEADER + "KRN-0701,شعبه,karun,karun-central,FIXED,URBAN,دبستان,خیابان امام,30.3,48.2,300,600,"
                    + "FIBRE,مخابرات,KRN-0701-P," + links.url("/down") + ",4G,ایرانسل,KRN-0701-B," + links.url("/down")
                    + "\n";
            assertThat(importCsv("karun-system", csv).status()).isEqualTo(200);
            JsonNode verify = Officials.awaitTask(() -> rest.get("/engine-rest/task?processInstanceBusinessKey=KRN-0701"
                    + "&taskDefinitionKey=verifySite",
                    "head-karun", PASSWORD).json());
            assertThat(rest.post("/engine-rest/task/" + verify.get("id").asText() + "/complete", "head-karun", PASSWORD,
                    "{\"variables\":{\"siteOutcome\":{\"value\":\"approve\"},\"accessible\":{\"value\":true},"
                            + "\"powerAvailable\":{\"value\":true},\"secure\":{\"value\":true},"
                            + "\"capacityConfirmed\":{\"value\":true}}}").status()).isEqualTo(204);
            // The county's finalization is county-readiness's (RegionalReadinessIT); the station is finalized as it
            // leaves it, and an administrator delivers its message.
            new TestRegistry(jdbc).finalizeVerified("KRN-0701");
            String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey("KRN-0701").singleResult()
                    .getId();
            Response released = rest.post("/engine-rest/message", "it-admin", "it-root-password-1405",
                    "{\"messageName\":\"countyFinalized\",\"processInstanceId\":\"" + instance + "\"}");
            assertThat(released.status()).as(released.body()).isEqualTo(204);
            Officials.awaitTask(() -> rest.get("/engine-rest/task?processInstanceBusinessKey=KRN-0701"
                    + "&taskDefinitionKey=fixConnectivity", "it-admin", "it-root-password-1405").json());
            assertThat(count("SELECT COUNT(*) FROM link_test WHERE station_code = 'KRN-0701'")).isEqualTo(1);

            Response repaired = rest.post("/api/links/KRN-0701-P/repairs", "karun-system", PASSWORD,
                    "{\"repairedAt\": \"2026-11-28T08:30:00Z\", \"action\": \"فیبر ترمیم شد\", \"reference\": \"TCI-99\"}");

            assertThat(repaired.status()).as(repaired.body()).isEqualTo(202);
            assertThat(repaired.json().get("checkTriggered").asBoolean()).isTrue();
            awaitCount("SELECT COUNT(*) FROM link_test WHERE station_code = 'KRN-0701'", 2);
            assertThat(count("SELECT COUNT(*) FROM station_event WHERE station_code = 'KRN-0701'"
                    + " AND event_type = 'LINK_REPAIRED'")).isEqualTo(1);
            Response backupReport = rest.post("/api/links/KRN-0701-B/repairs", "karun-system", PASSWORD,
                    "{\"action\": \"4G\", \"reference\": \"MCI-1\"}");
            assertThat(backupReport.status()).as(backupReport.body()).isEqualTo(202);
            assertThat(backupReport.json().get("checkTriggered").asBoolean())
                    .as("a repair of another link than the one being fixed does not end the fix").isFalse();
            Response again = rest.post("/api/links/KRN-0701-P/repairs", "karun-system", PASSWORD,
                    "{\"action\": \"فیبر ترمیم شد\", \"reference\": \"TCI-99\"}");
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.json().get("duplicate").asBoolean()).isTrue();
            assertThat(again.json().get("checkTriggered").asBoolean()).as("answered as it was").isTrue();
            assertThat(count("SELECT COUNT(*) FROM link_repair")).isEqualTo(2);
        }
        assertThat(rest.post("/api/links/NO-SUCH/repairs", "karun-system", PASSWORD,
                "{\"action\": \"x\", \"reference\": \"y\"}").status()).isEqualTo(404);
        assertThat(rest.post("/api/links/KRN-0701-P/repairs", "abadan-system", PASSWORD,
                "{\"action\": \"x\", \"reference\": \"y\"}").status()).isEqualTo(403);
        for (String bad : List.of("{\"action\": \"x\"}", "{\"action\": \"x\", \"reference\": \"y\", \"colour\": 1}",
                "{\"action\": \"x\", \"reference\": \"y\", \"repairedAt\": \"yesterday\"}")) {
            Response refused = rest.post("/api/links/KRN-0701-P/repairs", "karun-system", PASSWORD, bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.json().get("type").asText()).endsWith("/invalid-repair");
        }
    }

    @Test
    void theReadinessFiguresAgreeWithTheRegistry() {
        importCsv("province-system", HEADER + row("ABD-0801", "x", "abadan", "abadan-central", 300, 600, "ABD-0801-P")
                + row("ABD-0802", "x", "abadan", "abadan-arvandkenar", 300, 600, "ABD-0802-P"));
        jdbc.update("UPDATE station SET at_risk_milestone = 'STATIONS_VERIFIED' WHERE code = 'ABD-0802'");

        JsonNode abadan = rest.get("/api/readiness?county=abadan", "abadan-system", PASSWORD).json().get("counties").get(0);

        assertThat(abadan.get("stations").asLong()).isEqualTo(count("SELECT COUNT(*) FROM station WHERE county_code = 'abadan'"));
        assertThat(abadan.get("byStatus").get("PROPOSED").asLong())
                .isEqualTo(count("SELECT COUNT(*) FROM station WHERE county_code = 'abadan' AND status = 'PROPOSED'"));
        assertThat(abadan.get("atRisk").asLong()).isEqualTo(count("SELECT COUNT(*) FROM station WHERE county_code = 'abadan'"
                + " AND at_risk_milestone IS NOT NULL"));
        assertThat(abadan.get("districts").findValuesAsText("district")).contains("abadan-central", "abadan-arvandkenar");
        long officials = Stream.of("governor-abadan", "deputy-abadan", "district-head-abadan-central")
                .mapToLong(group -> identity.createUserQuery().memberOfGroup(group).count()).sum();
        assertThat(officials).isPositive();
        assertThat(abadan.get("officials").asLong()).as("officials read as the app, whoever asks").isEqualTo(officials);
        assertThat(rest.get("/api/readiness?county=bavi", "abadan-system", PASSWORD).status()).isEqualTo(403);
        Response csv = rest.get("/api/readiness?county=abadan", "abadan-system", PASSWORD, "text/csv");
        assertThat(csv.body()).startsWith("level,county,district,stations,status_proposed").contains("county,abadan,,");
    }

    @Test
    void pipelinesAnInterruptedImportLeftAreStartedOnceAtTheNextStart() {
        new TestRegistry(jdbc).station("ABD-0990", "abadan", "abadan-central", 300, 600, "http://127.0.0.1:18999/x");
        // As a crash would leave it: the station committed, its pipeline not yet started.
        jdbc.update("UPDATE station SET pipeline_pending = TRUE WHERE code = 'ABD-0990'");

        pipelines.afterSeeding();
        jdbc.update("UPDATE station SET pipeline_pending = TRUE WHERE code = 'ABD-0990'");
        pipelines.afterSeeding();

        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("ABD-0990").count()).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM station WHERE pipeline_pending = TRUE")).isZero();
    }

    @Test
    void theReadinessFiguresAgreeWithTheProcesses() {
        importCsv("province-system", HEADER + row("ABD-0970", "x", "abadan", "abadan-central", 300, 600, "ABD-0970-P")
                + row("ABD-0971", "x", "abadan", "abadan-central", 300, 600, "ABD-0971-P"));

        JsonNode abadan = rest.get("/api/readiness?county=abadan", "abadan-system", PASSWORD).json().get("counties").get(0);

        long waitingForTheirSite = taskService.createTaskQuery().tenantIdIn("abadan")
                .processDefinitionKey("station-readiness").taskDefinitionKeyIn("verifySite", "correctRecord").count();
        long withoutPipeline = count("SELECT COUNT(*) FROM station s WHERE s.county_code = 'abadan' AND s.status = 'PROPOSED'"
                + " AND NOT EXISTS (SELECT 1 FROM act_hi_procinst p WHERE p.business_key_ = s.code)");
        assertThat(abadan.get("byStatus").get("PROPOSED").asLong()).isEqualTo(waitingForTheirSite + withoutPipeline);
    }

    @Test
    void everyApiAnswerCarriesSecurityHeaders() {
        for (String path : List.of("/api/stations", "/engine-rest/task")) {
            java.net.http.HttpHeaders headers = rest.headers(path, "province-system", PASSWORD);
            assertThat(headers.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(headers.firstValue("X-Frame-Options")).as(path).hasValue("SAMEORIGIN");
            assertThat(headers.firstValue("Content-Security-Policy")).as(path).hasValue("default-src 'none'; frame-ancestors 'none'");
            assertThat(headers.firstValue("Strict-Transport-Security")).as("not over plain HTTP").isEmpty();
        }
        assertThat(rest.headers("/api/stations", null, null).firstValue("X-Content-Type-Options"))
                .as("a refusal too").hasValue("nosniff");
    }

    @Test
    void theApiIsDescribedByOpenApiWithABrowsableUi() {
        Response docs = rest.get("/api/docs", "province-system", PASSWORD);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/stations/import")).isTrue();
        assertThat(rest.get("/api/docs", null, null).status()).isEqualTo(401);
        Response ui = rest.get("/api/docs/swagger-ui/index.html", "province-system", PASSWORD);
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
    }

    @Test
    void aCountyAccountCannotImportAnotherCountysStations() {
        long before = stations();
        Response response = importCsv("abadan-system", HEADER
                + row("ABD-0401", "شعبه", "abadan", "abadan-central", 300, 600, "ABD-0401-P")
                + row("BAV-0401", "شعبه", "bavi", "bavi-central", 300, 600, "BAV-0401-P"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("type").asText()).endsWith("/forbidden-county");
        assertThat(response.json().get("errors").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(stations()).isEqualTo(before);
    }

    @Test
    void aChangeToAStationOfAFinalizedCountyWaitsForTheGovernor() {
        importCsv("province-system", HEADER + row("BAV-0501", "شعبه قدیم", "bavi", "bavi-central", 300, 600, "BAV-0501-P"));
        jdbc.update("UPDATE county SET finalized_at = CURRENT_TIMESTAMP, finalized_by = 'gov-bavi' WHERE code = 'bavi'");
        try {
            Response changed = importCsv("province-system", HEADER
                    + row("BAV-0501", "شعبه جدید", "bavi", "bavi-central", 300, 650, "BAV-0501-P"));
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
            assertThat(changed.json().get("heldForApproval").asInt()).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT name FROM station WHERE code = 'BAV-0501'", String.class))
                    .as("not changed silently").isEqualTo("شعبه قدیم");
            Response twice = importCsv("province-system", HEADER
                    + row("BAV-0501", "شعبه جدید", "bavi", "bavi-central", 300, 650, "BAV-0501-P"));
            assertThat(twice.json().get("heldForApproval").asInt()).as("the same change waits once").isZero();

            JsonNode task = Officials.awaitTask(() -> rest.get("/engine-rest/task?taskDefinitionKey=approveStationChange",
                    "gov-bavi", PASSWORD).json());
            Response decided = rest.post("/engine-rest/task/" + task.get("id").asText() + "/complete", "gov-bavi",
                    PASSWORD, "{\"variables\":{\"changeDecision\":{\"value\":\"approve\"},"
                            + "\"changeReason\":{\"value\":\"نام درست است\"}}}");
            assertThat(decided.status()).as(decided.body()).isEqualTo(204);
            assertThat(jdbc.queryForObject("SELECT name FROM station WHERE code = 'BAV-0501'", String.class))
                    .isEqualTo("شعبه جدید");
            assertThat(jdbc.queryForObject("SELECT status FROM station_change WHERE station_code = 'BAV-0501'",
                    String.class)).isEqualTo("APPROVED");
            assertThat(jdbc.queryForList("SELECT event_type || ' by ' || actor FROM station_event"
                    + " WHERE station_code = 'BAV-0501' AND event_type LIKE 'CHANGE_%' ORDER BY id", String.class))
                    .as("the held change and the governor's decision are in the station's timeline")
                    .containsExactly("CHANGE_HELD by province-system", "CHANGE_APPROVED by gov-bavi");

            importCsv("province-system", HEADER + row("BAV-0501", "شعبه سوم", "bavi", "bavi-central", 300, 650, "BAV-0501-P"));
            importCsv("province-system", HEADER + row("BAV-0501", "شعبه جدید", "bavi", "bavi-central", 300, 650, "BAV-0501-P"));
            assertThat(jdbc.queryForList("SELECT status FROM station_change WHERE station_code = 'BAV-0501' ORDER BY id",
                    String.class)).as("the master list went back: the waiting change is withdrawn")
                    .containsExactly("APPROVED", "SUPERSEDED");
        } finally {
            jdbc.update("UPDATE county SET finalized_at = NULL, finalized_by = NULL WHERE code = 'bavi'");
        }
    }

    static Stream<Arguments> malformed() {
        String ok = row("ABD-0901", "شعبه", "abadan", "abadan-central", 300, 600, "ABD-0901-P");
        return Stream.of(
                Arguments.of("an empty body", "text/csv", "", 400, "empty-file", null, 0),
                Arguments.of("a header without rows", "text/csv", HEADER, 400, "empty-file", null, 0),
                Arguments.of("an empty JSON array", "application/json", "[]", 400, "empty-file", null, 0),
                Arguments.of("a wrong content type", "text/plain", HEADER + ok, 415, "unsupported-content-type", null, 0),
                Arguments.of("JSON that is not an array", "application/json", "{\"code\": \"X\"}", 400, "invalid-json", null, 0),
                Arguments.of("malformed JSON", "application/json", "[{\"code\": ", 400, "invalid-json", null, 0),
                Arguments.of("an unknown column", "text/csv", "code,name,county,colour\nA-1,x,abadan,red\n", 400,
                        "unknown-columns", null, 0),
                Arguments.of("a file without the code column", "text/csv", "name,county\nx,abadan\n", 400,
                        "missing-columns", null, 0),
                Arguments.of("a new station in a file without the county column", "text/csv", "code,name\nA-1,x\n", 400,
                        "invalid-rows", "county", 2),
                Arguments.of("a new station in a file of codes and endpoints only", "text/csv",
                        "code,primary_endpoint\nABD-0913,http://127.0.0.1:18999/x\n", 400, "invalid-rows", null, 2),
                Arguments.of("a missing name", "text/csv", HEADER + row("ABD-0902", "", "abadan", "abadan-central", 300,
                        600, "ABD-0902-P"), 400, "invalid-rows", "name", 2),
                Arguments.of("an invalid code", "text/csv", HEADER + row("AB D", "x", "abadan", "abadan-central", 300,
                        600, "ABD-0903-P"), 400, "invalid-rows", "code", 2),
                Arguments.of("an unknown county", "text/csv", HEADER + row("XYZ-0001", "x", "nowhere", "", 300, 600,
                        "XYZ-0001-P"), 400, "invalid-rows", "county", 2),
                Arguments.of("a district of another county", "text/csv", HEADER + row("ABD-0904", "x", "abadan",
                        "bavi-central", 300, 600, "ABD-0904-P"), 400, "invalid-rows", "district", 2),
                Arguments.of("an unknown district", "text/csv", HEADER + row("ABD-0905", "x", "abadan", "abadan-nowhere",
                        300, 600, "ABD-0905-P"), 400, "invalid-rows", "district", 2),
                Arguments.of("a capacity that is not a number", "text/csv", HEADER + ok.replace(",600,", ",ششصد,"), 400,
                        "invalid-rows", "capacity", 2),
                Arguments.of("negative expected voters", "text/csv", HEADER + ok.replace(",300,", ",-3,"), 400,
                        "invalid-rows", "expected_voters", 2),
                Arguments.of("a latitude out of range", "text/csv", HEADER + ok.replace(",30.3,", ",130.3,"), 400,
                        "invalid-rows", "latitude", 2),
                Arguments.of("an unknown kind", "text/csv", HEADER + ok.replace(",FIXED,", ",FLOATING,"), 400,
                        "invalid-rows", "kind", 2),
                Arguments.of("an endpoint that is not a URL", "text/csv", HEADER + ok.replace("http://127.0.0.1:18999/",
                        "not a url "), 400, "invalid-rows", "primary_endpoint", 2),
                Arguments.of("an unknown medium", "text/csv", HEADER + ok.replace(",FIBRE,", ",PIGEON,"), 400,
                        "invalid-rows", "primary_medium", 2),
                Arguments.of("an endpoint without its circuit", "text/csv", HEADER + ok.replace(",ABD-0901-P,", ",,"),
                        400, "invalid-rows", "primary_circuit", 2),
                Arguments.of("a code twice in one file", "text/csv", HEADER + ok + ok.replace("ABD-0901-P", "ABD-0901-Q"),
                        400, "invalid-rows", "code", 3),
                Arguments.of("a circuit given for two stations", "text/csv", HEADER + ok
                        + row("ABD-0906", "x", "abadan", "abadan-central", 300, 600, "ABD-0901-P"), 400, "invalid-rows",
                        "primary_circuit", 3),
                Arguments.of("a row with too few values", "text/csv", HEADER + "ABD-0907,x,abadan\n", 400,
                        "invalid-rows", null, 2),
                Arguments.of("an unknown JSON field", "application/json", "[{\"code\": \"ABD-0908\", \"name\": \"x\","
                        + " \"county\": \"abadan\", \"colour\": \"red\"}]", 400, "invalid-rows", "colour", 1),
                Arguments.of("a JSON value of the wrong type", "application/json", "[{\"code\": \"ABD-0909\","
                        + " \"name\": \"x\", \"county\": \"abadan\", \"capacity\": true}]", 400, "invalid-rows",
                        "capacity", 1),
                Arguments.of("a JSON element that is not an object", "application/json", "[\"ABD-0910\"]", 400,
                        "invalid-rows", null, 1),
                Arguments.of("a header with an empty column name", "text/csv", "code,name,county,\nA-1,x,abadan,\n", 400,
                        "unreadable-csv", null, 0),
                Arguments.of("an unclosed quote", "text/csv", HEADER + "\"ABD-0911,x,abadan\n", 400, "unreadable-csv",
                        null, 0),
                Arguments.of("a file in a charset other than UTF-8 and Windows-1256", "text/csv;charset=iso-8859-1", HEADER + ok, 415,
                        "unsupported-charset", null, 0),
                Arguments.of("a control character in a name", "application/json", "[{\"code\": \"ABD-0912\","
                        + " \"name\": \"a\\u0000b\", \"county\": \"abadan\"}]", 400, "invalid-rows", "name", 1),
                Arguments.of("a file over the size limit", "text/csv", HEADER + ok.repeat(40_000), 413,
                        "file-too-large", null, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void aMalformedImportIsRefusedWithItsOwnProblemAndWritesNothing(String description, String contentType, String body,
                                                                   int status, String type, String field, int line) {
        long stations = stations();
        long events = count("SELECT COUNT(*) FROM station_event");

        Response response = rest.post("/api/stations/import", "province-system", PASSWORD, contentType,
                body.getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).isEqualTo("https://electionprep.org/problems/" + type);
        assertThat(response.json().get("title").asText()).isNotBlank();
        assertThat(response.json().get("detail").asText()).isNotBlank();
        if (line > 0) {
            JsonNode error = response.json().get("errors").get(0);
            assertThat(error.get("line").asInt()).as(response.body()).isEqualTo(line);
            if (field != null) {
                assertThat(error.get("field").asText()).as(response.body()).isEqualTo(field);
            }
            assertThat(error.get("reason").asText()).isNotBlank();
        }
        assertThat(stations()).as("registry unchanged").isEqualTo(stations);
        assertThat(count("SELECT COUNT(*) FROM station_event")).isEqualTo(events);
    }

    /** Every column but the key, each left out of a file in turn. */
    static Stream<Arguments> columnsLeftOut() {
        return StationColumns.COLUMNS.stream().filter(c -> !c.equals("code"))
                .flatMap(c -> Stream.of(Arguments.of(c, "text/csv"), Arguments.of(c, "application/json")));
    }

    @ParameterizedTest(name = "{0} left out of {1}")
    @MethodSource("columnsLeftOut")
    void aColumnLeftOutOfAFileLeavesItsFieldAsItIsWhileTheOthersAreWritten(String leftOut, String contentType) {
        // given a station with every field given, none at its default
        String code = "ABD-" + (7000 + StationColumns.COLUMNS.indexOf(leftOut) * 2 + (contentType.contains("csv") ? 0 : 1));
        Map<String, String> full = fullStation(code);
        assertThat(importFile(contentType, List.of(full)).status()).isEqualTo(200);
        JsonNode before = station(code);

        // when a file leaves the column out and changes another field
        String changed = leftOut.equals("address") ? "name" : "address";
        Map<String, String> partial = new LinkedHashMap<>(full);
        partial.remove(leftOut);
        partial.put(changed, "تغییر یافته");
        Response response = importFile(contentType, List.of(partial));

        // then the field of the missing column is as it was, the changed one is written, and nothing else moved
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("updated").asInt()).isEqualTo(1);
        JsonNode after = station(code);
        for (String column : StationColumns.COLUMNS) {
            assertThat(after.get(column)).as(column).isEqualTo(column.equals(changed)
                    ? TextNode.valueOf("تغییر یافته") : before.get(column));
        }
        assertThat(jdbc.queryForObject("SELECT details FROM station_event WHERE station_code = ?"
                + " AND event_type = 'STATION_IMPORTED' ORDER BY id DESC FETCH FIRST 1 ROWS ONLY", String.class, code))
                .startsWith("updated: " + changed + ": ").doesNotContain(";");
        // and the same partial file again changes nothing
        assertThat(importFile(contentType, List.of(partial)).json().get("unchanged").asInt()).isEqualTo(1);
    }

    @Test
    void aFileOfCodesAndNewEndpointsOnlyMovesTheEndpointsAndKeepsEverythingElse() {
        // given two stations with every field given
        importFile("text/csv", List.of(fullStation("ABD-7101"), fullStation("ABD-7102")));
        JsonNode before = station("ABD-7101");
        long links = count("SELECT COUNT(*) FROM network_link");

        // when a system sends only the codes and their links' new endpoints
        Response response = importCsv("province-system", "code,primary_endpoint,backup_endpoint\n"
                + "ABD-7101,http://127.0.0.1:18999/new/p1,http://127.0.0.1:18999/new/b1\n"
                + "ABD-7102,http://127.0.0.1:18999/new/p2,http://127.0.0.1:18999/new/b2\n");

        // then the endpoints move on the same circuits, and the rest of each station stays
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("updated").asInt()).isEqualTo(2);
        JsonNode after = station("ABD-7101");
        assertThat(after.get("primary_endpoint").asText()).isEqualTo("http://127.0.0.1:18999/new/p1");
        assertThat(after.get("backup_endpoint").asText()).isEqualTo("http://127.0.0.1:18999/new/b1");
        for (String column : StationColumns.COLUMNS) {
            if (!column.endsWith("_endpoint")) {
                assertThat(after.get(column)).as(column).isEqualTo(before.get(column));
            }
        }
        assertThat(count("SELECT COUNT(*) FROM network_link")).as("links changed in place").isEqualTo(links);
    }

    @Test
    void anEmptyValueInAColumnThatIsThereStillClearsItsField() {
        // given a station with every field given
        importFile("text/csv", List.of(fullStation("ABD-7201"), fullStation("ABD-7202")));

        // when a CSV has the expected voters column empty, and a JSON object the building as null
        Response csv = importCsv("province-system", "code,expected_voters\nABD-7201,\n");
        Response json = rest.post("/api/stations/import", "province-system", PASSWORD, "application/json",
                "[{\"code\": \"ABD-7202\", \"building\": null}]".getBytes(StandardCharsets.UTF_8));

        // then those fields are cleared
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(json.status()).as(json.body()).isEqualTo(200);
        assertThat(station("ABD-7201").get("expected_voters").isNull()).isTrue();
        assertThat(station("ABD-7201").get("building").asText()).isEqualTo("مسجد جامع");
        assertThat(station("ABD-7202").get("building").isNull()).isTrue();
        assertThat(station("ABD-7202").get("expected_voters").asInt()).isEqualTo(420);
    }

    /** A station of Abadan with every column given, none left at its default. */
    private static Map<String, String> fullStation(String code) {
        Map<String, String> station = new LinkedHashMap<>();
        station.put("code", code);
        station.put("name", "شعبه کامل " + code);
        station.put("county", "abadan");
        station.put("district", "abadan-arvandkenar");
        station.put("kind", "MOBILE");
        station.put("area", "RURAL");
        station.put("building", "مسجد جامع");
        station.put("address", "کوچه ۵، پلاک ۷");
        station.put("latitude", "30.123456");
        station.put("longitude", "48.654321");
        station.put("expected_voters", "420");
        station.put("capacity", "640");
        station.put("primary_medium", "4G");
        station.put("primary_provider", "ایرانسل");
        station.put("primary_circuit", code + "-P");
        station.put("primary_endpoint", "http://127.0.0.1:18999/" + code + "/p");
        station.put("backup_medium", "SATELLITE");
        station.put("backup_provider", "ماهواره");
        station.put("backup_circuit", code + "-B");
        station.put("backup_endpoint", "http://127.0.0.1:18999/" + code + "/b");
        assertThat(station.keySet()).containsExactlyElementsOf(StationColumns.COLUMNS);
        return station;
    }

    /** The rows as a CSV file (header: their columns) or a JSON array, imported by the province's system. */
    private Response importFile(String contentType, List<Map<String, String>> rows) {
        String body;
        if (contentType.contains("csv")) {
            StringBuilder csv = new StringBuilder(String.join(",", rows.get(0).keySet())).append('\n');
            rows.forEach(row -> csv.append(String.join(",", row.values())).append('\n'));
            body = csv.toString();
        } else {
            try {
                body = new ObjectMapper().writeValueAsString(rows);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return rest.post("/api/stations/import", "province-system", PASSWORD, contentType,
                body.getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode station(String code) {
        Response station = rest.get("/api/stations/" + code, "province-system", PASSWORD);
        assertThat(station.status()).as(station.body()).isEqualTo(200);
        return station.json();
    }

    @Test
    void aChangedBackupLinkIsWrittenOnceAndTheSameFileThenChangesNothing() {
        String first = HEADER + row("ABD-0960", "x", "abadan", "abadan-central", 300, 600, "ABD-0960-P")
                .replace(",,,,\n", ",4G,ایرانسل,ABD-0960-B1,http://127.0.0.1:18999/b1\n");
        String second = first.replace("ABD-0960-B1", "ABD-0960-B2");
        String swapped = HEADER + row("ABD-0960", "x", "abadan", "abadan-central", 300, 600, "ABD-0960-B2");
        importCsv("province-system", first);

        assertThat(importCsv("province-system", second).json().get("updated").asInt()).isEqualTo(1);
        assertThat(importCsv("province-system", second).json().get("unchanged").asInt()).isEqualTo(1);
        assertThat(importCsv("province-system", swapped).json().get("updated").asInt())
                .as("the backup circuit becomes the primary").isEqualTo(1);
        assertThat(importCsv("province-system", swapped).json().get("unchanged").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT role FROM network_link WHERE station_code = 'ABD-0960' AND active = TRUE",
                String.class)).containsExactly("PRIMARY");
        Response unknown = rest.get("/api/no-such-thing", "province-system", PASSWORD);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aStationCannotMoveToAnotherCountyAndCircuitsOfOtherStationsAreRefused() {
        importCsv("province-system", HEADER + row("ABD-0950", "x", "abadan", "abadan-central", 300, 600, "ABD-0950-P"));

        Response moved = importCsv("province-system", HEADER + row("ABD-0950", "x", "bavi", "bavi-central", 300, 600,
                "ABD-0950-P"));
        Response stolen = importCsv("province-system", HEADER + row("ABD-0951", "x", "abadan", "abadan-central", 300,
                600, "ABD-0950-P"));

        assertThat(moved.json().get("errors").get(0).get("field").asText()).isEqualTo("county");
        assertThat(stolen.json().get("errors").get(0).get("reason").asText()).contains("ABD-0950");
    }

    @Test
    void aFiveThousandRowImportIsStreamedWithBoundedMemory() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 5000; i++) {
            String code = String.format("SHD-%05d", i);
            csv.append(row(code, "شعبه " + i, "shadegan", "shadegan-central", 300, 600, code + "-P"));
        }
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        Instant start = Instant.now();

        Response response = importCsv("province-system", csv.toString());

        Duration took = Duration.between(start, Instant.now());
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("created").asInt()).isEqualTo(5000);
        assertThat(count("SELECT COUNT(*) FROM station WHERE county_code = 'shadegan'")).isEqualTo(5000);
        assertThat(response.json().get("processesQueued").asInt()).isEqualTo(5000);
        System.out.printf("5,000-row import (%d KB): %d ms, peak heap of the JVM during the import %d MB%n",
                csv.length() / 1024, took.toMillis(), peak / (1024 * 1024));

        // The queued pipelines start in the background; wait for them, so the other tests do not share the machine.
        Instant queued = Instant.now();
        while (count("SELECT COUNT(*) FROM station WHERE pipeline_pending = TRUE") > 0
                && Duration.between(queued, Instant.now()).toSeconds() < 300) {
            sleep(500);
        }
        long seconds = Math.max(1, Duration.between(queued, Instant.now()).toSeconds());
        assertThat(count("SELECT COUNT(*) FROM station WHERE pipeline_pending = TRUE")).isZero();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("station-readiness").count())
                .isGreaterThanOrEqualTo(5000);
        System.out.printf("5,000 pipelines started in the background in about %d s (%d per second)%n", seconds,
                5000 / seconds);
    }

    private void awaitCount(String sql, long expected) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (count(sql) < expected && Instant.now().isBefore(deadline)) {
            sleep(200);
        }
        assertThat(count(sql)).isEqualTo(expected);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Response importCsv(String user, String csv) {
        return rest.post("/api/stations/import", user, PASSWORD, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    private long stations() {
        return count("SELECT COUNT(*) FROM station");
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
