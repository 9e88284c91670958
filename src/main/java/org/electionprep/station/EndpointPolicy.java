package org.electionprep.station;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where a station's link endpoint may point: an http or https URL whose host lies inside the networks the operator
 * allows ({@code election-prep.connectivity.allowed-networks}, CIDR blocks such as 10.20.0.0/16; loopback in the demo
 * and the tests; none by default), and never this app itself (a local address on one of its own ports). Checked where
 * an endpoint enters (imports, record corrections, connectivity fixes) and again before every probe, so the server
 * fetches nothing an official or a connected system typed outside the stations' networks.
 */
@Component
public class EndpointPolicy implements ApplicationListener<WebServerInitializedEvent> {

    public static final String PROPERTY = "election-prep.connectivity.allowed-networks";

    private static final Logger LOG = LoggerFactory.getLogger(EndpointPolicy.class);

    private final List<Network> allowed;
    private final Set<Integer> ownPorts = ConcurrentHashMap.newKeySet();

    public EndpointPolicy(Environment environment) {
        this.allowed = Binder.get(environment).bind(PROPERTY, Bindable.listOf(String.class)).orElse(List.of()).stream()
                .map(String::strip).filter(s -> !s.isEmpty()).map(Network::parse).toList();
        if (allowed.isEmpty()) {
            LOG.warn("No network is allowed for station links ({}): every link check counts as DOWN and every import,"
                    + " correction or fix with an endpoint is refused. Set ELECTION_PREP_CONNECTIVITY_ALLOWED_NETWORKS.",
                    PROPERTY);
        }
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        ownPorts.add(event.getWebServer().getPort());
    }

    /** Why an endpoint may not be probed (English, for APIs and logs); empty when it may. */
    public Optional<String> refusal(String endpoint) {
        URI uri;
        try {
            uri = URI.create(endpoint.strip());
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.of("is not a URL");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            return Optional.of("must be a complete http or https URL");
        }
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("has a host that does not resolve: " + uri.getHost());
        }
        for (InetAddress address : addresses) {
            Optional<String> refusal = refusal(address, port);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    /**
     * Why an address and port may not be probed; empty when they may. The prober connects to the address it checked
     * here, not to a name resolved again, so a DNS answer that changes in between cannot lead it elsewhere.
     */
    public Optional<String> refusal(InetAddress address, int port) {
        if (allowed.stream().noneMatch(n -> n.contains(address))) {
            return Optional.of("points outside the networks allowed for station links (" + PROPERTY + ": "
                    + (allowed.isEmpty() ? "none set" : allowed) + ")");
        }
        if (ownPorts.contains(port) && isLocal(address)) {
            return Optional.of("points at this application itself");
        }
        return Optional.empty();
    }

    private static boolean isLocal(InetAddress address) {
        try {
            return address.isLoopbackAddress() || address.isAnyLocalAddress()
                    || NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return true;
        }
    }

    /** A CIDR block, IPv4 or IPv6. */
    record Network(byte[] prefix, int bits, String text) {

        static Network parse(String cidr) {
            String[] parts = cidr.split("/", 2);
            try {
                if (!parts[0].matches("[0-9a-fA-F:.]+")) {
                    throw new IllegalArgumentException();
                }
                // A literal address: no name lookup.
                byte[] address = InetAddress.getByName(parts[0]).getAddress();
                int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
                if (bits < 0 || bits > address.length * 8) {
                    throw new IllegalArgumentException();
                }
                return new Network(address, bits, cidr);
            } catch (UnknownHostException | IllegalArgumentException e) {
                throw new IllegalArgumentException(PROPERTY + " must list CIDR blocks such as 10.20.0.0/16, not '"
                        + cidr + "'");
            }
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != prefix.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((bytes[i / 8] & mask) != (prefix[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
