package org.electionprep.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps anonymous callers from turning sign-in against the service and its accounts.
 * <ul>
 * <li>Failed sign-ins (webapp login or HTTP basic on the APIs) are counted per source address and account, and per
 * source: after {@code maxFailures} for one account, or five times as many for all, within {@code window}, that
 * source's sign-ins (to that account, or to any) are refused with 429 until the window has passed, without a password
 * being checked, so the source can no longer guess or delay the account. Others' sign-ins from the same address go
 * on.</li>
 * <li>An anonymous request with a body (a login form, or any other write without credentials or a signed-in session)
 * is read by at most {@code inFlightPerSource} requests of a source and {@code inFlight} in all at once: slow bodies
 * hold a worker thread each, and beyond these the service answers 503 at once, so the other workers stay free.</li>
 * <li>The webapps' first-administrator setup is refused: the administrator is created at the first start.</li>
 * </ul>
 */
final class LoginThrottle extends OncePerRequestFilter {

    static final String WEBAPP_LOGIN = "/camunda/api/admin/auth/user/";
    static final String WEBAPP_SETUP = "/camunda/api/admin/setup/";
    private static final int MAX_TRACKED = 100_000;
    private static final int SOURCE_FACTOR = 5;

    private final int maxFailures;
    private final Duration window;
    private final int inFlightPerSource;
    private final int inFlight;
    private final Clock clock;
    /** By source, and by source and account ("source|account"). */
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Map<String, Integer> readingBySource = new ConcurrentHashMap<>();
    private final AtomicInteger reading = new AtomicInteger();

    LoginThrottle(int maxFailures, Duration window, int inFlightPerSource, int inFlight, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.inFlightPerSource = inFlightPerSource;
        this.inFlight = inFlight;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = WebRequests.path(request);
        if (path.startsWith(WEBAPP_SETUP)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        boolean login = "POST".equals(request.getMethod()) && path.startsWith(WEBAPP_LOGIN) && path.contains("/login/");
        String basicUser = basicUser(request.getHeader("Authorization"));
        boolean anonymousBody = basicUser == null && hasBody(request) && !WebRequests.signedInToWebapps(request);
        if (!login && basicUser == null && !anonymousBody) {
            chain.doFilter(request, response);
            return;
        }
        String source = source(request.getRemoteAddr());
        if (basicUser != null && refused(response, source, basicUser)) {
            return;
        }
        boolean limited = login || anonymousBody;
        if (limited && !startReading(source)) {
            refuse(response, 503, 5, "Too many sign-ins or anonymous requests at once; try again in a few seconds");
            return;
        }
        String account = basicUser;
        try {
            if (login) {
                // Read within the limit above: the form is the body.
                account = request.getParameter("username");
                if (refused(response, source, account)) {
                    return;
                }
            }
            chain.doFilter(request, response);
        } finally {
            if (limited) {
                stopReading(source);
            }
        }
        if ((login || basicUser != null) && response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            failed(source, account);
        }
    }

    private boolean refused(HttpServletResponse response, String source, String account) throws IOException {
        long retryAfter = Math.max(blockedFor(source, maxFailures * SOURCE_FACTOR),
                blockedFor(source + "|" + account, maxFailures));
        if (retryAfter > 0) {
            refuse(response, 429, retryAfter, "Too many failed sign-ins from this address; try again later");
            return true;
        }
        return false;
    }

    /** The account of HTTP basic credentials; null without them. */
    private static String basicUser(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String credentials = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8);
            int colon = credentials.indexOf(':');
            return colon < 0 ? credentials : credentials.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    /** An IPv6 client's /64 counts as one source: a single host has that many addresses. */
    static String source(String address) {
        if (address == null || !address.contains(":")) {
            return address;
        }
        String[] groups = address.split(":", -1);
        return groups.length < 4 ? address : String.join(":", groups[0], groups[1], groups[2], groups[3]) + "::/64";
    }

    /** Seconds until a key may sign in again; 0 when it may now. */
    private long blockedFor(String key, int limit) {
        Failures f = failures.get(key);
        if (f == null) {
            return 0;
        }
        synchronized (f) {
            long left = f.windowStart + window.toMillis() - clock.millis();
            return f.count >= limit && left > 0 ? Math.max(1, left / 1000) : 0;
        }
    }

    private void failed(String source, String account) {
        if (failures.size() > MAX_TRACKED) {
            long now = clock.millis();
            failures.values().removeIf(f -> now - f.windowStart >= window.toMillis());
            if (failures.size() > MAX_TRACKED) {
                // Beyond this many sources at once the oldest counts go: memory stays bounded under any attack.
                failures.clear();
            }
        }
        count(source);
        count(source + "|" + account);
    }

    private void count(String key) {
        Failures f = failures.computeIfAbsent(key, k -> new Failures(clock.millis()));
        synchronized (f) {
            long now = clock.millis();
            if (now - f.windowStart >= window.toMillis()) {
                f.windowStart = now;
                f.count = 0;
            }
            f.count++;
        }
    }

    private boolean startReading(String source) {
        boolean[] taken = {false};
        readingBySource.compute(source, (s, n) -> {
            int current = n == null ? 0 : n;
            if (current >= inFlightPerSource) {
                return n;
            }
            if (reading.incrementAndGet() > inFlight) {
                reading.decrementAndGet();
                return n;
            }
            taken[0] = true;
            return current + 1;
        });
        return taken[0];
    }

    private void stopReading(String source) {
        reading.decrementAndGet();
        readingBySource.computeIfPresent(source, (s, n) -> n <= 1 ? null : n - 1);
    }

    private void refuse(HttpServletResponse response, int status, long retryAfter, String message) throws IOException {
        response.setStatus(status);
        response.setHeader("Retry-After", String.valueOf(retryAfter));
        // The body is not read: the connection closes after the answer (server.tomcat.max-swallow-size: 0).
        response.setHeader("Connection", "close");
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + (status == 429 ? "Too Many Requests"
                : "Service Unavailable") + "\",\"status\":" + status + ",\"detail\":\"" + message + "\"}");
    }

    private static final class Failures {
        private long windowStart;
        private int count;

        Failures(long windowStart) {
            this.windowStart = windowStart;
        }
    }
}
