package org.electionprep.connectivity;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Optional;

import org.electionprep.station.EndpointPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Probes a link's endpoint over the network: each sample opens a TCP connection to the endpoint's host and port,
 * then sends an HTTP health request; a sample succeeds when both work within their timeouts and the answer is 2xx.
 */
@Component
public class LinkProber {

    private static final Logger LOG = LoggerFactory.getLogger(LinkProber.class);

    private final ConnectivityProperties properties;
    private final EndpointPolicy endpoints;
    private final HttpClient http;

    public LinkProber(ConnectivityProperties properties, EndpointPolicy endpoints) {
        this.properties = properties;
        this.endpoints = endpoints;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Probes an http(s) endpoint the {@link EndpointPolicy} allows; any other fails every sample without touching the
     * network. Its host is resolved once here, checked, and then used as the address for every sample.
     */
    public ProbeResult probe(String endpoint) {
        URI named = URI.create(endpoint.trim());
        int port = named.getPort() != -1 ? named.getPort() : "https".equals(named.getScheme()) ? 443 : 80;
        URI uri;
        try {
            InetAddress address = InetAddress.getByName(named.getHost());
            Optional<String> refused = endpoints.refusal(address, port);
            if (refused.isPresent()) {
                LOG.warn("Not probing {}: the endpoint {}", endpoint, refused.get());
                return new ProbeResult(endpoint, properties.samples(), 0, null, "not probed: the endpoint " + refused.get());
            }
            uri = new URI(named.getScheme(), named.getUserInfo(), address.getHostAddress(), named.getPort(),
                    named.getPath(), named.getQuery(), named.getFragment());
        } catch (UnknownHostException | URISyntaxException e) {
            return new ProbeResult(endpoint, properties.samples(), 0, null, "not probed: " + describe(e));
        }
        int successes = 0;
        double totalMs = 0;
        String firstFailure = null;
        for (int i = 0; i < properties.samples(); i++) {
            long start = System.nanoTime();
            String failure = sample(uri, port);
            long elapsed = System.nanoTime() - start;
            if (failure == null) {
                successes++;
                totalMs += elapsed / 1_000_000.0;
            } else if (firstFailure == null) {
                firstFailure = failure;
            }
        }
        Double latency = successes == 0 ? null : Math.round(10.0 * totalMs / successes) / 10.0;
        return new ProbeResult(endpoint, properties.samples(), successes, latency, firstFailure);
    }

    private String sample(URI uri, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), port), (int) properties.connectTimeout().toMillis());
        } catch (IOException e) {
            return "TCP connect to " + uri.getHost() + ":" + port + " failed: " + describe(e);
        }
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(uri).timeout(properties.requestTimeout()).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300 ? null : "health request answered HTTP " + status;
        } catch (HttpTimeoutException e) {
            return "health request timed out after " + properties.requestTimeout().toMillis() + " ms";
        } catch (IOException e) {
            return "health request failed: " + describe(e);
        } catch (InterruptedException e) {
            // Not a failed sample: the node is stopping. The check fails as a whole and runs again, here or elsewhere.
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Probe of " + uri + " interrupted", e);
        }
    }

    private static String describe(Exception e) {
        return e.getMessage() != null ? e.getClass().getSimpleName() + ": " + e.getMessage() : e.getClass().getSimpleName();
    }
}
