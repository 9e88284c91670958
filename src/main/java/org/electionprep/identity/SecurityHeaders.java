package org.electionprep.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on every response: no MIME sniffing, no framing by other sites, HSTS when the request came over
 * TLS, and a Content-Security-Policy for the APIs (the webapps keep their own, set by Camunda's header filter).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityHeaders {

    /** JSON and CSV answers load nothing and are framed by nobody. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    /** The API's browsable documentation loads its own scripts, styles and images only. */
    static final String DOCS_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
            + " frame-ancestors 'none'";

    /** The readiness dashboard: its own scripts, styles, fonts and the API, nothing else, framed by nobody. */
    static final String DASHBOARD_POLICY = "default-src 'self'; img-src 'self' data:; base-uri 'none';"
            + " form-action 'self'; frame-ancestors 'none'";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> securityHeadersFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new HeaderFilter());
        registration.setName("security-headers");
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Only for requests (the default dispatcher type): errors still reach the error page by their own dispatch. */
    @Bean
    FilterRegistrationBean<ErrorPathNotFound> errorPathNotFound() {
        FilterRegistrationBean<ErrorPathNotFound> registration = new FilterRegistrationBean<>(new ErrorPathNotFound());
        registration.setName("error-path-not-found");
        registration.addUrlPatterns("/error", "/error/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    static final class HeaderFilter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("X-Frame-Options", "SAMEORIGIN");
            response.setHeader("Referrer-Policy", "same-origin");
            if (request.isSecure()) {
                response.setHeader("Strict-Transport-Security", "max-age=31536000");
            }
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (path.equals("/dashboard") || path.startsWith("/dashboard/")) {
                response.setHeader("Content-Security-Policy", DASHBOARD_POLICY);
            } else if (path.startsWith("/api/docs/swagger-ui")) {
                response.setHeader("Content-Security-Policy", DOCS_POLICY);
            } else if (path.startsWith("/api/") || path.equals("/api") || path.startsWith("/engine-rest/")
                    || path.startsWith("/actuator")) {
                response.setHeader("Content-Security-Policy", API_POLICY);
            }
            chain.doFilter(request, response);
        }
    }
}
