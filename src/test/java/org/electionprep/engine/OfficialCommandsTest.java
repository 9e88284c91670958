package org.electionprep.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.AddUserIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobListener;
import org.junit.jupiter.api.Test;

/**
 * Which engine commands officials may call, read from the engine jar on the classpath: an engine upgrade that adds a
 * command leaves it closed unless it only reads, and this list of what is open changes only here, reviewed.
 */
class OfficialCommandsTest {

    @Test
    void startingAtAnActivityModifyingAddingCandidatesAndRetryingAJobAreClosedWorkingOnATaskIsOpen() {
        assertThat(OfficialCommands.isOpen(StartProcessInstanceAtActivitiesCmd.class)).isFalse();
        assertThat(OfficialCommands.isOpen(ModifyProcessInstanceCmd.class)).isFalse();
        assertThat(OfficialCommands.isOpen(AddUserIdentityLinkCmd.class)).isFalse();
        assertThat(OfficialCommands.isOpen(FailedJobListener.class)).isFalse();

        assertThat(OfficialCommands.isOpen(StartProcessInstanceCmd.class)).isTrue();
        assertThat(OfficialCommands.isOpen(CompleteTaskCmd.class)).isTrue();
        assertThat(OfficialCommands.isOpen(GetTaskVariablesCmd.class)).isTrue();
        assertThat(OfficialCommands.isOpen(TaskQueryImpl.class)).isTrue();
    }

    @Test
    void theOnlyEngineCommandsOpenToOfficialsThatChangeSomethingAreTheReviewedOnes() throws Exception {
        List<Class<?>> commands = engineCommands();
        TreeSet<String> openWrites = new TreeSet<>();
        for (Class<?> type : commands) {
            if (OfficialCommands.isOpen(type) && !type.getSimpleName().matches(
                    "(Get|Find|Is|Check|Evaluate|Execute\\w*Filter|ExecuteFilter|Optimize|AuthorizationCheck"
                            + "|DetermineHistoryLevel|Create\\w*Query)\\w*")) {
                openWrites.add(type.getSimpleName());
            }
        }

        assertThat(commands).hasSizeGreaterThan(200);
        assertThat(openWrites).isEqualTo(new TreeSet<>(OfficialCommands.OPEN));
    }

    /** Every named command class of the engine jar (Cmd, Command), concrete or not. */
    private static List<Class<?>> engineCommands() throws IOException, URISyntaxException, ClassNotFoundException {
        Path jar = Path.of(Command.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> found = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : java.util.Collections.list(file.entries())) {
                String name = entry.getName();
                if (name.startsWith("org/camunda/bpm/engine/impl/") && !name.contains("$")
                        && (name.endsWith("Cmd.class") || name.endsWith("Command.class"))) {
                    Class<?> type = Class.forName(name.replace('/', '.').replace(".class", ""), false,
                            OfficialCommandsTest.class.getClassLoader());
                    if (Command.class.isAssignableFrom(type)) {
                        found.add(type);
                    }
                }
            }
        }
        return found;
    }
}
