package org.electionprep.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One app node in a JVM of its own: either started from the test's classpath with production's settings (postgres
 * profile, database and first administrator from the environment) on a free port, with a small heap and quick start-up
 * JVM options for a 2-core machine; or the packaged jar, started as README tells an operator to ({@code java -jar} in a
 * directory of its own, configured by the environment alone). It can be stopped with SIGTERM or killed with SIGKILL,
 * and is killed if the test JVM exits first; its output goes to a log file beside the test reports.
 */
public final class AppNode implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Path log;
    private final List<String> command;
    private final Map<String, String> environment;
    /**
     * Where an operator's start runs, seeing only {@link #environment} of all environment variables; null for a node
     * of the test's classpath, which runs in the test's directory and environment.
     */
    private final Path directory;
    private Process process;

    private AppNode(String name, List<String> command, Map<String, String> environment, Path directory, int port,
                    Path log) {
        this.name = name;
        this.command = command;
        this.environment = environment;
        this.directory = directory;
        this.port = port;
        this.log = log;
    }

    /**
     * A node named {@code name} on the given database, with extra {@code --key=value} settings; not started yet.
     */
    public static AppNode on(String name, String jdbcUrl, Path logDirectory, Map<String, String> settings) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "org.electionprep.ElectionPrepApplication",
                "--spring.profiles.active=postgres", "--server.port=" + port,
                "--election-prep.node.name=" + name));
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        Map<String, String> environment = Map.of("DB_URL", jdbcUrl, "DB_USER", "postgres", "DB_PASSWORD", "postgres",
                "ADMIN_USER", PostgresAppTest.ADMIN_USER, "ADMIN_PASSWORD", PostgresAppTest.ADMIN_PASSWORD,
                "ELECTION_PREP_CONNECTIVITY_ALLOWED_NETWORKS", "127.0.0.0/8");
        return new AppNode(name, command, environment, null, port, logDirectory.resolve(name + ".log"));
    }

    /**
     * The packaged jar as an operator starts it: {@code java -jar <jar>} in the given (empty) working directory, with
     * nothing but the given environment variables and {@code SERVER_PORT} (a free port) as its configuration, and only
     * {@code PATH} and {@code HOME} of the test's own environment. Not started yet.
     */
    public static AppNode jar(String name, Path directory, Map<String, String> environment, Path logDirectory) {
        int port = freePort();
        Map<String, String> env = new java.util.HashMap<>(environment);
        env.put("SERVER_PORT", String.valueOf(port));
        for (String inherited : List.of("PATH", "HOME")) {
            if (System.getenv(inherited) != null) {
                env.putIfAbsent(inherited, System.getenv(inherited));
            }
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                packagedJar().toString());
        return new AppNode(name, command, env, directory, port, logDirectory.resolve(name + ".log"));
    }

    /**
     * The jar the build packaged (failsafe runs after {@code package} and names it in {@code election-prep.jar}); a
     * missing jar fails the test, as it would fail an operator.
     */
    public static Path packagedJar() {
        String configured = System.getProperty("election-prep.jar");
        Path jar = configured != null ? Path.of(configured) : Path.of("target", "election-prep-0.1.0-SNAPSHOT.jar");
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError("No packaged jar at " + jar.toAbsolutePath() + "; run ./mvnw verify (or package)");
        }
        return jar.toAbsolutePath();
    }

    public AppNode start() {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            if (directory != null) {
                builder.directory(directory.toFile());
                builder.environment().clear();
            }
            builder.environment().putAll(environment);
            process = builder.start();
            Process started = process;
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start node " + name, e);
        }
    }

    /** Waits until the node's readiness endpoint answers UP. */
    public AppNode awaitReady(Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        while (readiness() != 200) {
            if (!process.isAlive()) {
                throw new AssertionError("Node " + name + " exited with " + process.exitValue() + "; see " + log);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Node " + name + " not ready within " + limit + "; see " + log);
            }
            sleep(500);
        }
        return this;
    }

    /** The HTTP status of /actuator/health/readiness (200 UP, 503 DOWN), or -1 when the node does not answer. */
    public int readiness() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url("/actuator/health/readiness")))
                    .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** SIGKILL: no shutdown hook runs, nothing is released; what the node held is left to the others. */
    public void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** SIGTERM: the graceful shutdown. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            waitForExit();
        }
    }

    /** SIGTERM, and the exit code once the node has exited (143 for a JVM ended by SIGTERM). */
    public int terminate() {
        stop();
        return process.exitValue();
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Lines of this node's log (over all its starts) that contain the text, e.g. an engine message code. */
    public long logLines(String text) {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains(text)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Override
    public void close() {
        stop();
    }

    /** A port nothing listens on at the moment, on loopback. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
