package org.opendmp.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import org.opendmp.security.tls.TlsSettings;

/**
 * The XDS benchmark (issue: ITI-41 20 KB, FindDocuments on 100,000 documents / 10,000
 * patients, ITI-43 1 MB), each next to the same request on the empty baseline service of the
 * same server, in the same run, on PostgreSQL; and the patient identity benchmark (ITI-8 feed,
 * ITI-21 PDQ by name), next to an MLLP echo route on the same TLS setup. Patients are first fed
 * over ITI-8, as the registry only accepts documents for patients it knows
 * ({@code documents=0 patients=1000000 only=pdq,iti8} measures PDQ on a million patients).
 * {@code only=iti18-vihf} measures FindDocuments without and with the DMP's VIHF ({@link Iti18VihfScenario}).
 * Run from the repository root after
 * {@code mvn -DskipTests install}:
 *
 * <pre>mvn -q -pl bench exec:java [-Dexec.args="documents=100000 patients=10000 seconds=20 warmup=40 clients=8"]</pre>
 */
public final class Bench {

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.parse(args);
        Path jar = Path.of("server/target/dmp-server.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("run from the repository root after `mvn -DskipTests install`: " + jar + " is missing");
        }
        Messages messages = new Messages(Path.of("examples"));
        System.out.println("Starting embedded PostgreSQL and the server ...");
        try (ServerUnderTest server = new ServerUnderTest(jar)) {
            SSLContext tls = TlsSettings.sslContext(server.pki().resolve("client.p12"), "changeit".toCharArray(),
                    server.pki().resolve("ca.pem"));
            long feedStart = System.nanoTime();
            feedPatients(server, tls, settings);
            double feedSeconds = (System.nanoTime() - feedStart) / 1e9;
            long loadStart = System.nanoTime();
            long[] registrations = settings.documents > 0 ? load(server, tls, messages, settings) : new long[settings.patients];
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            long databaseBytes = server.databaseBytes();
            System.out.printf(Locale.ROOT, "Database size after loading: %,d MB%n", databaseBytes >> 20);

            List<Row> results = new ArrayList<>();
            StringBuilder notes = new StringBuilder();
            byte[] cda20k = Messages.cda(20 * 1024);
            if (settings.runs("iti41")) {
            results.addAll(pair(settings, server, tls, "ITI-41 (20 KB CDA)", server.endpoint("repository"),
                    server.endpoint("baseline/repository"),
                    () -> new LoadRun.Request(messages.provide(random(settings.patients), cda20k), Messages.MTOM, Messages.SUCCESS),
                    cda20k.length));
            }
            if (settings.runs("iti18")) {
            results.addAll(pair(settings, server, tls, "ITI-18 FindDocuments (LeafClass)", server.endpoint("registry"),
                    server.endpoint("baseline/registry"),
                    () -> new LoadRun.Request(Messages.findDocuments(random(settings.patients)), Messages.SOAP12, Messages.SUCCESS),
                    0));
            }
            if (settings.runs("iti18-vihf")) {
                Iti18VihfScenario.Outcome vihf = new Iti18VihfScenario(settings, server, tls,
                        Math.max(1, settings.documents / settings.patients)).run();
                results.addAll(vihf.rows());
                notes.append(vihf.notes());
            }
            if (settings.runs("find-codes")) {
            results.addAll(pair(settings, server, tls, "ITI-18 FindDocuments by 4 codes and a time range", server.endpoint("registry"),
                    server.endpoint("baseline/registry"),
                    () -> new LoadRun.Request(Messages.findDocumentsByCodes(random(settings.patients)), Messages.SOAP12, Messages.SUCCESS),
                    0));
            }
            if (settings.runs("ss-contents")) {
            results.addAll(pair(settings, server, tls, "ITI-18 GetSubmissionSetAndContents", server.endpoint("registry"),
                    server.endpoint("baseline/registry"),
                    () -> new LoadRun.Request(Messages.getSubmissionSetAndContents(
                            Messages.submissionSetUniqueId(registrations[random(settings.patients)])), Messages.SOAP12, Messages.SUCCESS),
                    0));
            }
            if (settings.runs("related")) {
            int replaced = replaceFirstDocuments(server, tls, messages, settings, registrations);
            results.addAll(pair(settings, server, tls, "ITI-18 GetRelatedDocuments (RPLC)", server.endpoint("registry"),
                    server.endpoint("baseline/registry"),
                    () -> new LoadRun.Request(Messages.getRelatedDocuments(
                            Messages.documentUniqueId(registrations[random(replaced)], 0)), Messages.SOAP12, Messages.SUCCESS),
                    0));
            }
            if (settings.runs("iti8")) {
                AtomicInteger newPatients = new AtomicInteger(settings.patients);
                results.addAll(mllpPair(settings, server, tls, "ITI-8 ADT^A01 feed (new patient)",
                        () -> Hl7v2Messages.admit(newPatients.getAndIncrement())));
            }
            if (settings.runs("pdq")) {
                results.addAll(mllpPair(settings, server, tls, "ITI-21 PDQ by family name",
                        () -> Hl7v2Messages.findByName(Hl7v2Messages.familyName(random(settings.patients)), 10)));
            }
            if (settings.runs("iti43")) {
            byte[] oneMegabyte = Messages.cda(1 << 20);
            post(tls, server.endpoint("repository"), messages.provide(0, oneMegabyte), Messages.MTOM);
            byte[] retrieve = Messages.retrieve(messages.lastDocumentUniqueId());
            results.addAll(pair(settings, server, tls, "ITI-43 (1 MB document)", server.endpoint("repository"),
                    server.endpoint("baseline/repository"),
                    () -> new LoadRun.Request(retrieve, Messages.SOAP12, Messages.SUCCESS), oneMegabyte.length));
            }

            String report = report(settings, feedSeconds, loadSeconds, databaseBytes, results) + notes;
            System.out.println(report);
            Path out = Path.of("bench/target/bench-results.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            System.out.println("Written to " + out);
        }
    }

    /** One line of the report: a scenario, the service measured and what was measured. */
    record Row(String scenario, String service, LoadRun.Result result) {
    }

    private static List<Row> pair(Settings settings, LoadRun.CpuClock cpu, SSLContext tls, String name, URI real, URI baseline,
                                         java.util.function.Supplier<LoadRun.Request> requests, long bytes) throws InterruptedException {
        System.out.printf("Measuring %s: %d clients, %d s warm-up + %d s ...%n", name, settings.clients, settings.warmup, settings.seconds);
        LoadRun.Result measured = LoadRun.run(name, tls, real, settings.clients, Duration.ofSeconds(settings.warmup),
                Duration.ofSeconds(settings.seconds), requests, bytes, cpu);
        System.out.printf("  ... and on the empty baseline service%n");
        LoadRun.Result empty = LoadRun.run(name + " baseline", tls, baseline, settings.clients,
                Duration.ofSeconds(settings.warmup), Duration.ofSeconds(settings.seconds), requests, bytes, cpu);
        return printed(List.of(new Row(name, "Open DMP", measured), new Row(name, "empty CXF baseline", empty)));
    }

    private static List<Row> printed(List<Row> rows) {
        StringBuilder out = new StringBuilder();
        rows.forEach(r -> row(out, r));
        System.out.print(out);
        return rows;
    }

    /**
     * HL7 v2 over MLLP/TLS: the real transaction on the ITI-8/9/21 listener, then the same
     * messages on the MLLP echo route (acknowledges without reading) of the same server and TLS setup.
     */
    private static List<Row> mllpPair(Settings settings, ServerUnderTest server, SSLContext tls, String name,
                                             java.util.function.Supplier<String> messages) throws InterruptedException {
        System.out.printf("Measuring %s: %d clients, %d s warm-up + %d s ...%n", name, settings.clients, settings.warmup, settings.seconds);
        LoadRun.Result measured = LoadRun.run(name, settings.clients, Duration.ofSeconds(settings.warmup),
                Duration.ofSeconds(settings.seconds), () -> mllp(tls, server.mllpPort, messages), 0, server);
        System.out.printf("  ... and on the MLLP echo route%n");
        LoadRun.Result echo = LoadRun.run(name + " baseline", settings.clients, Duration.ofSeconds(settings.warmup),
                Duration.ofSeconds(settings.seconds), () -> mllp(tls, server.mllpEchoPort, messages), 0, server);
        return printed(List.of(new Row(name, "Open DMP", measured), new Row(name, "MLLP echo route", echo)));
    }

    private static LoadRun.Connection mllp(SSLContext tls, int port, java.util.function.Supplier<String> messages)
            throws Exception {
        MllpClient client = new MllpClient(tls, port);
        return new LoadRun.Connection() {
            @Override
            public boolean exchange() throws Exception {
                return client.exchange(messages.get()).contains("MSA|AA|");
            }

            @Override
            public void close() throws Exception {
                client.close();
            }
        };
    }

    /**
     * Waits until {@code threads} have ended, calling {@code progress} every 5 s meanwhile and once at
     * the end.
     */
    static void awaitAll(List<Thread> threads, Runnable progress) throws InterruptedException {
        long period = 5_000_000_000L;
        long next = System.nanoTime() + period;
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                thread.join(Math.max(1, (next - System.nanoTime()) / 1_000_000));
                if (System.nanoTime() >= next) {
                    progress.run();
                    next += period;
                }
            }
        }
        progress.run();
    }

    /** Makes every bench patient known to the patient registry: ITI-8 ADT^A01 over MLLP/TLS, {@code clients} connections. */
    private static void feedPatients(ServerUnderTest server, SSLContext tls, Settings settings) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicLong fed = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < settings.clients; t++) {
            Thread thread = new Thread(() -> {
                try (MllpClient client = new MllpClient(tls, server.mllpPort)) {
                    int patient;
                    while ((patient = next.getAndIncrement()) < settings.patients) {
                        if (client.exchange(Hl7v2Messages.admit(patient)).contains("MSA|AA|")) {
                            fed.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                }
            });
            threads.add(thread);
            thread.start();
        }
        awaitAll(threads, () -> {
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "  fed %,d / %,d patients over ITI-8 (%.0f/s, %d failed)%n",
                    fed.get(), settings.patients, fed.get() / seconds, failed.get());
        });
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " patient feeds failed: see " + server.dataDir.resolve("server.log"));
        }
    }

    /**
     * Pre-loads the registry over ITI-42: one submission of documents/patients entries per patient.
     * Returns, per patient, the sequence number its submission's ids derive from.
     */
    private static long[] load(ServerUnderTest server, SSLContext tls, Messages messages, Settings settings) throws Exception {
        long[] registrations = new long[settings.patients];
        int perPatient = Math.max(1, settings.documents / settings.patients);
        byte[] document = Messages.cda(20 * 1024);
        AtomicInteger next = new AtomicInteger();
        AtomicLong loaded = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        URI registry = server.endpoint("registry");
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < settings.clients; t++) {
            Thread thread = new Thread(() -> {
                HttpClient client = client(tls);
                int patient;
                while ((patient = next.getAndIncrement()) < settings.patients) {
                    try {
                        Messages.Registration registration = messages.register(patient, perPatient, document);
                        registrations[patient] = registration.id();
                        String body = send(client, registry, registration.body(), Messages.SOAP12);
                        if (body.contains(Messages.SUCCESS)) {
                            loaded.addAndGet(perPatient);
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        int total = perPatient * settings.patients;
        awaitAll(threads, () -> {
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "  loaded %,d / %,d documents (%.0f documents/s, %d failed submissions)%n",
                    loaded.get(), total, loaded.get() / seconds, failed.get());
        });
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " loading submissions failed: see " + server.dataDir.resolve("server.log"));
        }
        return registrations;
    }

    /**
     * Gives the first patients' document 0 a replacement (RPLC over ITI-42), so that
     * GetRelatedDocuments has something to find. Returns how many patients were done.
     */
    private static int replaceFirstDocuments(ServerUnderTest server, SSLContext tls, Messages messages, Settings settings,
                                             long[] registrations) throws Exception {
        int count = Math.min(settings.patients, settings.related);
        byte[] document = Messages.cda(20 * 1024);
        HttpClient client = client(tls);
        URI registry = server.endpoint("registry");
        long start = System.nanoTime();
        for (int patient = 0; patient < count; patient++) {
            String body = send(client, registry, messages.replace(patient, Messages.entryUuid(registrations[patient], 0), document),
                    Messages.SOAP12);
            if (!body.contains(Messages.SUCCESS)) {
                throw new IllegalStateException("replacement refused (see " + server.dataDir.resolve("server.log") + "): " + body);
            }
            if ((patient + 1) % 1000 == 0 || patient + 1 == count) {
                System.out.printf(Locale.ROOT, "  replaced document 0 of %,d / %,d patients (%.0f/s)%n", patient + 1, count,
                        (patient + 1) / ((System.nanoTime() - start) / 1e9));
            }
        }
        return count;
    }

    private static String report(Settings settings, double feedSeconds, double loadSeconds, long databaseBytes,
                                 List<Row> results) throws Exception {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Machine: %d cores, %s, Java %s; %s%n", Runtime.getRuntime().availableProcessors(),
                cpuModel(), System.getProperty("java.version"), "server and load generator on the same machine, loopback, mutual TLS"));
        out.append(String.format(Locale.ROOT, "Patient registry fed with %,d patients over ITI-8 (MLLP/TLS) in %.0f s (%.0f patients/s).%n",
                settings.patients, feedSeconds, settings.patients / feedSeconds));
        out.append(String.format(Locale.ROOT, "Registry pre-loaded with %,d documents for %,d patients over ITI-42 in %.0f s "
                        + "(%.0f documents/s); PostgreSQL (embedded); %d concurrent clients; %d s measured after %d s warm-up.%n%n",
                settings.documents, settings.patients, loadSeconds, settings.documents / loadSeconds, settings.clients,
                settings.seconds, settings.warmup));
        out.append(String.format(Locale.ROOT, "PostgreSQL database size after loading: %,d MB (%,.0f MB per million documents).%n%n",
                databaseBytes >> 20, (databaseBytes / 1048576.0) / Math.max(settings.documents, 1) / 1e6));
        out.append("| scenario | service | requests/s | p50 ms | p99 ms | MB/s | server CPU ms/request | PostgreSQL CPU ms/request | load generator CPU ms/request | failures |\n"
                + "|---|---|---|---|---|---|---|---|---|---|\n");
        results.forEach(r -> row(out, r));
        return out.toString();
    }

    static void row(StringBuilder out, Row row) {
        LoadRun.Result r = row.result();
        out.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.2f | %.2f | %s | %.2f | %.2f | %.2f | %d |%n",
                row.scenario(), row.service(), r.throughput(), r.p50Millis(), r.p99Millis(),
                r.bytesPerRequest() > 0 ? String.format(Locale.ROOT, "%.1f", r.megabytesPerSecond()) : "-",
                r.serverCpuMillisPerRequest(), r.databaseCpuMillisPerRequest(), r.clientCpuMillisPerRequest(), r.failures()));
    }

    private static String cpuModel() throws Exception {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.exists(cpuinfo)) {
            return System.getProperty("os.arch");
        }
        return Files.readAllLines(cpuinfo).stream().filter(l -> l.startsWith("model name")).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(System.getProperty("os.arch"));
    }

    private static void post(SSLContext tls, URI uri, byte[] body, String contentType) throws Exception {
        String answer = send(client(tls), uri, body, contentType);
        if (!answer.contains(Messages.SUCCESS)) {
            throw new IllegalStateException("set-up request refused: " + answer);
        }
    }

    static HttpClient client(SSLContext tls) {
        return HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1).build();
    }

    static String send(HttpClient client, URI uri, byte[] body, String contentType) throws Exception {
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    static int random(int bound) {
        return ThreadLocalRandom.current().nextInt(bound);
    }

    /**
     * Command-line settings as name=value pairs. The 40 s warm-up per run is what two cores
     * need for the JIT to finish: with 10 s, the C2 compiler was still working through the TLS
     * (AES-GCM GHASH), SOAP and JDBC paths during the measured window, and the figures were
     * those of a half-interpreted server (FindDocuments server CPU 1.9 ms instead of 0.6).
     */
    record Settings(int documents, int patients, int seconds, int warmup, int clients, int related, String only) {
        static Settings parse(String[] args) {
            java.util.Map<String, String> values = new java.util.HashMap<>(java.util.Map.of(
                    "documents", "100000", "patients", "10000", "seconds", "20", "warmup", "40", "clients", "8",
                    "related", "2000", "only", "iti41,iti18,iti43"));
            for (String arg : args) {
                String[] pair = arg.split("=", 2);
                if (pair.length != 2 || !values.containsKey(pair[0])) {
                    throw new IllegalArgumentException("unknown setting " + arg + "; known: " + values.keySet());
                }
                values.put(pair[0], pair[1]);
            }
            return new Settings(Integer.parseInt(values.get("documents")), Integer.parseInt(values.get("patients")),
                    Integer.parseInt(values.get("seconds")), Integer.parseInt(values.get("warmup")),
                    Integer.parseInt(values.get("clients")), Integer.parseInt(values.get("related")), values.get("only"));
        }

        boolean runs(String scenario) {
            return List.of(only.split(",")).contains(scenario);
        }
    }
}
