package org.opendmp.conformance;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.List;

/** One embedded PostgreSQL (zonky) in the test JVM for the whole run on the postgresql database. */
public final class EmbeddedPostgresSupport implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresSupport(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedPostgresSupport start() throws IOException {
        return new EmbeddedPostgresSupport(EmbeddedPostgres.builder().start());
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/postgres";
    }

    /** The server arguments that point it at this database. */
    public List<String> serverArguments() {
        return List.of(
                "--spring.datasource.url=" + jdbcUrl(),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres");
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
