package org.electionprep.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on 127.0.0.1 that plays station links for tests: /ok answers 200 at once, /slow answers 200
 * after a delay, /down answers 503, /flaky alternates 503 and 200. Every request is counted.
 */
public final class LoopbackLinkServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(32, r -> {
        Thread t = new Thread(r, "loopback-link-server");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, AtomicInteger> requestsByStation = new ConcurrentHashMap<>();
    private final AtomicInteger flakyCount = new AtomicInteger();
    private final long slowMillis;

    private LoopbackLinkServer(long slowMillis) {
        this.slowMillis = slowMillis;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::answer);
        server.start();
    }

    public static LoopbackLinkServer start() {
        return new LoopbackLinkServer(600);
    }

    public static LoopbackLinkServer startWithSlowDelay(long slowMillis) {
        return new LoopbackLinkServer(slowMillis);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public int requests() {
        return requests.get();
    }

    /** Probe requests per station, for endpoints that name their station ({@code ...?station=CODE}). */
    public Map<String, Integer> requestsByStation() {
        Map<String, Integer> counts = new TreeMap<>();
        requestsByStation.forEach((station, n) -> counts.put(station, n.get()));
        return counts;
    }

    /** An address on loopback where nothing listens, so connections are refused. */
    public static String refusingUrl() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/health";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            String query = exchange.getRequestURI().getQuery();
            if (query != null && query.startsWith("station=")) {
                requestsByStation.computeIfAbsent(query.substring("station=".length()), q -> new AtomicInteger())
                        .incrementAndGet();
            }
            String path = exchange.getRequestURI().getPath();
            int status = switch (path) {
                case "/ok" -> 200;
                case "/slow" -> {
                    sleep(slowMillis);
                    yield 200;
                }
                case "/down" -> 503;
                case "/flaky" -> flakyCount.getAndIncrement() % 2 == 0 ? 503 : 200;
                default -> 404;
            };
            byte[] body = ("status " + status).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
