package org.electionprep.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.electionprep.support.RestClient;
import org.electionprep.support.WebappSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The README's first command: the default (demo) profile on H2 starts with its users, its stations and work waiting
 * in Tasklist, each county's officials seeing only their own. Only the database moves to memory and the simulator
 * to a free port, so that the test leaves no files behind and collides with no running demo.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:demo-it;DB_CLOSE_DELAY=-1",
        "election-prep.demo.simulator-port=0",
})
@DirtiesContext
class DemoProfileIT {

    @LocalServerPort int port;
    private RestClient rest;

    @BeforeEach
    void setUp() {
        rest = new RestClient(port);
    }

    @Test
    void anAhvazDistrictHeadFindsSiteVerificationsOfAhvazOnly() {
        JsonNode tasks = rest.get("/engine-rest/task?taskDefinitionKey=verifySite&maxResults=1000",
                "ahvaz-central-head", "demo").json();

        assertThat(tasks).isNotEmpty();
        tasks.forEach(task -> assertThat(task.get("tenantId").asText()).isEqualTo("ahvaz"));
    }

    @Test
    void theDemoAdministratorSeesTheStationsOfEveryCounty() {
        JsonNode instances = rest.get("/engine-rest/process-instance?processDefinitionKey=station-readiness"
                + "&maxResults=1000", "demo", "demo").json();

        assertThat(instances.size()).isGreaterThanOrEqualTo(200);
        assertThat(instances.findValuesAsText("tenantId")).contains("ahvaz", "abadan", "khorramshahr", "bavi",
                "shadegan", "karun", "hamidiyeh", "hoveyzeh");
    }

    @Test
    void theDemoRegionRunsItsEightCountiesAndFinalizedCountiesHaveMovedOnToConnectivityAndTraining() {
        JsonNode region = rest.get("/engine-rest/process-instance?processDefinitionKey=regional-readiness",
                "khuzestan-elections", "demo").json();
        assertThat(region).singleElement().satisfies(r -> assertThat(r.get("tenantId").asText()).isEqualTo("khuzestan"));
        JsonNode counties = rest.get("/engine-rest/process-instance?superProcessInstance="
                + region.get(0).get("id").asText(), "khuzestan-elections", "demo").json();
        assertThat(counties.findValuesAsText("tenantId")).containsExactlyInAnyOrder("ahvaz", "abadan", "khorramshahr",
                "bavi", "shadegan", "karun", "hamidiyeh", "hoveyzeh");

        assertThat(rest.get("/engine-rest/task?taskDefinitionKey=finalizeStationDatabase", "karun-governor", "demo")
                .json()).as("Karun's sites are all verified; its governor finalizes").hasSize(1);
        assertThat(rest.get("/engine-rest/task?taskDefinitionKey=scheduleRegionalTraining", "khuzestan-elections",
                "demo").json()).hasSize(1);
        assertThat(rest.get("/engine-rest/task?taskDefinitionKey=verifySite&tenantIdIn=hoveyzeh", "demo", "demo")
                .json()).as("Hoveyzeh is finalized").isEmpty();
        assertThat(rest.get("/engine-rest/task?taskDefinitionKey=verifySite", "ahvaz-central-head", "demo").json())
                .as("Ahvaz's stations wait for their district head").isNotEmpty();
    }

    @Test
    void aDistrictHeadMayLogInToTasklistButNotCockpitWhileTheManagerMayUseBoth() throws Exception {
        assertThat(webappLogin("ahvaz-central-head", "tasklist")).isEqualTo(200);
        assertThat(webappLogin("ahvaz-central-head", "cockpit")).isEqualTo(403);
        assertThat(webappLogin("demo", "cockpit")).isEqualTo(200);
        assertThat(webappLogin("khuzestan-elections", "cockpit")).isEqualTo(200);
    }

    @Test
    void theWebappsKeepTheirOwnContentSecurityPolicyAndGetTheCommonHeaders() {
        java.net.http.HttpHeaders tasklist = rest.headers("/camunda/app/tasklist/default/", null, null);

        assertThat(tasklist.firstValue("Content-Security-Policy")).get().asString().contains("script-src")
                .doesNotContain("default-src 'none'");
        assertThat(tasklist.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(tasklist.firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
    }

    /** The webapps' own login, as the browser does it. */
    private int webappLogin(String user, String app) {
        return new WebappSession(port).login(user, "demo", app);
    }
}
