package org.opendmp.audit.arr;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.opendmp.security.tls.DevelopmentPki;
import org.opendmp.security.tls.TlsSettings;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * A rough ingest measurement (not a test; the bench module does the official one): sends N distinct
 * events over TLS on C connections and waits until the ARR has stored them all, then prints events
 * per second and whether count stored == count sent.
 * <pre>
 * in-process ARR on an H2 file database:  IngestMeasurement local  [events] [connections]
 * a running server:                       IngestMeasurement remote [events] [connections] host tlsPort pkiDir managementPort
 * </pre>
 */
public final class IngestMeasurement {

    private static final Pattern COUNT = Pattern.compile("\"COUNT\"\\s*,\\s*\"value\"\\s*:\\s*([0-9.Ee+-]+)");

    public static void main(String[] args) throws Exception {
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        int connections = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        if (args.length > 0 && args[0].equals("remote")) {
            String host = args[3];
            int port = Integer.parseInt(args[4]);
            Path pki = Path.of(args[5]);
            int management = Integer.parseInt(args[6]);
            SSLContext client = TlsSettings.sslContext(pki.resolve("client.p12"), DevelopmentPki.PASSWORD.toCharArray(),
                    pki.resolve("ca.pem"));
            LongSupplier stored = () -> metric(management, "dmp.arr.stored");
            run(host, port, client, events, connections, stored);
            return;
        }
        Path dir = Files.createTempDirectory("arr-ingest-");
        DevelopmentPki pki = DevelopmentPki.ensure(dir.resolve("pki"));
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:file:" + dir.resolve("db/arr") + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
        org.flywaydb.core.Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        AuditStore store = new AuditStore(new JdbcTemplate(dataSource), new DataSourceTransactionManager(dataSource));
        try (AuditRecordRepository arr = new AuditRecordRepository(store, new ArrSettings("127.0.0.1", 0, null,
                64 * 1024, 4096, 100, 50, Duration.ofMinutes(5), Duration.ofSeconds(10), 10_000, 500, 1),
                TlsSettings.sslContext(pki.serverKeyStore(), pki.password(), pki.caCertificate()), Clock.systemUTC()).start()) {
            SSLContext client = TlsSettings.sslContext(pki.clientKeyStore(), pki.password(), pki.caCertificate());
            run("127.0.0.1", arr.tlsPort(), client, events, connections, () -> arr.counters().stored());
            System.out.println("database rows: " + store.count() + ", rejects: "
                    + arr.counters().rejected(Transport.TLS) + ", duplicates: " + arr.counters().duplicates());
        }
    }

    private static void run(String host, int port, SSLContext client, int events, int connections, LongSupplier stored)
            throws Exception {
        long before = stored.getAsLong();
        AtomicLong sent = new AtomicLong();
        long start = System.nanoTime();
        List<Thread> senders = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int connection = c;
            Thread sender = new Thread(() -> {
                try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket(host, port)) {
                    socket.setSSLParameters(TlsSettings.clientParameters());
                    OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
                    String time = Instant.now().toString();
                    for (int i = connection; i < events; i += connections) {
                        out.write(AuditSamples.frame(AuditSamples.syslog(AuditSamples.iti43(time, AuditSamples.PATIENT,
                                AuditSamples.DOCTOR, List.of("1.2.250.1.999." + i)), "bench-" + connection, (long) i + 1)));
                        sent.incrementAndGet();
                    }
                    out.flush();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            sender.start();
            senders.add(sender);
        }
        for (Thread sender : senders) {
            sender.join();
        }
        long sentAt = System.nanoTime();
        long deadline = sentAt + Duration.ofMinutes(5).toNanos();
        while (stored.getAsLong() - before < events && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        long end = System.nanoTime();
        long storedNow = stored.getAsLong() - before;
        double seconds = (end - start) / 1e9;
        System.out.printf("sent %d events on %d TLS connection(s) in %.2f s, all stored after %.2f s: %.0f events/s;"
                        + " stored %d (%s)%n", sent.get(), connections, (sentAt - start) / 1e9, seconds,
                storedNow / seconds, storedNow, storedNow == sent.get() ? "zero loss" : "LOSS");
    }

    private static long metric(int managementPort, String name) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + managementPort + "/actuator/metrics/" + name)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher count = COUNT.matcher(response.body());
            return count.find() ? (long) Double.parseDouble(count.group(1)) : 0;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
