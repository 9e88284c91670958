package org.electionprep.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring Boot's error page answers a direct request (GET /error, with no error behind it) as a server error, 500. A
 * client asking for it gets 404; the page still renders the errors that happen, which reach it by an error dispatch.
 */
final class ErrorPathNotFound extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Mapped to /error only (SecurityHeaders), for requests only: an error's own dispatch never reaches here.
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
