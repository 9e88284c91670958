package org.electionprep.identity;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a webapp write without the session's CSRF token before Camunda's own CSRF filter sees it, with the same 403,
 * but keeps the session: Camunda's filter ends the session too, so any page of another site could sign an official out
 * of Tasklist by sending them a form. A request with the right token goes on to Camunda's filter as before.
 */
final class CsrfRefusalKeepsSession extends OncePerRequestFilter {

    static final String TOKEN_HEADER = "X-XSRF-TOKEN";
    /** Where Camunda's CsrfPreventionFilter keeps the session's token. */
    static final String TOKEN_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = READS.contains(request.getMethod()) ? null : request.getSession(false);
        Object expected = session == null ? null : session.getAttribute(TOKEN_ATTRIBUTE);
        String given = request.getHeader(TOKEN_HEADER);
        if (expected != null && (given == null || given.isBlank() || !expected.equals(given))) {
            if (given == null || given.isBlank()) {
                response.setHeader(TOKEN_HEADER, "Required");
            }
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "CSRF token missing or invalid");
            return;
        }
        chain.doFilter(request, response);
    }
}
