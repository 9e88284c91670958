package org.electionprep.integration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Nothing under /api answers without HTTP basic credentials of an engine user (or, for reading, the session of a user
 * signed in to the webapps). The user's groups and tenants become
 * the engine's current authentication for the request, exactly as for /engine-rest, and are cleared afterwards; a
 * refusal is problem+json like every other error of the API.
 */
@Configuration(proxyBeanMethods = false)
public class ApiAuthentication {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> apiAuthenticationFilter(IdentityService identity, ObjectMapper json) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new BasicFilter(identity, json));
        registration.setName("api-authentication");
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    static final class BasicFilter extends OncePerRequestFilter {

        static final String ENGINE = "default";

        private final IdentityService identity;
        private final ObjectMapper json;

        BasicFilter(IdentityService identity, ObjectMapper json) {
            this.identity = identity;
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String[] credentials = credentials(request.getHeader("Authorization"));
            String user = credentials == null ? sessionUser(request)
                    : identity.checkPassword(credentials[0], credentials[1]) ? credentials[0] : null;
            if (credentials == null && user != null && identity.createUserQuery().userId(user).count() == 0) {
                user = null; // deleted since signing in
            }
            if (user == null) {
                response.setStatus(HttpStatus.UNAUTHORIZED.value());
                // A page's own script (the dashboard) asks without the browser's password dialog and signs in itself.
                if (request.getHeader("X-Requested-With") == null) {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"election-prep\"");
                }
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                json.writeValue(response.getOutputStream(), ApiProblems.of(HttpStatus.UNAUTHORIZED, "unauthenticated",
                        "Authentication required", "Send HTTP basic credentials of an account of this system (or, to"
                                + " read, sign in to the webapps first)"));
                return;
            }
            List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
            List<String> tenants = identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).list()
                    .stream().map(Tenant::getId).toList();
            identity.setAuthentication(user, groups, tenants);
            try {
                chain.doFilter(request, response);
            } finally {
                identity.clearAuthentication();
            }
        }

        /**
         * A reading request from a browser already signed in to the webapps (the readiness dashboard) is that user's:
         * the webapps' session says who, the identity service (fresh, not the session's copy) their groups. Only for
         * GET and HEAD, which change nothing, so a forged cross-site request can do no harm; a session cannot write.
         */
        private static String sessionUser(HttpServletRequest request) {
            if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
                return null;
            }
            HttpSession session = request.getSession(false);
            if (session == null) {
                return null;
            }
            Authentications signedIn = AuthenticationUtil.getAuthsFromSession(session);
            return signedIn != null && signedIn.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication user
                    ? user.getIdentityId() : null;
        }

        private static String[] credentials(String header) {
            if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
                return null;
            }
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon <= 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
