package org.electionprep.people;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * An official's engine account as the roster says: the user with their names and email, no password anyone knows (an
 * administrator sets one, or a first-sign-in code brings it), and membership of the one group of their role and place.
 * An official who left keeps the account and its history, in no group, and the tasks they had claimed go back to
 * their groups.
 */
@Component
public class OfficialAccounts {

    private final IdentityService identity;
    private final TaskService tasks;
    private final SecureRandom random = new SecureRandom();

    public OfficialAccounts(IdentityService identity, TaskService tasks) {
        this.identity = identity;
        this.tasks = tasks;
    }

    /** Whether an engine account of that id exists, the roster's or not. */
    boolean exists(String userId) {
        return identity.createUserQuery().userId(userId).count() > 0;
    }

    /**
     * Brings the account of an official to what the roster says.
     *
     * @param group the group of their role and place
     * @param previousGroup the group of their role and place before this import, or null
     */
    void bring(OfficialRoster.Official official, String group, String previousGroup) {
        User user = identity.createUserQuery().userId(official.userId()).singleResult();
        boolean created = user == null;
        if (created) {
            user = identity.newUser(official.userId());
            // The engine cannot check a password against an account without one (it fails with an error), so a new
            // account gets one that nobody knows: no one signs in as the official until a password is set for them.
            user.setPassword(unknowable());
        }
        String email = official.email();
        if (created || !official.firstName().value().equals(user.getFirstName())
                || !official.lastName().value().equals(user.getLastName()) || !Objects.equals(email, user.getEmail())) {
            user.setFirstName(official.firstName().value());
            user.setLastName(official.lastName().value());
            user.setEmail(email);
            identity.saveUser(user);
        }
        if (!official.active()) {
            for (Group member : identity.createGroupQuery().groupMember(official.userId()).list()) {
                identity.deleteMembership(official.userId(), member.getId());
            }
            for (Task claimed : tasks.createTaskQuery().taskAssignee(official.userId()).list()) {
                tasks.setAssignee(claimed.getId(), null);
            }
            return;
        }
        if (previousGroup != null && !previousGroup.equals(group) && isMember(official.userId(), previousGroup)) {
            identity.deleteMembership(official.userId(), previousGroup);
        }
        if (!isMember(official.userId(), group)) {
            identity.createMembership(official.userId(), group);
        }
    }

    private String unknowable() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private boolean isMember(String userId, String group) {
        return identity.createUserQuery().userId(userId).memberOfGroup(group).count() > 0;
    }
}
