package org.electionprep.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** For integration tests that act as officials over REST: their accounts, and waiting for their next task. */
public final class Officials {

    private Officials() {
    }

    /** An engine user in a group, created once. */
    public static void user(IdentityService identity, String id, String group, String password) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(id);
            user.setPassword(password);
            identity.saveUser(user);
        }
        if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
            identity.createMembership(id, group);
        }
    }

    /** Polls a task list (the job executor works in the background) until it holds a task; the first one. */
    public static JsonNode awaitTask(Supplier<JsonNode> list) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonNode tasks = list.get();
            if (tasks != null && tasks.isArray() && !tasks.isEmpty()) {
                return tasks.get(0);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no task appeared within 60 s");
    }
}
