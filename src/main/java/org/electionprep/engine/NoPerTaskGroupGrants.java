package org.electionprep.engine;

import static org.camunda.bpm.engine.impl.util.EnsureUtil.ensureValidIndividualResourceId;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * Skips the grant row the engine writes for every candidate group of every task. At national scale (60,000 open
 * tasks) those rows make a task list take minutes; the county tenant plus one group-wide grant does the same job,
 * and {@link TaskRoleChecker} keeps roles apart inside a county. A new user may not delete their own account.
 */
public class NoPerTaskGroupGrants extends DefaultAuthorizationProvider {

    /** An official may read and update (profile, password) their own account, not delete it: the engine grants ALL. */
    @Override
    public AuthorizationEntity[] newUser(User user) {
        ensureValidIndividualResourceId("Cannot create default authorization for user " + user.getId(), user.getId());
        return new AuthorizationEntity[] {
            createGrantAuthorization(user.getId(), null, Resources.USER, user.getId(), Permissions.READ, Permissions.UPDATE)
        };
    }

    @Override
    public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String identityLinkType) {
        return null;
    }
}
