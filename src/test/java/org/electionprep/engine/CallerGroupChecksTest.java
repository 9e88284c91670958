package org.electionprep.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.electionprep.support.ProcessTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's authorization checks take an official's groups as they are, instead of first reading every group that
 * holds a grant (a country's four thousand, once per command).
 */
@ProcessTest
class CallerGroupChecksTest {

    @Autowired ProcessEngine engine;

    @Test
    void anOfficialsGroupsAreCheckedAsTheyAreEvenOneThatHoldsNoGrant() {
        // given the engine of the app
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

        // when a command's authorization checks narrow the groups of a governor who is also in a group without grants
        List<String> checked = config.getCommandExecutorTxRequired().execute(context -> context
                .getAuthorizationManager().filterAuthenticatedGroupIds(List.of("governor-ahvaz", "a-group-without-grants")));

        // then both are checked: nothing read the authorization table's groups to drop the second
        assertThat(checked).containsExactlyInAnyOrder("governor-ahvaz", "a-group-without-grants");
    }
}
