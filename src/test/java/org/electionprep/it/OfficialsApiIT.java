package org.electionprep.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.electionprep.support.Officials;
import org.electionprep.support.PostgresAppTest;
import org.electionprep.support.RestClient;
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
 * The officials' roster over /api on PostgreSQL and HTTP: an administrator imports officials from CSV and JSON, all or
 * nothing and idempotent by national code; each gets an account in the group of their role and place, without a
 * password; an official who leaves is out of every group and their claimed task goes back to the group; bad rows are
 * refused with their line and field and nothing written; the roster's CSV imports unchanged.
 */
@PostgresAppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfficialsApiIT {

    static final String ADMIN = PostgresAppTest.ADMIN_USER;
    static final String ADMIN_PASSWORD = PostgresAppTest.ADMIN_PASSWORD;
    static final String PASSWORD = "it-password-1405";
    static final String HEADER = "national_code,first_name,last_name,mobile,email,role,place,status\n";

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;

    private RestClient rest;

    @BeforeAll
    void givenAnAdministrator() {
        rest = new RestClient(port);
        Officials.user(identity, "off-system", "integration-khuzestan", PASSWORD);
    }

    @Test
    void officialsGetAccountsInTheirGroupsWithoutAPasswordAndTheSameFileAgainChangesNothing() {
        String file = HEADER
                + "۲۷۴۱۱۱۲۲۲۳,علي,كريمي,+989121234567,karimi@example.ir,governor,bavi,\n"
                + "1234567891,مریم,احمدی,09351234567,,district-head,bavi-central,active\n"
                + "0312456786,رضا,موسوی,,,province-elections,khuzestan,\n";

        RestClient.Response first = csv(file);
        RestClient.Response again = csv(file);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("added").asInt()).isEqualTo(3);
        assertThat(again.json().get("added").asInt()).isZero();
        assertThat(again.json().get("unchanged").asInt()).isEqualTo(3);
        User governor = identity.createUserQuery().userId("bavi-governor").singleResult();
        assertThat(governor.getFirstName()).isEqualTo("علی");
        assertThat(governor.getLastName()).isEqualTo("کریمی");
        assertThat(governor.getEmail()).isEqualTo("karimi@example.ir");
        assertThat(groups("bavi-governor")).containsExactly("governor-bavi");
        assertThat(groups("bavi-central-district-head")).containsExactly("district-head-bavi-central");
        assertThat(groups("khuzestan-province-elections")).containsExactly("province-elections-khuzestan");
        assertThat(rest.get("/api/stations", "bavi-governor", "bavi-governor").status()).isEqualTo(401);
        assertThat(jdbc.queryForObject("SELECT mobile FROM official WHERE national_code = '2741112223'",
                String.class)).isEqualTo("09121234567");
    }

    @Test
    void aJsonFileWithoutTheMobileKeepsItAndAMoveChangesTheGroup() {
        csv(HEADER + "5588237900,حسن,رضایی,09131234567,,trainer,karun,\n");

        RestClient.Response moved = rest.post("/api/officials/import", ADMIN, ADMIN_PASSWORD, "application/json", """
                [{"national_code": "5588237900", "first_name": "حسن", "last_name": "رضایی",
                  "role": "trainer", "place": "ahvaz"}]
                """.getBytes(StandardCharsets.UTF_8));

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("updated").asInt()).isEqualTo(1);
        assertThat(groups("karun-trainer")).containsExactly("trainer-ahvaz");
        assertThat(jdbc.queryForMap("SELECT mobile, place FROM official WHERE national_code = '5588237900'"))
                .containsEntry("mobile", "09131234567").containsEntry("place", "ahvaz");
    }

    @Test
    void anOfficialWhoLeavesIsOutOfEveryGroupAndTheirClaimedTaskGoesBackToTheGroup() {
        // given a district head from the roster, with a password set by the administrator, who claimed a verification
        csv(HEADER + "0001234560,زهرا,کاظمی,,,district-head,hoveyzeh-central,\n");
        User head = identity.createUserQuery().userId("hoveyzeh-central-district-head").singleResult();
        head.setPassword(PASSWORD);
        identity.saveUser(head);
        RestClient.Response stations = rest.post("/api/stations/import", "off-system", PASSWORD, "text/csv",
                ("code,name,county,district,address,expected_voters,capacity,primary_circuit,primary_endpoint\n"
                        + "OFF-0001,شعبه ۱,hoveyzeh,hoveyzeh-central,خیابان امام پلاک ۱,300,600,OFF-0001-P,"
                        + "http://127.0.0.1:18995/a\n").getBytes(StandardCharsets.UTF_8));
        assertThat(stations.status()).as(stations.body()).isEqualTo(200);
        String task = Officials.awaitTask(() -> rest.get("/engine-rest/task?taskDefinitionKey=verifySite"
                + "&processInstanceBusinessKey=OFF-0001", ADMIN, ADMIN_PASSWORD).json()).get("id").asText();
        assertThat(rest.post("/engine-rest/task/" + task + "/claim", "hoveyzeh-central-district-head", PASSWORD,
                "{\"userId\":\"hoveyzeh-central-district-head\"}").status()).isEqualTo(204);

        // when a file marks her as having left
        RestClient.Response left = csv(HEADER + "0001234560,زهرا,کاظمی,,,district-head,hoveyzeh-central,left\n");

        // then she is in no group, her account and the roster row stay, and the task waits for the group again
        assertThat(left.status()).as(left.body()).isEqualTo(200);
        assertThat(left.json().get("left").asInt()).isEqualTo(1);
        assertThat(groups("hoveyzeh-central-district-head")).isEmpty();
        assertThat(identity.createUserQuery().userId("hoveyzeh-central-district-head").count()).isEqualTo(1);
        assertThat(rest.get("/engine-rest/task/" + task, ADMIN, ADMIN_PASSWORD).json().get("assignee").isNull())
                .isTrue();
        assertThat(jdbc.queryForObject("SELECT active FROM official WHERE national_code = '0001234560'",
                Boolean.class)).isFalse();
    }

    static Stream<Arguments> badRows() {
        return Stream.of(
                Arguments.of("1234567890,علی,کریمی,,,governor,karun,", "national_code", "check digit"),
                Arguments.of("1111111111,علی,کریمی,,,governor,karun,", "national_code", "equal digits"),
                Arguments.of("1230000003,علی,کریمی,,,governor,karun,", "national_code", "never all zero"),
                Arguments.of("1234567,علی,کریمی,,,governor,karun,", "national_code", "ten digits"),
                Arguments.of(",علی,کریمی,,,governor,karun,", "national_code", "required"),
                Arguments.of("2741112223,,کریمی,,,governor,karun,", "first_name", "required"),
                Arguments.of("2741112223,علی۲,کریمی,,,governor,karun,", "first_name", "no digits"),
                Arguments.of("2741112223,علی," + "ک".repeat(101) + ",,,governor,karun,", "last_name", "100"),
                Arguments.of("2741112223,علی,کریمی,02112345678,,governor,karun,", "mobile", "mobile"),
                Arguments.of("2741112223,علی,کریمی,0912123,,governor,karun,", "mobile", "mobile"),
                Arguments.of("2741112223,علی,کریمی,,karimi-at-example,governor,karun,", "email", "email"),
                Arguments.of("2741112223,علی,کریمی,,,mayor,karun,", "role", "one of"),
                Arguments.of("2741112223,علی,کریمی,,,integration,karun,", "role", "one of"),
                Arguments.of("2741112223,علی,کریمی,,,governor,nowhere,", "place", "county of the registry"),
                Arguments.of("2741112223,علی,کریمی,,,district-head,karun,", "place", "district of the registry"),
                Arguments.of("2741112223,علی,کریمی,,,province-it,karun,", "place", "province of the registry"),
                Arguments.of("2741112223,علی,کریمی,,,governor,,", "place", "county of the registry"),
                Arguments.of("2741112223,علی,کریمی,,,governor,karun,retired", "status", "active or left"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("badRows")
    void aBadRowIsRefusedWithItsLineAndFieldAndNothingOfTheFileIsWritten(String row, String field, String reason) {
        String good = "2741112223,علی,کریمی,,,governor,karun,";
        long before = officials();

        RestClient.Response answer = csv(HEADER + (row.startsWith("2741112223") ? "1234567891,مریم,احمدی,,,it,karun,"
                : good) + "\n" + row + "\n");

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode error = answer.json().get("errors").get(0);
        assertThat(error.get("line").asLong()).isEqualTo(3);
        assertThat(error.get("field").asText()).isEqualTo(field);
        assertThat(error.get("reason").asText()).contains(reason);
        assertThat(officials()).isEqualTo(before);
    }

    @Test
    void theSameNationalCodeTwiceInAFileIsRefusedOnItsSecondLine() {
        RestClient.Response answer = csv(HEADER + "2741112223,علی,کریمی,,,governor,karun,\n"
                + "۲۷۴۱۱۱۲۲۲۳,علی,کریمی,,,it,karun,\n");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("line").asLong()).isEqualTo(3);
        assertThat(answer.json().get("errors").get(0).get("reason").asText()).contains("line 2");
        assertThat(answer.body()).doesNotContain("2741112223");
    }

    @Test
    void onlyAnAdministratorImportsAndReadsTheRoster() {
        Officials.user(identity, "off-governor", "governor-karun", PASSWORD);

        assertThat(rest.post("/api/officials/import", "off-governor", PASSWORD, "text/csv",
                (HEADER + "2741112223,علی,کریمی,,,governor,karun,\n").getBytes(StandardCharsets.UTF_8)).status())
                .isEqualTo(403);
        assertThat(rest.get("/api/officials", "off-governor", PASSWORD).status()).isEqualTo(403);
        assertThat(rest.get("/api/officials", null, null).status()).isEqualTo(401);
    }

    @Test
    void theRostersCsvImportsUnchanged() {
        csv(HEADER + "0312456786,رضا,موسوی,,,province-elections,khuzestan,\n");

        RestClient.Response exported = rest.get("/api/officials", ADMIN, ADMIN_PASSWORD, "text/csv");
        RestClient.Response reimported = csv(exported.body());

        assertThat(exported.status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM personal_data_read WHERE reader = ? AND national_code ="
                + " '0312456786' AND read_through = 'GET /api/officials'", Long.class, ADMIN)).isPositive();
        assertThat(exported.body()).startsWith(HEADER.strip()).contains("0312456786,رضا,موسوی");
        assertThat(reimported.status()).as(reimported.body()).isEqualTo(200);
        assertThat(reimported.json().get("unchanged").asInt()).isEqualTo(reimported.json().get("rows").asInt());
    }

    private RestClient.Response csv(String file) {
        return rest.post("/api/officials/import", ADMIN, ADMIN_PASSWORD, "text/csv",
                file.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> groups(String user) {
        return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    }

    private long officials() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM official", Long.class);
        return n == null ? 0 : n;
    }
}
