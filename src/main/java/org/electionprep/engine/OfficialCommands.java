package org.electionprep.engine;

import java.lang.reflect.Field;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cmd.CheckPassword;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The engine commands an official or a connected system may call: reading, working on their tasks as the model made
 * them, starting a process at its start event, their own profile. Everything else the engine offers (starting at an
 * activity, skipping listeners or mappings, modifying, restarting, migrating or deleting instances, signals and
 * messages, identity links, owners and delegation, a task's due date, jobs and batches, incidents, deployments, history
 * deletion, their own account's deletion) would let a caller step around the models' listeners and guards, so it is
 * refused with 403
 * whatever the grants say. Administrators keep it; the app's own steps run without a user. Only the command a caller
 * invokes is checked: the commands the engine runs inside it on the process's behalf are the model's.
 */
final class OfficialCommands extends CommandInterceptor {

    /** Engine commands (by simple class name) that change something and are open to officials. */
    static final Set<String> OPEN = Set.of(
            "ClaimTaskCmd", "AssignTaskCmd", "CompleteTaskCmd", "SubmitTaskFormCmd", "SaveTaskCmd",
            "SetTaskVariablesCmd", "PatchTaskVariablesCmd", "RemoveTaskVariablesCmd", "SetTaskFollowUpDateCmd",
            "StartProcessInstanceCmd", "SubmitStartFormCmd", "AddCommentCmd",
            "CreateUserCmd", "CreateGroupCmd", "CreateTenantCmd", "SaveUserCmd", "CreateFilterCmd", "SaveFilterCmd",
            "DeleteFilterCmd", "CheckPassword",
            // Cockpit's human-task report for the province roles: a count.
            "TaskCountByCandidateGroupCmd");

    /** The fields of a task an official may change by saving it. */
    static final Set<String> SAVABLE = Set.of(TaskEntity.ASSIGNEE, TaskEntity.FOLLOW_UP_DATE);

    /** Commands that only read, whatever their name says. */
    private static final Pattern READS = Pattern.compile(
            "(Get|Find|Is|Execute\\w*Filter|ExecuteFilter|Optimize|AuthorizationCheck|DetermineHistoryLevel"
                    + "|Create\\w*Query)\\w*");

    private static final String ENGINE = "org.camunda.bpm.engine.impl.";

    /**
     * Engine commands not named as such: a refused job execution would otherwise still count as the job's failure and
     * take its retries.
     */
    private static final Set<String> UNNAMED = Set.of("FailedJobListener", "SuccessfulJobListener", "CheckPassword",
            "SetAnnotationForOperationLog", "SchemaOperationProcessEngineClose", "SchemaOperationsProcessEngineBuild");

    /** How deep the current thread is in commands: only the outermost, the caller's own, is checked. */
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

    @Override
    public <T> T execute(Command<T> command) {
        int[] level = depth.get();
        if (level[0] == 0) {
            check(command);
        }
        level[0]++;
        try {
            return next.execute(command);
        } finally {
            level[0]--;
            if (level[0] == 0) {
                depth.remove();
            }
        }
    }

    private static void check(Command<?> command) {
        Authentication auth = Officials.current().orElse(null);
        if (auth == null) {
            return;
        }
        if (!isOpen(command.getClass())) {
            throw new AuthorizationException("User '" + auth.getUserId() + "' may not call "
                    + command.getClass().getSimpleName() + ": it is open to administrators only");
        }
        if (command instanceof SaveTaskCmd save) {
            checkSavedFields(save, auth.getUserId());
        }
        if (command instanceof CheckPassword check && !auth.getUserId().equals(field(check, CheckPassword.class, "userId"))) {
            // A signed-in caller checks only their own password (changing it asks for it): checking others' would be a
            // password oracle (engine REST's identity/verify) and would delay their sign-in.
            throw new AuthorizationException("User '" + auth.getUserId() + "' may check no password but their own");
        }
    }

    private static Object field(Object command, Class<?> type, String name) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(command);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("This engine's " + type.getSimpleName() + " no longer holds '" + name + "'", e);
        }
    }

    /**
     * A saved task (Tasklist's and REST's task update) may change only its assignee (which
     * {@link AssigneeMustBeCandidate} checks) and the official's own follow-up date. Its due date is the milestone the
     * model set, which "overdue" and the blocking work read; its name, description, priority, owner, delegation and
     * parent are the model's too. The caller's changes are those recorded on the task they send, against the task as
     * they read it.
     */
    private static void checkSavedFields(SaveTaskCmd save, String user) {
        TaskEntity task = (TaskEntity) field(save, SaveTaskCmd.class, "task");
        Set<String> changed = new TreeSet<>(task.getPropertyChanges().keySet());
        changed.removeAll(SAVABLE);
        if (!changed.isEmpty()) {
            throw new AuthorizationException("User '" + user + "' may not change " + changed + " of task '"
                    + task.getName() + "' (" + task.getId() + "): the process sets them");
        }
    }

    /**
     * Whether officials may run a command of this class. The engine's named commands are closed unless they read or are
     * listed; queries, the webapps' own read models and anonymous helpers are not engine commands by name.
     */
    static boolean isOpen(Class<?> type) {
        String name = type.getName();
        String simple = type.getSimpleName();
        boolean engineCommand = name.startsWith(ENGINE) && !type.isAnonymousClass() && !name.contains("$$Lambda")
                && (simple.endsWith("Cmd") || simple.endsWith("Command") || simple.endsWith("CmdTyped")
                    || UNNAMED.contains(simple));
        return !engineCommand || OPEN.contains(simple) || READS.matcher(simple).matches();
    }
}
