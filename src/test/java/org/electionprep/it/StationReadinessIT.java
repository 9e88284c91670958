package org.electionprep.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.electionprep.support.LoopbackLinkServer;
import org.electionprep.support.Officials;
import org.electionprep.support.PostgresAppTest;
import org.electionprep.support.RestClient.Response;
import org.electionprep.support.RestClient;
import org.electionprep.support.TestRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole app in its production profile on a real PostgreSQL, used over HTTP as an integrating system and the
 * officials' clients would: authentication, a start by business key, county isolation, role separation, the job
 * executor running the real connectivity check, and the registry at the end.
 */
@PostgresAppTest
@TestPropertySource(properties = {
        "election-prep.connectivity.connect-timeout=500ms",
        "election-prep.connectivity.request-timeout=1s",
})
class StationReadinessIT {

    private static final String PASSWORD = "it-password-1405";
    private static LoopbackLinkServer links;

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;

    private RestClient rest;
    private TestRegistry registry;

    @BeforeAll
    static void startLinks() {
        links = LoopbackLinkServer.start();
    }

    @AfterAll
    static void stopLinks() {
        links.close();
    }

    @BeforeEach
    void givenOfficialsOfTwoCountiesAndAnIntegrationAccount() {
        rest = new RestClient(port);
        registry = new TestRegistry(jdbc);
        Officials.user(identity, "head-ahvaz", "district-head-ahvaz-central", PASSWORD);
        Officials.user(identity, "head-karun", "district-head-karun-central", PASSWORD);
        Officials.user(identity, "trainer-ahvaz", "trainer-ahvaz", PASSWORD);
        Officials.user(identity, "registry-system", "integration-khuzestan", PASSWORD);
    }

    @Test
    void theEngineRestApiRefusesCallsWithoutCredentials() {
        assertThat(rest.get("/engine-rest/task", null, null).status()).isEqualTo(401);
        assertThat(rest.get("/engine-rest/process-definition", null, null).status()).isEqualTo(401);
        // An unknown user: a wrong password for a real one would lock it briefly (the engine's brute-force delay).
        assertThat(rest.get("/engine-rest/task", "nobody", "wrong-password").status()).isEqualTo(401);
        assertThat(rest.get("/engine-rest/task", "head-ahvaz", PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aStartForAStationThatIsNotInTheRegistryIsABadRequest() {
        Response response = start("XX-0000");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("type").asText()).isEqualTo("RestException");
        assertThat(response.json().get("message").asText()).contains("no station with code 'XX-0000'");
    }

    @Test
    void aStationRunsThroughThePipelineOverRestAndEndsReadyInTheRegistry() {
        registry.station("AHV-IT01", "ahvaz", "ahvaz-central", 450, 700, links.url("/ok"));

        Response started = start("AHV-IT01");

        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(started.json().get("businessKey").asText()).isEqualTo("AHV-IT01");
        assertThat(started.json().get("tenantId").asText()).isEqualTo("ahvaz");
        String instance = started.json().get("id").asText();

        JsonNode verification = single(rest.get("/engine-rest/task?processInstanceBusinessKey=AHV-IT01"
                + "&taskDefinitionKey=verifySite", "head-ahvaz", PASSWORD));
        String taskId = verification.get("id").asText();
        assertThat(rest.get("/engine-rest/task?processInstanceBusinessKey=AHV-IT01", "head-karun", PASSWORD).json())
                .as("a Karun district head does not see Ahvaz's task").isEmpty();
        assertThat(rest.get("/engine-rest/task/" + taskId + "/deployed-form", "head-ahvaz", PASSWORD).body())
                .contains("\"id\": \"verify-site\"");

        assertThat(rest.post("/engine-rest/task/" + taskId + "/complete", "trainer-ahvaz", PASSWORD,
                approval()).status()).as("another role of the same county").isEqualTo(403);
        assertThat(rest.get("/engine-rest/task/" + taskId + "/variables", "trainer-ahvaz", PASSWORD).status())
                .as("another role cannot read the task's variables").isEqualTo(403);
        assertThat(rest.get("/engine-rest/task/" + taskId + "/variables", "head-ahvaz", PASSWORD).status()).isEqualTo(200);
        assertThat(rest.post("/engine-rest/task/" + taskId + "/complete", "head-karun", PASSWORD,
                approval()).status()).as("the same role of another county, as if the task did not exist").isEqualTo(404);
        Response incomplete = rest.post("/engine-rest/task/" + taskId + "/complete", "head-ahvaz", PASSWORD,
                "{\"variables\":{\"siteOutcome\":{\"value\":\"approve\"}}}");
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(registry.status("AHV-IT01")).isEqualTo("PROPOSED");

        assertThat(rest.post("/engine-rest/task/" + taskId + "/assignee", "head-ahvaz", PASSWORD,
                "{\"userId\":\"trainer-ahvaz\"}").status()).as("handing the task to another role").isEqualTo(403);
        assertThat(rest.post("/engine-rest/task/" + taskId + "/claim", "head-ahvaz", PASSWORD,
                "{\"userId\":\"head-ahvaz\"}").status()).isEqualTo(204);
        assertThat(rest.post("/engine-rest/task/" + taskId + "/complete", "head-ahvaz", PASSWORD, approval()).status())
                .isEqualTo(204);
        // The station now waits for its county's finalized database; RegionalReadinessIT runs that for real. Here the
        // station is finalized as the county's finalization leaves it, and an administrator delivers its message.
        registry.finalizeVerified("AHV-IT01");
        Response released = rest.post("/engine-rest/message", "it-admin", "it-root-password-1405",
                "{\"messageName\":\"countyFinalized\",\"processInstanceId\":\"" + instance + "\"}");
        assertThat(released.status()).as(released.body()).isEqualTo(204);

        // The job executor probes the link on its own; the trainer's task appears once the link tested OK.
        JsonNode training = Officials.awaitTask(() -> rest.get("/engine-rest/task?processInstanceBusinessKey=AHV-IT01"
                + "&taskDefinitionKey=signOffTraining", "trainer-ahvaz", PASSWORD).json());
        assertThat(registry.status("AHV-IT01")).isEqualTo("CONNECTED");

        Response signedOff = rest.post("/engine-rest/task/" + training.get("id").asText() + "/complete", "trainer-ahvaz",
                PASSWORD, "{\"variables\":{\"operatorNames\":{\"value\":\"مریم احمدی\"},"
                        + "\"trainingCompleted\":{\"value\":true},\"drillResult\":{\"value\":\"passed\"}}}");
        assertThat(signedOff.status()).as(signedOff.body()).isEqualTo(204);

        Response history = rest.get("/engine-rest/history/process-instance/" + instance, "it-admin", "it-root-password-1405");
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        assertThat(history.json().get("state").asText()).isEqualTo("COMPLETED");
        assertThat(rest.get("/engine-rest/history/activity-instance?processInstanceId=" + instance
                + "&activityId=stationReady", "it-admin", "it-root-password-1405").json()).hasSize(1);
        assertThat(registry.status("AHV-IT01")).isEqualTo("READY");
        assertThat(registry.linkTests("AHV-IT01")).singleElement()
                .satisfies(t -> assertThat(t.get("result")).isEqualTo("OK"));
        List<String> statusTrail = new ArrayList<>();
        registry.events("AHV-IT01").stream().filter(e -> "STATUS_CHANGED".equals(e.get("event_type")))
                .forEach(e -> statusTrail.add(e.get("to_status") + " by " + e.get("actor")));
        assertThat(statusTrail).containsExactly("VERIFIED by head-ahvaz", "CONNECTED by system",
                "TRAINED by trainer-ahvaz", "READY by trainer-ahvaz");
    }

    private Response start(String stationCode) {
        return rest.post("/engine-rest/process-definition/key/station-readiness/start", "registry-system", PASSWORD,
                "{\"businessKey\":\"" + stationCode + "\",\"variables\":{\"stationCode\":{\"value\":\"" + stationCode
                        + "\"}}}");
    }

    private static String approval() {
        return "{\"variables\":{\"siteOutcome\":{\"value\":\"approve\"},\"accessible\":{\"value\":true},"
                + "\"powerAvailable\":{\"value\":true},\"secure\":{\"value\":true},\"capacityConfirmed\":{\"value\":true}}}";
    }

    private static JsonNode single(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json()).hasSize(1);
        return response.json().get(0);
    }
}
