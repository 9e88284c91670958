package org.electionprep.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.electionprep.connectivity.LinkRepaired;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * DEMO ONLY: stands in for the stations' network links, on 127.0.0.1, so that the demo's connectivity checks are
 * real probes with mixed results. Each demo circuit answers GET /links/{circuitId}/health according to a fault drawn
 * from its id: most are healthy, some slow, some flaky, some down. Backup circuits are healthy. When IT staff record
 * a fix on a circuit, the simulator plays the field crew and heals it.
 */
@Component
@Profile("demo")
public class LinkSimulator implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LinkSimulator.class);
    private static final Pattern HEALTH_PATH = Pattern.compile("^/links/([A-Za-z0-9-]+)/health$");

    public enum Fault { NONE, SLOW, FLAKY, DOWN }

    private final DemoProperties properties;
    private final Set<String> healed = ConcurrentHashMap.newKeySet();
    private volatile HttpServer server;
    private ExecutorService executor;

    public LinkSimulator(DemoProperties properties) {
        this.properties = properties;
    }

    public static Fault faultOf(String circuitId) {
        if (circuitId.endsWith("-B")) {
            return Fault.NONE;
        }
        int bucket = Math.floorMod(circuitId.hashCode() * 31 + 7, 100);
        return bucket < 76 ? Fault.NONE : bucket < 86 ? Fault.SLOW : bucket < 91 ? Fault.FLAKY : Fault.DOWN;
    }

    /** The address a demo circuit answers on; the bound port when running, so that port 0 (any free port) works too. */
    public String endpointFor(String circuitId) {
        int port = server != null ? server.getAddress().getPort() : properties.simulatorPort();
        return "http://127.0.0.1:" + port + "/links/" + circuitId + "/health";
    }

    @EventListener
    public void onLinkRepaired(LinkRepaired repaired) {
        healed.add(repaired.circuitId());
    }

    // Started as soon as the bean exists (before the engine's job executor can run a check) and stopped only when
    // the context is destroyed, so that checks still running at shutdown find it.
    @Override
    public void afterPropertiesSet() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), properties.simulatorPort()), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("Demo link simulator cannot listen on 127.0.0.1:" + properties.simulatorPort(), e);
        }
        executor = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "demo-link-simulator");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/links/", this::answer);
        server.start();
        log.info("DEMO link simulator listening on http://127.0.0.1:{}/links/<circuit>/health", server.getAddress().getPort());
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher m = HEALTH_PATH.matcher(exchange.getRequestURI().getPath());
            if (!m.matches()) {
                respond(exchange, 404, "unknown link");
                return;
            }
            String circuit = m.group(1);
            Fault fault = healed.contains(circuit) ? Fault.NONE : faultOf(circuit);
            switch (fault) {
                case NONE -> respond(exchange, 200, "ok");
                case SLOW -> {
                    sleep(650);
                    respond(exchange, 200, "ok (slow)");
                }
                case FLAKY -> respond(exchange, ThreadLocalRandom.current().nextInt(100) < 50 ? 503 : 200, "flaky");
                case DOWN -> respond(exchange, 503, "link down");
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    @Override
    public void destroy() {
        stop();
    }
}
