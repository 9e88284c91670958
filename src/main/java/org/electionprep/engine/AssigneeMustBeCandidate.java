package org.electionprep.engine;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;

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
                || (auth.getGroupIds() != null && auth.getGroupIds().contains(Groups.CAMUNDA_ADMIN))) {
            return;
        }
        if (assignee.equals(auth.getUserId())) {
            // Claiming for oneself: TaskRoleChecker has already let this user work on the task.
            return;
        }
        // Read without the caller's grants: the official assigning need not be allowed to list groups.
        List<String> assigneeGroups = Context.getCommandContext().runWithoutAuthorization(() ->
                identity.createGroupQuery().groupMember(assignee).list().stream().map(Group::getId).toList());
        if (!TaskRoleChecker.isCandidate(task.getCandidates(), assignee, assigneeGroups)) {
            throw new AuthorizationException("User '" + auth.getUserId() + "' may not assign task '" + task.getName()
                    + "' (" + task.getId() + ") to '" + assignee + "', who is not among its candidates");
        }
    }
}
