package org.electionprep.engine;

import java.util.Optional;

import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Who the engine's own checks apply to: the signed-in user of the running command, unless the command runs as the
 * app itself (no user, or authorization checks off) or the user is an administrator.
 */
public final class Officials {

    private Officials() {
    }

    /** The official behind the running command; empty for the app's own work and for administrators. */
    public static Optional<Authentication> current() {
        CommandContext context = Context.getCommandContext();
        Authentication auth = context == null ? null : context.getAuthentication();
        if (auth == null || auth.getUserId() == null || !context.isAuthorizationCheckEnabled()
                || (auth.getGroupIds() != null && auth.getGroupIds().contains(Groups.CAMUNDA_ADMIN))) {
            return Optional.empty();
        }
        return Optional.of(auth);
    }
}
