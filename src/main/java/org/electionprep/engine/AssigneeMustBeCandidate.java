package org.electionprep.engine;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * A task may be handed only to someone who could have claimed it: a member of one of its candidate groups or a
 * candidate user. Otherwise an official could pass a site verification to, say, a trainer, who as its assignee
 * could then complete it. Administrators may assign freely; the engine's own steps are not checked.
 */
class AssigneeMustBeCandidate implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        String assignee = task.getAssignee();
        IdentityService identity = task.getProcessEngineServices().getIdentityService();
        Authentication auth = identity.getCurrentAuthentication();
        if (assignee == null || auth == null || auth.getUserId() == null
                || (auth.getGroupIds() != null && auth.getGroupIds().contains(TaskRoleChecker.ADMIN_GROUP))) {
            return;
        }
        if (assignee.equals(auth.getUserId())) {
            // Claiming for oneself: TaskRoleChecker has already let this user work on the task.
            return;
        }
        boolean candidate = Context.getCommandContext().runWithoutAuthorization(() -> isCandidate(task, assignee, identity));
        if (!candidate) {
            throw new AuthorizationException("User '" + auth.getUserId() + "' may not assign task '" + task.getName()
                    + "' (" + task.getId() + ") to '" + assignee + "', who is not among its candidates");
        }
    }

    private static boolean isCandidate(DelegateTask task, String user, IdentityService identity) {
        for (IdentityLink link : task.getCandidates()) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                continue;
            }
            if (user.equals(link.getUserId()) || (link.getGroupId() != null
                    && identity.createUserQuery().userId(user).memberOfGroup(link.getGroupId()).count() > 0)) {
                return true;
            }
        }
        return false;
    }
}
