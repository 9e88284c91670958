package org.electionprep.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A process test: the whole app with its real delegates on an in-memory H2 database (the database does not matter
 * here), in the production profile (so no demo users or data), with the job executor off: tests run jobs themselves.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:process-tests;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa",
        "spring.datasource.password=",
        "camunda.bpm.admin-user.id=admin",
        "camunda.bpm.admin-user.password=process-tests-first-1405",
        "camunda.bpm.job-execution.enabled=false",
        "election-prep.connectivity.samples=3",
        "election-prep.connectivity.connect-timeout=500ms",
        "election-prep.connectivity.request-timeout=1s",
        "election-prep.connectivity.allowed-networks=127.0.0.0/8",
})
@ActiveProfiles("postgres")
@Import(KhuzestanDivisions.class)
public @interface ProcessTest {
}
