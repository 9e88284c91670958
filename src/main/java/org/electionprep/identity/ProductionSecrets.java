package org.electionprep.identity;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Outside the demo, the app does not start with a weak first administrator: the password comes from ADMIN_PASSWORD,
 * has at least 12 characters and is not on the short list of passwords tried first by anyone guessing. (The password
 * policy, {@link PasswordRules}, also refuses one that contains the user id, when the administrator is created at the
 * first start; an existing administrator is not checked again.) Checked on
 * the environment, before the engine exists, so a refused password is never stored (the engine creates the first
 * administrator as it starts). The demo accounts must not exist either ({@link NoDemoAccounts}).
 */
public class ProductionSecrets implements EnvironmentPostProcessor {

    static final int MIN_LENGTH = 12;
    static final Set<String> COMMON = Set.of("password1234", "password12345", "123456789012", "1234567890123",
            "qwertyuiop12", "qwerty123456", "admin1234567", "administrator", "changeme1234", "letmein12345",
            "welcome12345", "electionprep", "election1405", "iloveyou1234", "passw0rd1234", "p@ssw0rd1234",
            "000000000000", "111111111111", "abcdefghijkl", "camunda12345", "demodemodemo");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.acceptsProfiles(Profiles.of("demo"))) {
            return;
        }
        List<String> problems = problems(environment.getProperty("camunda.bpm.admin-user.id"),
                environment.getProperty("camunda.bpm.admin-user.password"));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start: the first administrator (ADMIN_USER, ADMIN_PASSWORD) "
                    + String.join("; ", problems));
        }
    }

    /** What is wrong with the administrator's credentials; empty when nothing. */
    static List<String> problems(String user, String password) {
        if (user == null || user.isBlank()) {
            return List.of("has no user id: set ADMIN_USER");
        }
        if (password == null || password.isBlank()) {
            return List.of("has no password: set ADMIN_PASSWORD");
        }
        if (password.length() < MIN_LENGTH) {
            return List.of("has a password shorter than " + MIN_LENGTH + " characters");
        }
        if (isCommon(password)) {
            return List.of("has a password on the list of common passwords, or one of a few repeated characters");
        }
        return List.of();
    }

    /** A password on the list tried first, or made of fewer than four different characters. */
    static boolean isCommon(String password) {
        String lower = password.toLowerCase(Locale.ROOT);
        return COMMON.contains(lower) || lower.chars().distinct().count() < 4;
    }
}
