package org.electionprep.engine;

import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.electionprep.shared.process.Message;
import org.springframework.stereotype.Component;

/**
 * Delivers a message from one process to others as part of the current step. The official whose task caused it may
 * not see the receiving instance (another county, another level), and must not need to: the app decided to send,
 * so the engine's authorization and tenant checks are suspended for the delivery only.
 */
@Component
public class Messages {

    private final RuntimeService runtime;

    public Messages(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** Correlates to every waiting instance with the business key (all when null) in the tenant; the number reached. */
    @SafeVarargs
    public final int send(Message name, String businessKey, String tenantId, Map.Entry<String, Object>... variables) {
        return asEngine(() -> {
            MessageCorrelationBuilder message = runtime.createMessageCorrelation(name.name());
            if (businessKey != null) {
                message.processInstanceBusinessKey(businessKey);
            }
            if (tenantId != null) {
                message.tenantId(tenantId);
            }
            for (Map.Entry<String, Object> variable : variables) {
                message.setVariable(variable.getKey(), variable.getValue());
            }
            return message.correlateAllWithResult().size();
        });
    }

    /**
     * Runs engine calls of the app itself, outside any engine command (a web request of the app's own API), without
     * the caller's authorization: the authenticated user is set aside for the work and put back after it.
     */
    public static <T> T asApp(IdentityService identity, Supplier<T> work) {
        if (Context.getCommandContext() != null) {
            return asEngine(work);
        }
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }

    /** Runs engine calls of the app itself without the current user's authorization and tenant checks. */
    public static <T> T asEngine(Supplier<T> work) {
        CommandContext context = Context.getCommandContext();
        if (context == null) {
            return work.get();
        }
        boolean authorization = context.isAuthorizationCheckEnabled();
        boolean tenants = context.isTenantCheckEnabled();
        context.disableAuthorizationCheck();
        context.disableTenantCheck();
        try {
            return work.get();
        } finally {
            if (authorization) {
                context.enableAuthorizationCheck();
            }
            if (tenants) {
                context.enableTenantCheck();
            }
        }
    }
}
