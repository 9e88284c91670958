package org.electionprep.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.electionprep.support.PostgresAppTest;
import org.electionprep.support.RestClient;
import org.electionprep.support.RestClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A node's health as a load balancer and an operator read it, on PostgreSQL: readiness (database and job executor)
 * and liveness without credentials, the components' status without their details, and nothing else of the actuator.
 */
@PostgresAppTest
class NodeHealthIT {

    @LocalServerPort int port;

    private RestClient rest;

    @BeforeEach
    void client() {
        rest = new RestClient(port);
    }

    @Test
    void aLoadBalancerReadsReadinessAndLivenessWithoutCredentials() {
        Response readiness = rest.get("/actuator/health/readiness", null, null);
        Response liveness = rest.get("/actuator/health/liveness", null, null);

        assertThat(readiness.status()).as(readiness.body()).isEqualTo(200);
        assertThat(readiness.json().get("status").asText()).isEqualTo("UP");
        assertThat(readiness.json().get("components").get("db").get("status").asText()).isEqualTo("UP");
        assertThat(readiness.json().get("components").get("jobExecutor").get("status").asText()).isEqualTo("UP");
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void theHealthShowsEachComponentsStatusButNoDetailsAndNothingElseIsExposed() {
        Response health = rest.get("/actuator/health", null, null);

        JsonNode components = health.json().get("components");
        assertThat(components.get("db").get("status").asText()).isEqualTo("UP");
        assertThat(components.get("jobExecutor").get("status").asText()).isEqualTo("UP");
        assertThat(health.body()).doesNotContain("details").doesNotContain("PostgreSQL").doesNotContain("lockTime");
        assertThat(rest.headers("/actuator/health", null, null).firstValue("Content-Security-Policy"))
                .hasValue("default-src 'none'; frame-ancestors 'none'");
        for (String hidden : new String[] {"/actuator/env", "/actuator/beans", "/actuator/configprops",
                "/actuator/metrics", "/actuator/heapdump"}) {
            assertThat(rest.get(hidden, null, null).status()).as(hidden).isIn(401, 404);
        }
    }
}
