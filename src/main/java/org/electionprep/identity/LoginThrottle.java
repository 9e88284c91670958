package org.electionprep.identity;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps anonymous callers from turning sign-in against the service and its accounts. Per source address: after
 * {@code maxFailures} failed sign-ins (webapp login or HTTP basic on the APIs) within {@code window}, that source's
 * sign-ins are refused with 429 until the window has passed, without a password being checked, so it can no longer
 * delay or lock anyone's account. And a login form is read by at most {@code inFlightPerSource} requests of a source and
 * {@code inFlight} in all at once: slow request bodies hold a worker thread each, and beyond these the service answers
 * 503 at once instead of waiting for them, so the other workers stay free for everyone else.
 */
final class LoginThrottle extends OncePerRequestFilter {

    static final String WEBAPP_LOGIN = "/camunda/api/admin/auth/user/";
    private static final int MAX_TRACKED_SOURCES = 100_000;

    private final int maxFailures;
    private final Duration window;
    private final int inFlightPerSource;
    private final int inFlight;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> readingBySource = new ConcurrentHashMap<>();
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
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean login = "POST".equals(request.getMethod()) && path.startsWith(WEBAPP_LOGIN) && path.contains("/login/");
        String authorization = request.getHeader("Authorization");
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)
                && (path.startsWith("/engine-rest/") || path.startsWith("/api/") || path.equals("/api"));
        if (!login && !basic) {
            chain.doFilter(request, response);
            return;
        }
        String source = request.getRemoteAddr();
        long retryAfter = blockedFor(source);
        if (retryAfter > 0) {
            refuse(response, 429, retryAfter, "Too many failed sign-ins from this address; try again later");
            return;
        }
        if (login && !startReading(source)) {
            refuse(response, 503, 5, "Too many sign-ins at once; try again in a few seconds");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            if (login) {
                reading.decrementAndGet();
                stopReading(source);
            }
        }
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            failed(source);
        }
    }

    /** Seconds until a source may sign in again; 0 when it may now. */
    private long blockedFor(String source) {
        Failures f = failures.get(source);
        if (f == null) {
            return 0;
        }
        synchronized (f) {
            long left = f.windowStart + window.toMillis() - clock.millis();
            return f.count >= maxFailures && left > 0 ? Math.max(1, left / 1000) : 0;
        }
    }

    private void failed(String source) {
        if (failures.size() > MAX_TRACKED_SOURCES) {
            long now = clock.millis();
            failures.values().removeIf(f -> now - f.windowStart >= window.toMillis());
        }
        Failures f = failures.computeIfAbsent(source, s -> new Failures(clock.millis()));
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
        AtomicInteger mine = readingBySource.computeIfAbsent(source, s -> new AtomicInteger());
        if (mine.incrementAndGet() > inFlightPerSource) {
            stopReading(source);
            return false;
        }
        if (reading.incrementAndGet() > inFlight) {
            reading.decrementAndGet();
            stopReading(source);
            return false;
        }
        return true;
    }

    private void stopReading(String source) {
        readingBySource.computeIfPresent(source, (s, n) -> n.decrementAndGet() <= 0 ? null : n);
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
