package org.opendmp.conformance;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The packaged server run as a user runs it: {@code java -jar dmp-server.jar} in its own JVM, with
 * a fresh data directory and free ports, its output captured in {@code target/}.
 */
public final class DmpServer implements AutoCloseable {

    public static final String CONTEXT = "/si-dmp-server/v2/services";
    static final Duration READINESS_TIMEOUT = Duration.ofSeconds(90);
    /** The COUNT measurement of an actuator metrics answer. */
    private static final Pattern COUNT =
            Pattern.compile("\\{\\s*\"statistic\"\\s*:\\s*\"COUNT\"\\s*,\\s*\"value\"\\s*:\\s*([0-9.Ee+-]+)");

    private final Process process;
    private final Path dataDir;
    private final Path log;
    private final int port;
    private final int managementPort;
    private final int mllpPort;
    private final String database;
    private final Thread shutdownHook;
    private VihfSigners vihfSigners;

    private DmpServer(Process process, Path dataDir, Path log, int port, int managementPort, int mllpPort,
                      String database) {
        this.process = process;
        this.dataDir = dataDir;
        this.log = log;
        this.port = port;
        this.managementPort = managementPort;
        this.mllpPort = mllpPort;
        this.database = database;
        this.shutdownHook = new Thread(process::destroyForcibly, "dmp-server-kill");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts the server jar and waits for readiness.
     *
     * @param extraArguments further {@code --name=value} arguments (database URL, limits...)
     */
    public static DmpServer start(Path jar, String database, List<String> extraArguments) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("server jar not found: " + jar.toAbsolutePath()
                    + " (system property dmp.server.jar; package the server module first)");
        }
        Path target = Path.of("target");
        Files.createDirectories(target);
        Path dataDir = Files.createTempDirectory("dmp-conformance-data-");
        Path log = target.resolve("dmp-server-" + database + ".log");
        int port = freePort();
        int managementPort = freePort();
        while (managementPort == port) {
            managementPort = freePort();
        }
        int mllpPort = freePort();
        while (mllpPort == port || mllpPort == managementPort) {
            mllpPort = freePort();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.add("--dmp.data-dir=" + dataDir.toAbsolutePath());
        command.add("--server.port=" + port);
        command.add("--management.server.port=" + managementPort);
        command.add("--dmp.mllp.port=" + mllpPort);
        command.addAll(extraArguments);
        Files.writeString(log, "# " + String.join(" ", command) + "\n", StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        DmpServer server = new DmpServer(process, dataDir, log, port, managementPort, mllpPort, database);
        try {
            server.awaitReadiness();
            server.vihfSigners = VihfSigners.load(server.vihfPkiDir());
        } catch (RuntimeException | Error | IOException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void awaitReadiness() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI readiness = URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness");
        long deadline = System.nanoTime() + READINESS_TIMEOUT.toNanos();
        int lastStatus = -1;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with code " + process.exitValue()
                        + " before being ready; its log (" + log + "):\n" + logText());
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(readiness)
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                lastStatus = response.statusCode();
                if (lastStatus == 200) {
                    if (!Files.isRegularFile(pkiDir().resolve("client.p12"))
                            || !Files.isRegularFile(pkiDir().resolve("ca.pem"))) {
                        throw new IllegalStateException("server ready but no development PKI (client.p12, ca.pem) in "
                                + pkiDir() + "; log:\n" + logText());
                    }
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the server", e);
            }
            sleep(500);
        }
        throw new IllegalStateException("server not ready after " + READINESS_TIMEOUT.toSeconds() + " s (last "
                + readiness + " status " + lastStatus + "); its log (" + log + "):\n" + logText());
    }

    public String database() {
        return database;
    }

    public int port() {
        return port;
    }

    /** The HL7v2 listener's port (MLLP over TLS). */
    public int mllpPort() {
        return mllpPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path pkiDir() {
        return dataDir.resolve("pki");
    }

    /** The development VIHF PKI the server generated: {@code <data>/pki/vihf}. */
    public Path vihfPkiDir() {
        return pkiDir().resolve("vihf");
    }

    /** The credentials that sign the tests' VIHF assertions, read from {@link #vihfPkiDir()} once the server is up. */
    public VihfSigners vihfSigners() {
        return vihfSigners;
    }

    /**
     * The COUNT of a counter on the metrics endpoint of the operations port ({@code /actuator/metrics}),
     * restricted to {@code tags} ({@code name:value}); 0 while the counter does not exist yet.
     */
    public double counter(String name, String... tags) {
        StringBuilder query = new StringBuilder();
        for (String tag : tags) {
            query.append(query.isEmpty() ? "?" : "&").append("tag=")
                    .append(URLEncoder.encode(tag, StandardCharsets.UTF_8));
        }
        URI uri = URI.create("http://127.0.0.1:" + managementPort + "/actuator/metrics/" + name + query);
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return 0;
            }
            Matcher count = COUNT.matcher(response.body());
            if (response.statusCode() != 200 || !count.find()) {
                throw new IllegalStateException("no COUNT from " + uri + ": HTTP " + response.statusCode() + " "
                        + response.body());
            }
            return Double.parseDouble(count.group(1));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Path logFile() {
        return log;
    }

    public URI registryUri() {
        return URI.create("https://localhost:" + port + CONTEXT + "/registry");
    }

    public URI repositoryUri() {
        return URI.create("https://localhost:" + port + CONTEXT + "/repository");
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long logSize() {
        try {
            return Files.size(log);
        } catch (IOException e) {
            return 0;
        }
    }

    /** The whole server log. */
    public String logText() {
        return logSince(0);
    }

    /** What the server logged from the given byte offset on (at most the last 64 KiB of it). */
    public String logSince(long offset) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            long from = Math.max(offset, length - 64 * 1024);
            byte[] bytes = new byte[(int) Math.max(0, length - from)];
            file.seek(from);
            file.readFully(bytes);
            return (from > offset ? "... (log cut)\n" : "") + new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    /** Stops the server (SIGTERM, then SIGKILL after 20 s) and deletes its data directory. */
    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook runs anyway
            }
            deleteRecursively(dataDir);
        }
    }

    static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not delete " + dir + ": " + e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
