package org.opendmp.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged server started as a user would, on an embedded PostgreSQL, with the baseline endpoints on
 * and {@code dmp.vihf.required=false}: requests without a VIHF are served without access rules (the
 * plain-IHE scenarios), requests with one are validated and the DMP's access rules apply.
 */
final class ServerUnderTest implements AutoCloseable, LoadRun.CpuClock {

    /**
     * {@code -Dbench.pgStatements=true}: PostgreSQL tracks its statements (pg_stat_statements, planning
     * included), for {@link #topStatements}; a diagnostic, it costs some PostgreSQL CPU.
     */
    static final boolean STATEMENT_STATISTICS = Boolean.getBoolean("bench.pgStatements");

    final Path dataDir;
    final int port;
    /** The ITI-8/9/21 MLLP listener and the MLLP echo route (the HL7 v2 baseline). */
    final int mllpPort;
    final int mllpEchoPort;
    /** The operations port (actuator: health, metrics), plain HTTP on loopback. */
    final int managementPort;
    private final EmbeddedPostgres postgres;
    private final HttpClient operations = HttpClient.newHttpClient();
    private final Process process;

    ServerUnderTest(Path jar) throws IOException, InterruptedException {
        dataDir = Files.createTempDirectory("dmp-bench");
        // A private copy: a build that repackages server/target during a long run must not pull
        // classes from under the running server.
        Path serverJar = Files.copy(jar, dataDir.resolve("dmp-server.jar"));
        EmbeddedPostgres.Builder database = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60));
        if (STATEMENT_STATISTICS) {
            database.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("pg_stat_statements.track_planning", "on");
        }
        postgres = database.start();
        if (STATEMENT_STATISTICS) {
            try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
                connection.createStatement().execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            } catch (SQLException e) {
                throw new IOException("cannot enable pg_stat_statements", e);
            }
        }
        port = freePort();
        managementPort = freePort();
        mllpPort = freePort();
        mllpEchoPort = freePort();
        Path log = dataDir.resolve("server.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g"));
        // e.g. -Dbench.jvmArgs=-XX:StartFlightRecording=filename=/tmp/dmp.jfr to profile the server
        String extra = System.getProperty("bench.jvmArgs", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-jar", serverJar.toString(),
                "--dmp.data-dir=" + dataDir, "--server.port=" + port, "--management.server.port=" + managementPort,
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--dmp.bench.baseline-endpoints=true", "--dmp.mllp.port=" + mllpPort,
                "--dmp.bench.mllp-echo-port=" + mllpEchoPort, "--dmp.vihf.required=false"));
        process = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("server did not start, see " + log);
            }
            try {
                HttpResponse<Void> ready = operations.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
    }

    URI endpoint(String path) {
        return URI.create("https://localhost:" + port + "/si-dmp-server/v2/services/" + path);
    }

    /** CPU time the server process has used so far. */
    @Override
    public long serverNanos() {
        return process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /**
     * CPU time the embedded PostgreSQL has used so far: the postmaster and its backends (the
     * server's pooled connections live for the whole run, so their time is not lost on exit).
     */
    @Override
    public long databaseNanos() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/bin/postgres")).orElse(false))
                .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
                .sum();
    }

    /** Size on disk of the database the server writes to (tables, indexes, TOAST). */
    long databaseBytes() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             ResultSet size = connection.createStatement().executeQuery("SELECT pg_database_size(current_database())")) {
            size.next();
            return size.getLong(1);
        }
    }

    /** Forgets the statement statistics gathered so far (with {@link #STATEMENT_STATISTICS}). */
    void resetStatements() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("SELECT pg_stat_statements_reset()");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The statements that took the most PostgreSQL time (planning and execution) since {@link #resetStatements},
     * as Markdown rows: calls per request, mean and total ms, the start of the statement.
     */
    String topStatements(int count, long requests) {
        StringBuilder out = new StringBuilder("| calls/request | mean ms (plan + exec) | total ms | statement |\n|---|---|---|---|\n");
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT calls, total_plan_time + total_exec_time AS total, query FROM pg_stat_statements"
                             + " WHERE query NOT LIKE '%pg_stat_statements%' ORDER BY total DESC LIMIT " + count)) {
            while (rows.next()) {
                long calls = rows.getLong(1);
                double total = rows.getDouble(2);
                String query = rows.getString(3).replaceAll("\\s+", " ");
                out.append(String.format(Locale.ROOT, "| %.2f | %.3f | %.0f | `%s` |%n", (double) calls / Math.max(1, requests),
                        total / Math.max(1, calls), total, query.length() > 160 ? query.substring(0, 160) + "..." : query));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    /** The server's Micrometer timer {@code dmp.vihf.validation} (accepted assertions) as it stands now. */
    TimerReading vihfValidation() {
        try {
            HttpResponse<String> metric = operations.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + managementPort + "/actuator/metrics/dmp.vihf.validation")).build(), HttpResponse.BodyHandlers.ofString());
            if (metric.statusCode() != 200) {
                throw new IllegalStateException("metric dmp.vihf.validation: HTTP " + metric.statusCode());
            }
            return new TimerReading((long) statistic(metric.body(), "COUNT"), statistic(metric.body(), "TOTAL_TIME"),
                    statistic(metric.body(), "MAX"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double statistic(String json, String name) {
        Matcher value = Pattern.compile(
                "\\{\\s*\"statistic\"\\s*:\\s*\"" + name + "\"\\s*,\\s*\"value\"\\s*:\\s*([-0-9.Ee+]+)").matcher(json);
        if (!value.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return Double.parseDouble(value.group(1));
    }

    /**
     * A reading of a Micrometer timer: count, total time and max in seconds (the max is Micrometer's
     * decaying maximum, over about the last two minutes).
     */
    record TimerReading(long count, double totalSeconds, double maxSeconds) {
        /** What was recorded between {@code earlier} and this reading (the max stays this reading's). */
        TimerReading since(TimerReading earlier) {
            return new TimerReading(count - earlier.count, totalSeconds - earlier.totalSeconds, maxSeconds);
        }

        double meanMicros() {
            return count == 0 ? 0 : totalSeconds / count * 1e6;
        }
    }

    Path pki() {
        return dataDir.resolve("pki");
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        postgres.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
