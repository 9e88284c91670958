package org.electionprep.connectivity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.electionprep.station.EndpointPolicy;
import org.electionprep.support.LoopbackLinkServer;
import org.electionprep.support.SilentServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The probe against real servers on loopback: one that answers, one that refuses, one that never answers. */
class LinkProberTest {

    private static LoopbackLinkServer server;
    private final LinkProber prober = new LinkProber(
            new ConnectivityProperties(4, Duration.ofMillis(500), Duration.ofMillis(400), "PT48H", "R3/PT2M"),
            new EndpointPolicy(new MockEnvironment().withProperty(EndpointPolicy.PROPERTY, "127.0.0.1/32")));

    @BeforeAll
    static void start() {
        server = LoopbackLinkServer.startWithSlowDelay(150);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anEndpointThatAnswersPassesEverySampleWithItsLatency() {
        int before = server.requests();

        ProbeResult result = prober.probe(server.url("/ok"));

        assertThat(result.samples()).isEqualTo(4);
        assertThat(result.successes()).isEqualTo(4);
        assertThat(result.lossPercent()).isZero();
        assertThat(result.latencyMs()).isNotNull().isPositive().isLessThan(400.0);
        assertThat(result.detail()).isNull();
        assertThat(server.requests() - before).isEqualTo(4);
    }

    @Test
    void aSlowEndpointShowsItsDelayInTheLatency() {
        ProbeResult result = prober.probe(server.url("/slow"));

        assertThat(result.successes()).isEqualTo(4);
        assertThat(result.latencyMs()).isGreaterThanOrEqualTo(150.0);
    }

    @Test
    void anEndpointThatRefusesConnectionsLosesEverySample() {
        ProbeResult result = prober.probe(LoopbackLinkServer.refusingUrl());

        assertThat(result.successes()).isZero();
        assertThat(result.lossPercent()).isEqualTo(100.0);
        assertThat(result.latencyMs()).isNull();
        assertThat(result.detail()).startsWith("TCP connect to 127.0.0.1:");
    }

    @Test
    void anEndpointThatNeverAnswersTimesOutWithinTheLimit() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            long start = System.nanoTime();

            ProbeResult result = prober.probe(silent.url());

            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(result.successes()).isZero();
            assertThat(result.detail()).contains("timed out");
            // Four samples at a 400 ms request limit, with room for a slow machine.
            assertThat(elapsedMs).isLessThan(4 * 400 + 3000);
        }
    }

    @Test
    void anEndpointAnsweringWithAnErrorStatusCountsAsLost() {
        ProbeResult result = prober.probe(server.url("/down"));

        assertThat(result.successes()).isZero();
        assertThat(result.detail()).isEqualTo("health request answered HTTP 503");
    }

    @Test
    void aFlakyEndpointLosesAboutHalfItsSamples() {
        ProbeResult result = prober.probe(server.url("/flaky"));

        assertThat(result.successes()).isEqualTo(2);
        assertThat(result.lossPercent()).isEqualTo(50.0);
    }

    @Test
    void anEndpointOutsideTheAllowedNetworksIsNotProbedAndFailsEverySample() {
        int before = server.requests();

        ProbeResult result = prober.probe(server.url("/ok").replace("127.0.0.1", "127.0.0.2"));

        assertThat(result.successes()).isZero();
        assertThat(result.lossPercent()).isEqualTo(100.0);
        assertThat(result.detail()).contains("outside the networks allowed");
        assertThat(server.requests()).isEqualTo(before);
    }
}
