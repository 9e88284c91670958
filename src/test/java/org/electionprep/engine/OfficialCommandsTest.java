package org.electionprep.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.AddUserIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobListener;
import org.junit.jupiter.api.Test;

/**
 * Which engine commands officials may call, read from the engine jar on the classpath. Every class of the engine that
 * is a command (inner classes included) is either open or closed, and the open ones are exactly those listed, one per
 * line, in {@code open-engine-commands.txt} beside this test: an engine upgrade that adds or renames a command fails
 * here until someone has looked at it.
 */
class OfficialCommandsTest {

    @Test
    void startingAtAnActivityModifyingAddingCandidatesRetryingAJobAndStartConditionsAreClosed() {
        assertThat(OfficialCommands.isOpen(StartProcessInstanceAtActivitiesCmd.class)).isFalse();
        assertThat(OfficialCommands.isOpen(ModifyProcessInstanceCmd.class)).isFalse();
        assertThat(OfficialCommands.isOpen(AddUserIdentityLinkCmd.class)).isFalse();
        assertThat(OfficialCommands.isOpen(FailedJobListener.class)).isFalse();
        assertThat(OfficialCommands.isOpen(EvaluateStartConditionCmd.class)).isFalse();

        assertThat(OfficialCommands.isOpen(StartProcessInstanceCmd.class)).isTrue();
        assertThat(OfficialCommands.isOpen(CompleteTaskCmd.class)).isTrue();
        assertThat(OfficialCommands.isOpen(GetTaskVariablesCmd.class)).isTrue();
        assertThat(OfficialCommands.isOpen(TaskQueryImpl.class)).isTrue();
    }

    @Test
    void theEngineCommandsOpenToOfficialsAreExactlyTheReviewedList() throws Exception {
        TreeSet<String> open = new TreeSet<>();
        List<Class<?>> commands = engineCommands();
        for (Class<?> type : commands) {
            if (OfficialCommands.isOpen(type)) {
                open.add(type.getName());
            }
        }

        assertThat(commands).hasSizeGreaterThan(300);
        assertThat(String.join("\n", open)).isEqualTo(String.join("\n", reviewed()));
    }

    private List<String> reviewed() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("open-engine-commands.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).sorted().toList();
        }
    }

    /** Every concrete command class of the engine jar (not queries, which are named so, nor anonymous helpers). */
    private static List<Class<?>> engineCommands() throws IOException, URISyntaxException, ClassNotFoundException {
        Path jar = Path.of(Command.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> found = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : Collections.list(file.entries())) {
                String name = entry.getName();
                if (!name.startsWith("org/camunda/bpm/engine/impl/") || !name.endsWith(".class")) {
                    continue;
                }
                try {
                    Class<?> type = Class.forName(name.replace('/', '.').replace(".class", ""), false,
                            OfficialCommandsTest.class.getClassLoader());
                    if (Command.class.isAssignableFrom(type) && !type.isInterface() && !type.isAnonymousClass()
                            && !Modifier.isAbstract(type.getModifiers()) && !type.getSimpleName().endsWith("QueryImpl")
                            && !type.getSimpleName().endsWith("ReportImpl")) {
                        found.add(type);
                    }
                } catch (LinkageError e) {
                    // The engine's test and Ant support, whose libraries the app does not have: not commands.
                }
            }
        }
        return found;
    }
}
