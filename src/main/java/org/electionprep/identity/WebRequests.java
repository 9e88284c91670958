package org.electionprep.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/** What the security filters read of a request before the servlets see it, read one way. */
final class WebRequests {

    private WebRequests() {
    }

    /** The path as the servlets see it: decoded, normalised, without ;parameters. */
    static String path(HttpServletRequest request) {
        return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    }

    /**
     * The official signed in to the named engine in the request's webapp session (the webapps set the engine's
     * authentication only further down the chain); null when no one is.
     */
    static Authentication webappUser(HttpServletRequest request, String engineName) {
        Authentications all = webappAuthentications(request);
        return all != null && all.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication user
                ? new Authentication(user.getIdentityId(), user.getGroupIds(), user.getTenantIds()) : null;
    }

    /** Whether an official is signed in to any engine in the request's webapp session. */
    static boolean signedInToWebapps(HttpServletRequest request) {
        Authentications all = webappAuthentications(request);
        return all != null && !all.getAuthentications().isEmpty();
    }

    private static Authentications webappAuthentications(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    }
}
