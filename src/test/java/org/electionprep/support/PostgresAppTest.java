package org.electionprep.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole app as production runs it (postgres profile, the first administrator from the environment) on its own
 * embedded PostgreSQL, on a random port, closed after the class. Extra settings go in {@code @TestPropertySource}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ADMIN_USER=" + PostgresAppTest.ADMIN_USER,
        "ADMIN_PASSWORD=" + PostgresAppTest.ADMIN_PASSWORD,
        // The stations' networks: the tests' link servers listen on loopback.
        "election-prep.connectivity.allowed-networks=127.0.0.0/8",
})
@ActiveProfiles("postgres")
@Import(KhuzestanDivisions.class)
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
@DirtiesContext
public @interface PostgresAppTest {

    String ADMIN_USER = "it-admin";
    String ADMIN_PASSWORD = "it-root-password-1405";
}
