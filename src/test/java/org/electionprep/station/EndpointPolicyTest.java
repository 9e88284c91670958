package org.electionprep.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Which endpoints a station link may have, decided without touching the network (literal addresses only here). */
class EndpointPolicyTest {

    private static EndpointPolicy allowing(String networks) {
        return new EndpointPolicy(new MockEnvironment().withProperty(EndpointPolicy.PROPERTY, networks));
    }

    @Test
    void anAddressInsideAnAllowedBlockIsAllowedAndOneOutsideIsNot() {
        EndpointPolicy policy = allowing("127.0.0.0/24, 127.1.0.5/32");

        assertThat(policy.refusal("http://127.0.0.9:8080/health")).isEmpty();
        assertThat(policy.refusal("https://127.1.0.5/health")).isEmpty();
        assertThat(policy.refusal("http://127.0.1.1/health")).get().asString().contains("outside the networks");
        assertThat(policy.refusal("http://127.1.0.6/health")).get().asString().contains("outside the networks");
        assertThat(policy.refusal("http://[::1]/health")).get().asString().contains("outside the networks");
    }

    @Test
    void withNoNetworkSetNothingIsAllowed() {
        assertThat(new EndpointPolicy(new MockEnvironment()).refusal("http://127.0.0.1/health")).get().asString()
                .contains("none set");
    }

    @Test
    void aUrlThatIsNotHttpIsRefused() {
        EndpointPolicy policy = allowing("127.0.0.0/8");

        assertThat(policy.refusal("file:///etc/passwd")).get().asString().contains("http or https");
        assertThat(policy.refusal("gopher://127.0.0.1/")).get().asString().contains("http or https");
        assertThat(policy.refusal("not a url")).isPresent();
    }

    @Test
    void aBlockThatIsNotCidrStopsTheStart() {
        assertThatThrownBy(() -> allowing("stations.example"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CIDR");
        assertThatThrownBy(() -> allowing("127.0.0.0/33"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CIDR");
    }
}
