package org.electionprep.identity;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyLengthRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyUserDataRuleImpl;
import org.springframework.stereotype.Component;

/**
 * The password policy the engine applies wherever a password is set: Admin, the profile page, engine REST
 * (user/create, user/{id}/credentials) and the first administrator. The rules are those of {@link ProductionSecrets}:
 * at least 12 characters, not a common password nor a few repeated characters, and nothing of the user's own data
 * (id, names, email). Only the demo accounts are saved past it, in the demo profile.
 */
@Component
public class PasswordRules extends AbstractProcessEnginePlugin implements PasswordPolicy {

    private final List<PasswordPolicyRule> rules = List.of(new PasswordPolicyLengthRuleImpl(ProductionSecrets.MIN_LENGTH),
            new NotCommon(), new PasswordPolicyUserDataRuleImpl());

    @Override
    public void preInit(ProcessEngineConfigurationImpl config) {
        config.setEnablePasswordPolicy(true);
        config.setPasswordPolicy(this);
    }

    @Override
    public List<PasswordPolicyRule> getRules() {
        return rules;
    }

    /** The passwords tried first by anyone guessing. */
    static final class NotCommon implements PasswordPolicyRule {

        @Override
        public String getPlaceholder() {
            return "PASSWORD_POLICY_COMMON";
        }

        @Override
        public Map<String, String> getParameters() {
            return Map.of();
        }

        @Override
        public boolean execute(String candidatePassword) {
            return !ProductionSecrets.isCommon(candidatePassword);
        }
    }
}
