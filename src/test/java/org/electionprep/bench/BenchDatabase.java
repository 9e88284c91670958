package org.electionprep.bench;

import java.util.Map;

import org.electionprep.support.EmbeddedPostgresInitializer;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The benchmark's PostgreSQL: a server given by {@code -Dbench.db-url} (with {@code bench.db-user} and
 * {@code bench.db-password}), for figures on the hardware production will have, or else an embedded one as in the
 * tests. A given server's database must be empty: the run creates the app's schema and its own officials in it.
 */
public class BenchDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String URL = System.getProperty("bench.db-url", "");

    static String description() {
        return URL.isBlank() ? "embedded, same machine" : "server at " + URL;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (URL.isBlank()) {
            new EmbeddedPostgresInitializer().initialize(context);
            return;
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("bench-database", Map.of(
                "DB_URL", URL,
                "DB_USER", System.getProperty("bench.db-user", "postgres"),
                "DB_PASSWORD", System.getProperty("bench.db-password", "postgres"))));
    }
}
