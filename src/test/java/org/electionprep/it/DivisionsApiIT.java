package org.electionprep.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.IdentityService;
import org.electionprep.support.Officials;
import org.electionprep.support.PostgresAppTest;
import org.electionprep.support.RestClient;
import org.electionprep.support.TestRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The divisions over /api on PostgreSQL and HTTP: provinces, counties and districts imported from CSV and JSON by an
 * administrator, all or nothing, idempotent, renamed and moved; a new province and county usable at once, without a
 * restart; the tree and its CSV, which imports unchanged; bad files refused with the row and field and nothing
 * written.
 */
@PostgresAppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DivisionsApiIT {

    static final String PASSWORD = "it-password-1405";
    static final String ADMIN = PostgresAppTest.ADMIN_USER;
    static final String ADMIN_PASSWORD = PostgresAppTest.ADMIN_PASSWORD;
    static final String HEADER = "level,code,name,parent\n";

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;

    private RestClient rest;

    @BeforeAll
    void givenAGovernorOfHoveyzehAndAStationInADistrictOfHoveyzeh() {
        Officials.user(identity, "div-gov-hoveyzeh", "governor-hoveyzeh", PASSWORD);
        Officials.user(identity, "div-system", "integration-khuzestan", PASSWORD);
        new TestRegistry(jdbc).station("HVZ-DIV1", "hoveyzeh", "div-hvz-busy", 300, 600, "http://127.0.0.1:18997/d");
        rest = new RestClient(port);
    }

    @Test
    void anAdministratorImportsDistrictsFromCsvAndTheSameFileAgainChangesNothing() {
        String file = HEADER + "district,div-krn-a,بخش الف,karun\ndistrict,div-krn-b,بخش ب,karun\n";

        RestClient.Response first = csv(file);
        RestClient.Response again = csv(file);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("districtsAdded").asInt()).isEqualTo(2);
        assertThat(again.json().get("districtsAdded").asInt()).isZero();
        assertThat(again.json().get("unchanged").asInt()).isEqualTo(2);
        assertThat(district("div-krn-a")).containsEntry("county_code", "karun").containsEntry("name", "بخش الف");
    }

    @Test
    void aJsonFileRenamesADistrictAndMovesOneWithoutStationsToAnotherCounty() {
        csv(HEADER + "district,div-move,جابجا,bavi\ndistrict,div-rename,نام قدیم,bavi\n");

        RestClient.Response answer = rest.post("/api/divisions/import", ADMIN, ADMIN_PASSWORD, "application/json",
                """
                [{"level": "district", "code": "div-move", "name": "جابجا", "parent": "karun"},
                 {"level": "district", "code": "div-rename", "name": "نام نو", "parent": "bavi"}]
                """.getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("districtsMoved").asInt()).isEqualTo(1);
        assertThat(answer.json().get("renamed").asInt()).isEqualTo(1);
        assertThat(district("div-move")).containsEntry("county_code", "karun");
        assertThat(identity.createTenantQuery().groupMember("district-head-div-move").list())
                .extracting(t -> t.getId()).as("the district head's group follows the district").containsExactly("karun");
        assertThat(district("div-rename")).containsEntry("name", "نام نو");
    }

    @Test
    void arabicLettersInANameAreStoredAsPersianOnes() {
        csv(HEADER + "district,div-arabic,بخش كريم,karun\n");

        assertThat(district("div-arabic")).containsEntry("name", "بخش کریم");
    }

    static List<Object[]> badFiles() {
        return List.of(
                new Object[] {"district,div-bad1,نام,nowhere", "parent", "no county 'nowhere'"},
                new Object[] {"district,div-bad2,نام,", "parent", "a district lies in a county"},
                new Object[] {"county,karun,کارون,ahvaz", "parent", "'ahvaz' is a county"},
                new Object[] {"district,div-bad3,نام,div-hvz-busy", "parent", "'div-hvz-busy' is a district"},
                new Object[] {"district,Div_Bad,نام,karun", "code", "lower-case"},
                new Object[] {"district,div-bad4,,karun", "name", "a name is required"},
                new Object[] {"district,div-bad5," + "ن".repeat(201) + ",karun", "name", "at most 200"},
                new Object[] {"district,div-hvz-busy,مرکزی,karun", "parent", "has 1 station in county 'hoveyzeh'"},
                new Object[] {"district,karun,نام,karun", "code", "'karun' is a county in the registry"},
                new Object[] {"county,div-bad7,شهرستان نو,nowhere", "parent", "no province 'nowhere'"},
                new Object[] {"county,div-bad8,شهرستان نو,", "parent", "a county lies in a province"},
                new Object[] {"county,div-bad9,شهرستان نو,div-hvz-busy", "parent", "'div-hvz-busy' is a district"},
                new Object[] {"province,div-bad10,استان نو,khuzestan", "parent", "a province has no parent"},
                new Object[] {"province,karun,کارون,", "code", "'karun' is a county in the registry"},
                new Object[] {"village,div-bad6,نام,karun", "level", "one of province, county, district"});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void aBadRowIsRefusedWithItsLineAndFieldAndNothingOfTheFileIsWritten(String row, String field, String reason) {
        String good = "district,div-good-" + Math.abs(row.hashCode()) + ",نام,karun";

        RestClient.Response answer = csv(HEADER + good + "\n" + row + "\n");

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode error = answer.json().get("errors").get(0);
        assertThat(error.get("line").asLong()).isEqualTo(3);
        assertThat(error.get("field").asText()).isEqualTo(field);
        assertThat(error.get("reason").asText()).contains(reason);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM district WHERE code = ?", Integer.class,
                "div-good-" + Math.abs(row.hashCode()))).isZero();
    }

    @Test
    void aCodeTwiceInTheFileIsRefusedOnItsSecondLine() {
        RestClient.Response answer = csv(HEADER + "district,div-twice,یک,karun\ndistrict,div-twice,دو,karun\n");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("line").asLong()).isEqualTo(3);
        assertThat(answer.json().get("errors").get(0).get("reason").asText()).contains("line 2");
    }

    @Test
    void aFileOfManyBadRowsListsTheFirst500AndCountsThemAll() {
        StringBuilder file = new StringBuilder(HEADER);
        for (int i = 0; i < 600; i++) {
            file.append("district,div-many-").append(i).append(",نام,nowhere\n");
        }

        RestClient.Response answer = csv(file.toString());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors")).hasSize(500);
        assertThat(answer.json().get("errorCount").asInt()).isEqualTo(600);
    }

    @Test
    void aFileWithAColumnTheFormatLacksIsRefusedWhole() {
        RestClient.Response answer = csv("level,code,name,parent,population\ndistrict,div-col,نام,karun,5\n");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("type").asText()).endsWith("/unknown-columns");
    }

    @Test
    void onlyAnAdministratorImportsDivisions() {
        RestClient.Response governor = rest.post("/api/divisions/import", "div-gov-hoveyzeh", PASSWORD, "text/csv",
                (HEADER + "district,div-gov,نام,hoveyzeh\n").getBytes(StandardCharsets.UTF_8));
        RestClient.Response system = rest.post("/api/divisions/import", "div-system", PASSWORD, "text/csv",
                (HEADER + "district,div-sys,نام,hoveyzeh\n").getBytes(StandardCharsets.UTF_8));
        RestClient.Response anonymous = rest.post("/api/divisions/import", null, null, "text/csv",
                (HEADER + "district,div-anon,نام,hoveyzeh\n").getBytes(StandardCharsets.UTF_8));

        assertThat(List.of(governor.status(), system.status(), anonymous.status())).containsExactly(403, 403, 401);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM district WHERE code LIKE 'div-gov%' OR code LIKE"
                + " 'div-sys%' OR code LIKE 'div-anon%'", Integer.class)).isZero();
    }

    @Test
    void theTreeShowsAnOfficialTheirCountiesAndItsCsvImportsUnchanged() {
        RestClient.Response governor = rest.get("/api/divisions", "div-gov-hoveyzeh", PASSWORD);
        RestClient.Response exported = rest.get("/api/divisions", ADMIN, ADMIN_PASSWORD, "text/csv");

        RestClient.Response reimported = csv(exported.body());

        JsonNode counties = governor.json().get(0).get("counties");
        assertThat(counties).hasSize(1);
        assertThat(counties.get(0).get("code").asText()).isEqualTo("hoveyzeh");
        assertThat(counties.get(0).get("districts").toString()).contains("div-hvz-busy");
        assertThat(exported.body()).startsWith("level,code,name,parent").contains("county,karun,کارون,khuzestan");
        assertThat(reimported.status()).as(reimported.body()).isEqualTo(200);
        assertThat(reimported.json().get("unchanged").asInt()).isEqualTo(reimported.json().get("rows").asInt());
    }

    @Test
    void aNewProvinceAndCountyAreWorkedAtOnceByTheirOwnOfficialsAndSeenOnlyByTheirProvince() {
        // given a province, a county and a district that the app has never seen
        RestClient.Response imported = csv(HEADER + "district,div-nc-central,بخش مرکزی,div-nc\n"
                + "county,div-nc,شهرستان نو,div-np\nprovince,div-np,استان نو,\n");
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("provincesAdded").asInt()).isEqualTo(1);
        assertThat(imported.json().get("countiesAdded").asInt()).isEqualTo(1);

        // when its officials and its province's system are given accounts, and the system imports a station
        Officials.user(identity, "div-nc-head", "district-head-div-nc-central", PASSWORD);
        Officials.user(identity, "div-np-system", "integration-div-np", PASSWORD);
        Officials.user(identity, "div-np-directorate", "province-elections-div-np", PASSWORD);
        Officials.user(identity, "div-khz-directorate", "province-elections-khuzestan", PASSWORD);
        Officials.user(identity, "div-ministry", "ministry", PASSWORD);
        RestClient.Response stations = rest.post("/api/stations/import", "div-np-system", PASSWORD, "text/csv",
                ("code,name,county,district,address,expected_voters,capacity,primary_circuit,primary_endpoint\n"
                        + "DNC-0001,شعبه ۱ شهرستان نو,div-nc,div-nc-central,خیابان امام پلاک ۱,300,600,DNC-0001-P,"
                        + "http://127.0.0.1:18996/x\n").getBytes(StandardCharsets.UTF_8));

        // then, without a restart, the station is the new county's and its district head has its site verification
        assertThat(stations.status()).as(stations.body()).isEqualTo(200);
        JsonNode task = Officials.awaitTask(() -> rest.get("/engine-rest/task?taskDefinitionKey=verifySite"
                + "&processInstanceBusinessKey=DNC-0001", "div-nc-head", PASSWORD).json());
        assertThat(task.get("tenantId").asText()).isEqualTo("div-nc");
        // and the district head's filters and the county's models are there
        assertThat(rest.get("/engine-rest/filter", "div-nc-head", PASSWORD).body())
                .contains("بازدید و تأیید شعب شهرستان من");
        assertThat(rest.get("/engine-rest/process-definition/count?key=county-readiness&tenantIdIn=div-nc", ADMIN,
                ADMIN_PASSWORD).json().get("count").asInt()).isEqualTo(1);
        // and each province's directorate sees its own province only, the ministry every one
        assertThat(provinces("div-np-directorate")).containsExactly("div-np");
        assertThat(provinces("div-khz-directorate")).containsExactly("khuzestan");
        assertThat(provinces("div-ministry")).contains("div-np", "khuzestan");
        assertThat(rest.get("/engine-rest/task?processInstanceBusinessKey=DNC-0001", "div-khz-directorate", PASSWORD)
                .json()).isEmpty();
        // and the set-up was the app's, not the administrator's: no grant of theirs on the county's deployment
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_AUTHORIZATION A JOIN ACT_RE_DEPLOYMENT D"
                + " ON A.RESOURCE_ID_ = D.ID_ WHERE D.TENANT_ID_ = 'div-nc' AND A.USER_ID_ = ?", Long.class, ADMIN))
                .isZero();
    }

    @Test
    void aCountyKeepsItsProvinceAndARenameReachesItsTenant() {
        csv(HEADER + "province,div-p2,استان دوم,\n");

        RestClient.Response moved = csv(HEADER + "county,karun,کارون,div-p2\n");
        RestClient.Response renamed = csv(HEADER + "county,hamidiyeh,حمیدیه نو,khuzestan\n");

        assertThat(moved.status()).isEqualTo(400);
        assertThat(moved.json().get("errors").get(0).get("reason").asText()).contains("does not move to another province");
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(rest.get("/engine-rest/tenant/hamidiyeh", ADMIN, ADMIN_PASSWORD).json().get("name").asText())
                .isEqualTo("حمیدیه نو");
        assertThat(jdbc.queryForObject("SELECT name FROM county WHERE code = 'hamidiyeh'", String.class))
                .isEqualTo("حمیدیه نو");
        csv(HEADER + "county,hamidiyeh,حمیدیه,khuzestan\n");
    }

    @Test
    void aDistrictHeadSeesAndWorksOnlyTheirDistrictsStationsWhileTheGovernorSeesTheCounty() {
        // given a county of two districts, a head for each, its governor, and a station in each district
        csv(HEADER + "county,div-dh,شهرستان دو بخش,khuzestan\ndistrict,div-dh-a,بخش الف,div-dh\n"
                + "district,div-dh-b,بخش ب,div-dh\n");
        Officials.user(identity, "div-head-a", "district-head-div-dh-a", PASSWORD);
        Officials.user(identity, "div-head-b", "district-head-div-dh-b", PASSWORD);
        Officials.user(identity, "div-gov-dh", "governor-div-dh", PASSWORD);
        Officials.user(identity, "div-dh-system", "integration-div-dh", PASSWORD);
        RestClient.Response imported = rest.post("/api/stations/import", "div-dh-system", PASSWORD, "text/csv",
                ("code,name,county,district,address,expected_voters,capacity,primary_circuit,primary_endpoint\n"
                        + "DDH-0001,شعبه ۱,div-dh,div-dh-a,خیابان امام پلاک ۱,300,600,DDH-0001-P,http://127.0.0.1:18996/a\n"
                        + "DDH-0002,شعبه ۲,div-dh,div-dh-b,خیابان امام پلاک ۲,300,600,DDH-0002-P,http://127.0.0.1:18996/b\n")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);

        // when the head of district A opens their Tasklist filter
        String filter = null;
        for (JsonNode f : rest.get("/engine-rest/filter", "div-head-a", PASSWORD).json()) {
            filter = "کارهای گروه من".equals(f.get("name").asText()) ? f.get("id").asText() : filter;
        }
        String myGroup = filter;
        String otherTask = Officials.awaitTask(() -> rest.get("/engine-rest/task?taskDefinitionKey=verifySite"
                + "&processInstanceBusinessKey=DDH-0002", ADMIN, ADMIN_PASSWORD).json()).get("id").asText();
        Officials.awaitTask(() -> rest.get("/engine-rest/task?taskDefinitionKey=verifySite"
                + "&processInstanceBusinessKey=DDH-0001", ADMIN, ADMIN_PASSWORD).json());
        JsonNode own = rest.post("/engine-rest/filter/" + myGroup + "/list", "div-head-a", PASSWORD, "{}").json();

        // then it holds their district's site verification only, and the other district's is not theirs to work
        assertThat(own).hasSize(1);
        assertThat(own.get(0).get("taskDefinitionKey").asText()).isEqualTo("verifySite");
        assertThat(rest.get("/engine-rest/task/" + own.get(0).get("id").asText() + "/variables/stationCode",
                "div-head-a", PASSWORD).json().get("value").asText()).isEqualTo("DDH-0001");
        assertThat(rest.post("/engine-rest/task/" + otherTask + "/claim", "div-head-a", PASSWORD,
                "{\"userId\":\"div-head-a\"}").status()).isEqualTo(403);
        // and /api and the readiness figures show them their district, the governor the county
        assertThat(codes(rest.get("/api/stations?county=div-dh", "div-head-a", PASSWORD).json()))
                .containsExactly("DDH-0001");
        assertThat(codes(rest.get("/api/stations", "div-head-a", PASSWORD).json())).containsExactly("DDH-0001");
        assertThat(rest.get("/api/stations/DDH-0002", "div-head-a", PASSWORD).status()).isEqualTo(403);
        assertThat(codes(rest.get("/api/stations?county=div-dh", "div-gov-dh", PASSWORD).json()))
                .containsExactly("DDH-0001", "DDH-0002");
        JsonNode headFigures = rest.get("/api/readiness?county=div-dh", "div-head-a", PASSWORD).json()
                .get("counties").get(0);
        assertThat(headFigures.get("stations").asInt()).isEqualTo(1);
        assertThat(headFigures.get("districts")).hasSize(1);
        assertThat(rest.get("/api/readiness?county=div-dh", "div-gov-dh", PASSWORD).json().get("counties").get(0)
                .get("stations").asInt()).isEqualTo(2);
    }

    @Test
    void aStationWithoutADistrictIsRefusedNamingItsRow() {
        Officials.user(identity, "div-nodistrict-system", "integration-khuzestan", PASSWORD);

        RestClient.Response answer = rest.post("/api/stations/import", "div-nodistrict-system", PASSWORD, "text/csv",
                ("code,name,county,address,expected_voters,capacity,primary_circuit,primary_endpoint\n"
                        + "KRN-DIV9,شعبه بی بخش,karun,خیابان امام پلاک ۹,300,600,KRN-DIV9-P,http://127.0.0.1:18996/n\n")
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(400);
        JsonNode error = answer.json().get("errors").get(0);
        assertThat(error.get("line").asLong()).isEqualTo(2);
        assertThat(error.get("field").asText()).isEqualTo("district");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM station WHERE code = 'KRN-DIV9'", Integer.class)).isZero();
    }

    private static List<String> codes(JsonNode page) {
        List<String> codes = new java.util.ArrayList<>();
        page.get("items").forEach(s -> codes.add(s.get("code").asText()));
        return codes;
    }

    private List<String> provinces(String user) {
        List<String> codes = new java.util.ArrayList<>();
        rest.get("/api/divisions", user, PASSWORD).json().forEach(p -> codes.add(p.get("code").asText()));
        return codes;
    }

    private RestClient.Response csv(String file) {
        return rest.post("/api/divisions/import", ADMIN, ADMIN_PASSWORD, "text/csv",
                file.getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, Object> district(String code) {
        return jdbc.queryForMap("SELECT county_code, name FROM district WHERE code = ?", code);
    }
}

