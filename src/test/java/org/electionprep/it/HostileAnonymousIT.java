package org.electionprep.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.electionprep.support.Officials;
import org.electionprep.support.PostgresAppTest;
import org.electionprep.support.RestClient;
import org.electionprep.support.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The anonymous caller of issue 15, over real sockets on PostgreSQL: slow login bodies meant to hold every worker
 * thread, and wrong passwords meant to lock the administrator out. The attacker's requests leave from their own
 * loopback address (127.0.0.3, 127.0.0.4), the officials' from 127.0.0.1, as different hosts would.
 */
@PostgresAppTest
@TestPropertySource(properties = {
        // The engine's delay after failed sign-ins, short here so that the test need not wait for a minute.
        "camunda.bpm.generic-properties.properties.loginDelayBase=1",
        "camunda.bpm.generic-properties.properties.loginDelayMaxTime=2",
        // The TLS proxy of the proxy test connects from 127.0.0.1; the attackers' addresses are not proxies.
        "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1",
})
class HostileAnonymousIT {

    static final String LOGIN = "/camunda/api/admin/auth/user/default/login/welcome";

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;

    @Test
    void slowLoginBodiesFromOneSourceHoldAFewWorkersAndTheServiceKeepsAnsweringEveryoneElse() throws Exception {
        WebappSession attacker = new WebappSession(port);
        attacker.visit("welcome");
        List<Socket> slow = new ArrayList<>();
        int refusedAtOnce = 0;
        try {
            for (int i = 0; i < 250; i++) {
                Socket socket = open("127.0.0.3");
                slow.add(socket);
                write(socket, "POST " + LOGIN + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n"
                        + "Cookie: " + attacker.cookieHeader() + "\r\nX-XSRF-TOKEN: " + attacker.csrfToken() + "\r\n\r\n"
                        + "username=");
            }
            Thread.sleep(500);
            for (Socket socket : slow) {
                if (statusOf(socket, 200) == 503) {
                    refusedAtOnce++;
                }
            }

            Instant start = Instant.now();
            int liveness = new RestClient(port).get("/actuator/health/liveness", null, null).status();
            Duration answeredIn = Duration.between(start, Instant.now());
            int signIn = new WebappSession(port).login(PostgresAppTest.ADMIN_USER, PostgresAppTest.ADMIN_PASSWORD,
                    "welcome");

            assertThat(liveness).isEqualTo(200);
            assertThat(answeredIn).isLessThan(Duration.ofSeconds(3));
            assertThat(signIn).isEqualTo(200);
            assertThat(refusedAtOnce).as("slow bodies refused without being read").isGreaterThanOrEqualTo(240);
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    void wrongPasswordsFromOneSourceAreCutOffAndTheAdministratorIsDelayedForSecondsNotLockedForGood() throws Exception {
        String admin = PostgresAppTest.ADMIN_USER;
        Officials.user(identity, "ahvaz-registry", "integration-ahvaz", "system-secret-1405");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            // Each with another X-Forwarded-For: the attacker is no proxy, so it does not change its source.
            statuses.add(basic("127.0.0.4", admin, "guess-" + i, "10.0.0." + i));
        }
        int rightPasswordFromThatSource = basic("127.0.0.4", admin, PostgresAppTest.ADMIN_PASSWORD, null);
        int anotherAccountFromThatSource = basic("127.0.0.4", "ahvaz-registry", "system-secret-1405", null);

        assertThat(statuses.subList(0, 20)).containsOnly(401);
        assertThat(statuses.subList(20, 25)).containsOnly(429);
        assertThat(rightPasswordFromThatSource).as("a cut-off source is not asked for passwords").isEqualTo(429);
        assertThat(anotherAccountFromThatSource).as("another account behind the same address").isEqualTo(200);
        Integer attempts = jdbc.queryForObject("SELECT attempts_ FROM act_id_user WHERE id_ = ?", Integer.class, admin);
        assertThat(attempts).as("only the failures before the cut-off reached the account").isBetween(1, 20);

        Thread.sleep(2500);
        assertThat(new RestClient(port).get("/engine-rest/user/" + admin + "/profile", admin,
                PostgresAppTest.ADMIN_PASSWORD).status()).as("the administrator, from another address").isEqualTo(200);
        assertThat(identity.createUserQuery().userId(admin).count()).isOne();
    }

    @Test
    void aWebappWriteWithoutItsCsrfTokenIsRefusedAndTheOfficialStaysSignedIn() {
        WebappSession official = new WebappSession(port);
        assertThat(official.login(PostgresAppTest.ADMIN_USER, PostgresAppTest.ADMIN_PASSWORD, "tasklist")).isEqualTo(200);

        int forged = official.postWithoutToken("/camunda/api/engine/engine/default/task", "application/json", "{}")
                .statusCode();

        assertThat(forged).isEqualTo(403);
        assertThat(official.get("/camunda/api/admin/auth/user/default").statusCode()).as("still signed in")
                .isEqualTo(200);
        assertThat(official.post("/camunda/api/engine/engine/default/task", "application/json", "{}",
                "application/json").statusCode()).as("with the token").isEqualTo(200);
    }

    @Test
    void noAnswerTakesItsHostFromTheRequestsHostHeader() throws IOException {
        String redirect = raw("GET / HTTP/1.1\r\nHost: attacker.invalid\r\nConnection: close\r\n\r\n");
        String credentials = Base64.getEncoder().encodeToString((PostgresAppTest.ADMIN_USER + ":"
                + PostgresAppTest.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        String docs = raw("GET /api/docs HTTP/1.1\r\nHost: attacker.invalid\r\nAuthorization: Basic " + credentials
                + "\r\nConnection: close\r\n\r\n");

        assertThat(redirect).startsWith("HTTP/1.1 30").containsIgnoringCase("Location: /camunda/")
                .doesNotContain("attacker.invalid");
        assertThat(docs).startsWith("HTTP/1.1 200").contains("\"servers\":[{\"url\":\"/\"")
                .doesNotContain("attacker.invalid");
    }

    @Test
    void behindATlsProxyTheSessionCookieIsSecureAndHstsIsSent() throws IOException {
        String page = raw("GET /camunda/app/welcome/default/ HTTP/1.1\r\nHost: elections.example\r\n"
                + "X-Forwarded-Proto: https\r\nX-Forwarded-For: 127.0.0.9\r\nConnection: close\r\n\r\n");
        String plain = raw("GET /camunda/app/welcome/default/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        String cookie = page.lines().filter(l -> l.regionMatches(true, 0, "Set-Cookie: JSESSIONID", 0, 22)).findFirst()
                .orElseThrow();
        assertThat(cookie).containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly");
        assertThat(page).containsIgnoringCase("Strict-Transport-Security: max-age=");
        assertThat(plain).doesNotContainIgnoringCase("Strict-Transport-Security");
    }

    @Test
    void theWebappsFirstAdministratorSetupIsClosed() {
        WebappSession stranger = new WebappSession(port);
        stranger.visit("welcome");

        int setup = stranger.post("/camunda/api/admin/setup/default/user/create", "application/json",
                "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"intruder-password-1405\"}}",
                "application/json").statusCode();

        assertThat(setup).isEqualTo(404);
        assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
    }

    @Test
    void theErrorPageAskedForDirectlyIsNotFoundNotAServerError() {
        assertThat(new RestClient(port).get("/error", null, null).status()).isEqualTo(404);
        assertThat(new RestClient(port).get("/error", PostgresAppTest.ADMIN_USER, PostgresAppTest.ADMIN_PASSWORD)
                .status()).isEqualTo(404);
    }

    /** A hand-written request from 127.0.0.1 (headers an HTTP client library would not let a test set); the answer. */
    private String raw(String request) throws IOException {
        try (Socket socket = open("127.0.0.1")) {
            write(socket, request);
            socket.setSoTimeout(10_000);
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** An engine REST call with HTTP basic credentials from the given source address; its status. */
    private int basic(String source, String user, String password, String forwardedFor) throws IOException {
        try (Socket socket = open(source)) {
            String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            write(socket, "GET /engine-rest/user/" + user + "/profile HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nAuthorization: Basic " + credentials + "\r\n"
                    + (forwardedFor == null ? "" : "X-Forwarded-For: " + forwardedFor + "\r\n") + "Connection: close\r\n\r\n");
            return statusOf(socket, 10_000);
        }
    }

    private Socket open(String source) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(source, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        return socket;
    }

    private static void write(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The status of the answer waiting on the socket, or -1 when none came within the timeout. */
    private static int statusOf(Socket socket, int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        InputStream in = socket.getInputStream();
        byte[] head = new byte[12];
        int read = 0;
        try {
            while (read < head.length) {
                int n = in.read(head, read, head.length - read);
                if (n < 0) {
                    return -1;
                }
                read += n;
            }
        } catch (SocketTimeoutException e) {
            return -1;
        }
        return Integer.parseInt(new String(head, 9, 3, StandardCharsets.US_ASCII));
    }
}
