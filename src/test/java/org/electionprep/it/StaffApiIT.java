package org.electionprep.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

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
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The stations' staff over /api on PostgreSQL and HTTP: a county's system imports its stations' staff and its
 * districts' reserves, all or nothing and idempotent by national code; a person staffs one station; bad rows and
 * another county's stations are refused with their line and field and nothing written; the county's governor sees
 * national codes and mobiles in full (audited), its IT staff masked, a district head their district's staff only.
 */
@PostgresAppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffApiIT {

    static final String PASSWORD = "it-password-1405";
    static final String HEADER = "national_code,first_name,last_name,mobile,role,station,district\n";

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;

    private RestClient rest;

    @BeforeAll
    void givenStationsInTwoDistrictsOfBaviAndOneOfKarunWithTheirOfficials() {
        rest = new RestClient(port);
        TestRegistry registry = new TestRegistry(jdbc);
        registry.station("STF-B1", "bavi", "bavi-central", 300, 600, "http://127.0.0.1:18994/a");
        registry.station("STF-B2", "bavi", "bavi-veys", 300, 600, "http://127.0.0.1:18994/b");
        registry.station("STF-K1", "karun", "karun-central", 300, 600, "http://127.0.0.1:18994/c");
        Officials.user(identity, "stf-bavi-system", "integration-bavi", PASSWORD);
        Officials.user(identity, "stf-bavi-governor", "governor-bavi", PASSWORD);
        Officials.user(identity, "stf-bavi-it", "it-bavi", PASSWORD);
        Officials.user(identity, "stf-bavi-veys-head", "district-head-bavi-veys", PASSWORD);
    }

    @Test
    void aCountysSystemImportsItsStaffAndReservesAndTheSameFileAgainChangesNothing() {
        String file = HEADER
                + "2741112223,علي,كريمي,+989121234567,head,STF-B1,\n"
                + "1234567891,مریم,احمدی,09351234567,secretary,STF-B1,bavi-central\n"
                + "0312456786,رضا,موسوی,,ballot-box-operator,STF-B2,\n"
                + "0012345679,زهرا,کاظمی,,reserve,,bavi-veys\n";

        RestClient.Response first = importAs("stf-bavi-system", file);
        RestClient.Response again = importAs("stf-bavi-system", file);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("added").asInt()).isEqualTo(4);
        assertThat(again.json().get("unchanged").asInt()).isEqualTo(4);
        assertThat(jdbc.queryForMap("SELECT first_name, last_name, mobile, district_code, county_code, certified"
                + " FROM staff WHERE national_code = '2741112223'")).containsEntry("first_name", "علی")
                .containsEntry("last_name", "کریمی").containsEntry("mobile", "09121234567")
                .containsEntry("district_code", "bavi-central").containsEntry("county_code", "bavi")
                .containsEntry("certified", false);
        assertThat(jdbc.queryForObject("SELECT station_code FROM staff WHERE national_code = '0012345679'",
                String.class)).isNull();
    }

    @Test
    void aLaterFileMovesAPersonToAnotherStationAndKeepsTheMobileItLeavesOut() {
        importAs("stf-bavi-system", HEADER + "5588237900,حسن,رضایی,09131234567,head,STF-B1,\n");

        RestClient.Response moved = rest.post("/api/staff/import", "stf-bavi-system", PASSWORD, "application/json", """
                [{"national_code": "5588237900", "first_name": "حسن", "last_name": "رضایی",
                  "role": "authentication-operator", "station": "STF-B2"}]
                """.getBytes(StandardCharsets.UTF_8));

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("updated").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForMap("SELECT station_code, district_code, role, mobile FROM staff"
                + " WHERE national_code = '5588237900'")).containsEntry("station_code", "STF-B2")
                .containsEntry("district_code", "bavi-veys").containsEntry("role", "authentication-operator")
                .containsEntry("mobile", "09131234567");
    }

    static Stream<Arguments> badRows() {
        return Stream.of(
                Arguments.of("1234567890,علی,کریمی,,head,STF-B1,", "national_code", "check digit"),
                Arguments.of("2222222222,علی,کریمی,,head,STF-B1,", "national_code", "equal digits"),
                Arguments.of("12345,علی,کریمی,,head,STF-B1,", "national_code", "ten digits"),
                Arguments.of(",علی,کریمی,,head,STF-B1,", "national_code", "required"),
                Arguments.of("4012345672,,کریمی,,head,STF-B1,", "first_name", "required"),
                Arguments.of("4012345672,علی,کریمی۳,,head,STF-B1,", "last_name", "no digits"),
                Arguments.of("4012345672,علی,کریمی,02112345678,head,STF-B1,", "mobile", "mobile"),
                Arguments.of("4012345672,علی,کریمی,+447911123456,head,STF-B1,", "mobile", "mobile"),
                Arguments.of("4012345672,علی,کریمی,,chairman,STF-B1,", "role", "one of"),
                Arguments.of("4012345672,علی,کریمی,,,STF-B1,", "role", "one of"),
                Arguments.of("4012345672,علی,کریمی,,head,STF-NONE,", "station", "a station of the registry"),
                Arguments.of("4012345672,علی,کریمی,,head,,", "station", "a station of the registry"),
                Arguments.of("4012345672,علی,کریمی,,head,STF-B1,bavi-veys", "district", "lies in district"),
                Arguments.of("4012345672,علی,کریمی,,head,STF-K1,", "station", "does not import for"),
                Arguments.of("4012345672,علی,کریمی,,reserve,,karun-central", "district", "does not import for"),
                Arguments.of("4012345672,علی,کریمی,,reserve,,nowhere", "district", "a district of the registry"),
                Arguments.of("4012345672,علی,کریمی,,reserve,STF-B1,bavi-central", "station", "held by a district"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("badRows")
    void aBadRowIsRefusedWithItsLineAndFieldAndNothingOfTheFileIsWritten(String row, String field, String reason) {
        Long before = jdbc.queryForObject("SELECT COUNT(*) FROM staff", Long.class);

        RestClient.Response answer = importAs("stf-bavi-system", HEADER + "0499370899,نرگس,صادقی,,head,STF-B2,\n"
                + row + "\n");

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode error = answer.json().get("errors").get(0);
        assertThat(error.get("line").asLong()).isEqualTo(3);
        assertThat(error.get("field").asText()).isEqualTo(field);
        assertThat(error.get("reason").asText()).contains(reason);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM staff", Long.class)).isEqualTo(before);
    }

    @Test
    void aPersonNamedTwiceInAFileIsRefusedOnTheSecondLine() {
        RestClient.Response answer = importAs("stf-bavi-system", HEADER + "2741112223,علی,کریمی,,head,STF-B1,\n"
                + "۲۷۴۱۱۱۲۲۲۳,علی,کریمی,,secretary,STF-B2,\n");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("line").asLong()).isEqualTo(3);
        assertThat(answer.json().get("errors").get(0).get("reason").asText()).contains("one station");
        assertThat(answer.body()).doesNotContain("2741112223");
    }

    @Test
    void theGovernorSeesNationalCodesInFullTheItStaffMaskedAndADistrictHeadTheirDistrictOnly() {
        importAs("stf-bavi-system", HEADER + "2741112223,علی,کریمی,09121234567,head,STF-B1,\n"
                + "0312456786,رضا,موسوی,,ballot-box-operator,STF-B2,\n");

        JsonNode governor = rest.get("/api/staff?county=bavi&station=STF-B1", "stf-bavi-governor", PASSWORD).json();
        JsonNode it = rest.get("/api/staff?county=bavi&station=STF-B1", "stf-bavi-it", PASSWORD).json();
        JsonNode head = rest.get("/api/staff", "stf-bavi-veys-head", PASSWORD).json();

        assertThat(governor.get(0).get("nationalCode").asText()).isEqualTo("2741112223");
        assertThat(governor.get(0).get("mobile").asText()).isEqualTo("09121234567");
        assertThat(governor.get(0).get("roleName").asText()).isEqualTo("رئیس شعبه");
        assertThat(it.get(0).get("nationalCode").asText()).isEqualTo("******2223");
        assertThat(it.get(0).get("mobile").asText()).isEqualTo("0912*****67");
        assertThat(head).isNotEmpty().allSatisfy(m -> assertThat(m.get("district").asText()).isEqualTo("bavi-veys"));
        // and what the governor saw in full is in the audit of personal data, what the IT staff saw masked is not
        assertThat(jdbc.queryForList("SELECT read_through FROM personal_data_read WHERE reader = 'stf-bavi-governor'"
                + " AND national_code = '2741112223'", String.class)).contains("GET /api/staff");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM personal_data_read WHERE reader = 'stf-bavi-it'",
                Long.class)).isZero();
        assertThat(rest.get("/api/staff?county=karun", "stf-bavi-governor", PASSWORD).status()).isEqualTo(403);
        assertThat(rest.get("/api/staff", null, null).status()).isEqualTo(401);
    }

    @Test
    void aStationShowsItsStaffMaskedForItsItStaffAndInFullForItsGovernor() {
        importAs("stf-bavi-system", HEADER + "1234567891,مریم,احمدی,09351234567,secretary,STF-B1,\n");

        JsonNode governor = rest.get("/api/stations/STF-B1", "stf-bavi-governor", PASSWORD).json().get("staff");
        JsonNode it = rest.get("/api/stations/STF-B1", "stf-bavi-it", PASSWORD).json().get("staff");

        assertThat(governor).anySatisfy(m -> assertThat(m.get("nationalCode").asText()).isEqualTo("1234567891"));
        assertThat(it).anySatisfy(m -> assertThat(m.get("nationalCode").asText()).isEqualTo("******7891"));
        assertThat(it.toString()).doesNotContain("1234567891").doesNotContain("09351234567");
        assertThat(jdbc.queryForList("SELECT reader FROM personal_data_read WHERE national_code = '1234567891'"
                + " AND read_through = 'GET /api/stations/STF-B1'", String.class)).containsOnly("stf-bavi-governor");
    }

    private RestClient.Response importAs(String user, String file) {
        return rest.post("/api/staff/import", user, PASSWORD, "text/csv", file.getBytes(StandardCharsets.UTF_8));
    }
}
