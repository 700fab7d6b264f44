package org.opendmp.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The packaged server started as a user would, on an embedded PostgreSQL, with the baseline endpoints on. */
final class ServerUnderTest implements AutoCloseable, LoadRun.CpuClock {

    final Path dataDir;
    final int port;
    /** The ITI-8/9/21 MLLP listener and the MLLP echo route (the HL7 v2 baseline). */
    final int mllpPort;
    final int mllpEchoPort;
    private final EmbeddedPostgres postgres;
    private final Process process;

    ServerUnderTest(Path jar) throws IOException, InterruptedException {
        dataDir = Files.createTempDirectory("dmp-bench");
        // A private copy: a build that repackages server/target during a long run must not pull
        // classes from under the running server.
        Path serverJar = Files.copy(jar, dataDir.resolve("dmp-server.jar"));
        postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start();
        port = freePort();
        int management = freePort();
        mllpPort = freePort();
        mllpEchoPort = freePort();
        Path log = dataDir.resolve("server.log");
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g"));
        // e.g. -Dbench.jvmArgs=-XX:StartFlightRecording=filename=/tmp/dmp.jfr to profile the server
        String extra = System.getProperty("bench.jvmArgs", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-jar", serverJar.toString(),
                "--dmp.data-dir=" + dataDir, "--server.port=" + port, "--management.server.port=" + management,
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--dmp.bench.baseline-endpoints=true", "--dmp.mllp.port=" + mllpPort,
                "--dmp.bench.mllp-echo-port=" + mllpEchoPort));
        process = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HttpClient plain = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("server did not start, see " + log);
            }
            try {
                HttpResponse<Void> ready = plain.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + management + "/actuator/health/readiness")).build(),
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
    long databaseBytes() throws java.sql.SQLException {
        try (java.sql.Connection connection = postgres.getPostgresDatabase().getConnection();
             java.sql.ResultSet size = connection.createStatement().executeQuery("SELECT pg_database_size(current_database())")) {
            size.next();
            return size.getLong(1);
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
