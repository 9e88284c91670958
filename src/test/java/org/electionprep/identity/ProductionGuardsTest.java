package org.electionprep.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.electionprep.support.ProcessTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.env.MockEnvironment;

/** What keeps a production start safe: the administrator's password policy and no demo accounts. */
@ProcessTest
class ProductionGuardsTest {

    @Autowired IdentityService identity;
    @Autowired NoDemoAccounts noDemoAccounts;

    @Test
    void aMissingShortCommonOrMonotonousAdministratorPasswordIsRefused() {
        assertThat(ProductionSecrets.problems("", "a-long-enough-secret")).singleElement().asString().contains("ADMIN_USER");
        assertThat(ProductionSecrets.problems("ops", null)).singleElement().asString().contains("ADMIN_PASSWORD");
        assertThat(ProductionSecrets.problems("ops", "short-1405")).singleElement().asString().contains("12");
        assertThat(ProductionSecrets.problems("ops", "Password1234")).singleElement().asString().contains("common");
        assertThat(ProductionSecrets.problems("ops", "aaaaaaaaaaaaab")).singleElement().asString().contains("common");
        assertThat(ProductionSecrets.problems("ops", "Kh-1405-secret-first")).isEmpty();
    }

    @Test
    void theCheckRunsOnTheEnvironmentBeforeTheEngineExistsAndNotInTheDemo() {
        MockEnvironment production = new MockEnvironment().withProperty("camunda.bpm.admin-user.id", "ops")
                .withProperty("camunda.bpm.admin-user.password", "short");
        production.setActiveProfiles("postgres");
        MockEnvironment demo = new MockEnvironment().withProperty("camunda.bpm.admin-user.id", "demo")
                .withProperty("camunda.bpm.admin-user.password", "demo");
        demo.setActiveProfiles("demo");

        assertThatThrownBy(() -> new ProductionSecrets().postProcessEnvironment(production, null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("shorter than 12");
        new ProductionSecrets().postProcessEnvironment(demo, null);
    }

    @Test
    void theAppRefusesToRunOutsideTheDemoWhileADemoAccountExists() {
        noDemoAccounts.seed();
        User demo = identity.newUser("ahvaz-district-head");
        demo.setPassword("demo");
        ((org.camunda.bpm.engine.impl.IdentityServiceImpl) identity).saveUser(demo, true);
        try {
            assertThatThrownBy(noDemoAccounts::seed).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("ahvaz-district-head");
        } finally {
            identity.deleteUser("ahvaz-district-head");
        }
    }
}
