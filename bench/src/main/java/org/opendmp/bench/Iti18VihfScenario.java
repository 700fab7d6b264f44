package org.opendmp.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * {@code iti18-vihf}: ITI-18 FindDocuments on the same server and data, (a) without a VIHF (no access
 * rules) and (b) with the demo doctor's VIHF for the queried patient (validated, DMP access rules
 * applied), in two rounds a, b, a, b; then (c) a freshly signed VIHF per request, and the empty CXF
 * baseline without and with the VIHF header (which it does not read). Before measuring: one assertion
 * signed per patient session ({@link VihfSessions}), TD0.3 AJOUT for every patient (reading in normal
 * access needs the doctor authorized), and a check that both ways return the same DocumentEntries.
 * The server's validation timer {@code dmp.vihf.validation} is read around each measured window.
 */
final class Iti18VihfScenario {

    static final String NAME = "ITI-18 FindDocuments (LeafClass)";
    private static final String SET_AUTHORIZATION = Messages.SOAP12
            + "; action=\"urn:si-dmp-habilitations:HabilitationsEndPoint:setAuthorization\"";
    private static final Pattern ENTRY = Pattern.compile("<(?:[\\w-]+:)?ExtrinsicObject\\b[^>]*?\\sid=\"([^\"]+)\"");
    /** Patients whose answers are compared with and without VIHF. */
    private static final int SANITY_PATIENTS = 500;
    /** Slowdown of FindDocuments with VIHF the issue allows. */
    private static final double TARGET = 0.15;

    private final Bench.Settings settings;
    private final ServerUnderTest server;
    private final SSLContext tls;
    private final int documentsPerPatient;

    Iti18VihfScenario(Bench.Settings settings, ServerUnderTest server, SSLContext tls, int documentsPerPatient) {
        this.settings = settings;
        this.server = server;
        this.tls = tls;
        this.documentsPerPatient = documentsPerPatient;
    }

    /** The table rows and the notes (set-up, sanity check, validation timer, ratios) for the report. */
    record Outcome(List<Bench.Row> rows, String notes) {
    }

    Outcome run() throws Exception {
        System.out.printf("ITI-18 with VIHF: signing one VIHF per patient session (demo doctor, DIRECTE, normal) ...%n");
        VihfSessions sessions = new VihfSessions(server.pki().resolve("vihf"), settings.patients(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf("Authorizing the demo doctor on every patient's DMP (TD0.3 setAuthorization AJOUT) ...%n");
        long authorizeStart = System.nanoTime();
        authorize(sessions);
        double authorizeSeconds = (System.nanoTime() - authorizeStart) / 1e9;
        String sanity = sanity(sessions);
        System.out.println("  " + sanity);

        URI registry = server.endpoint("registry");
        URI baseline = server.endpoint("baseline/registry");
        Duration warmUp = Duration.ofSeconds(settings.warmup());
        Duration shortWarmUp = Duration.ofSeconds(Math.min(10, settings.warmup()));
        IntFunction<byte[]> plain = Messages::findDocuments;
        IntFunction<byte[]> session = p -> Messages.findDocuments(p, sessions.header(p));
        IntFunction<byte[]> fresh = p -> Messages.findDocuments(p, sessions.fresh(p));

        List<Bench.Row> rows = new ArrayList<>();
        List<Phase> vihf = new ArrayList<>();
        List<Phase> none = new ArrayList<>();
        for (int round = 1; round <= 2; round++) {
            Duration warm = round == 1 ? warmUp : shortWarmUp;
            Phase a = measure("Open DMP, no VIHF (round " + round + ")", registry, warm, plain);
            Phase b = measure("Open DMP, VIHF per patient session (round " + round + ")", registry, warm, session);
            none.add(a);
            vihf.add(b);
            rows.add(a.row());
            rows.add(b.row());
        }
        Phase c = measure("Open DMP, VIHF signed per request", registry, shortWarmUp, fresh);
        rows.add(c.row());
        rows.add(measure("empty CXF baseline", baseline, warmUp, plain).row());
        rows.add(measure("empty CXF baseline, VIHF header not read", baseline, shortWarmUp, session).row());

        return new Outcome(rows, notes(sessions, authorizeSeconds, sanity, none, vihf, c));
    }

    /** TD0.3 AJOUT for every patient, {@code clients} at a time, each with its patient's session assertion. */
    private void authorize(VihfSessions sessions) throws InterruptedException {
        URI habilitations = server.endpoint("habilitations");
        AtomicInteger next = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < settings.clients(); t++) {
            Thread thread = new Thread(() -> {
                HttpClient client = Bench.client(tls);
                int patient;
                while ((patient = next.getAndIncrement()) < sessions.size()) {
                    try {
                        String answer = Bench.send(client, habilitations,
                                Messages.setAuthorization(sessions.header(patient)), SET_AUTHORIZATION);
                        if (answer.contains(Messages.DMP_OK)) {
                            done.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                            firstFailure.compareAndSet(null, answer);
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, e.toString());
                    }
                }
            }, "td03-" + t);
            threads.add(thread);
            thread.start();
        }
        Bench.awaitAll(threads, () -> {
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "  authorized on %,d / %,d DMPs (%.0f/s, %d failed)%n",
                    done.get(), sessions.size(), done.get() / seconds, failed.get());
        });
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " TD0.3 requests failed (see "
                    + server.dataDir.resolve("server.log") + "); first answer: " + firstFailure.get());
        }
    }

    /**
     * The access rules must not hide the doctor's documents: FindDocuments of patients spread over the
     * whole range, without and with VIHF, must return the same entryUUIDs, all of the patient's documents.
     */
    private String sanity(VihfSessions sessions) throws Exception {
        HttpClient client = Bench.client(tls);
        URI registry = server.endpoint("registry");
        int sample = Math.min(SANITY_PATIENTS, sessions.size());
        int differing = 0;
        int incomplete = 0;
        String example = null;
        for (int i = 0; i < sample; i++) {
            int patient = (int) ((long) i * sessions.size() / sample);
            Set<String> without = entries(Bench.send(client, registry, Messages.findDocuments(patient), Messages.SOAP12));
            Set<String> with = entries(Bench.send(client, registry,
                    Messages.findDocuments(patient, sessions.header(patient)), Messages.SOAP12));
            if (!without.equals(with)) {
                differing++;
                if (example == null) {
                    example = "bench patient " + patient + ": " + without.size() + " without VIHF, " + with.size() + " with";
                }
            }
            if (without.size() != documentsPerPatient) {
                incomplete++;
            }
        }
        if (differing > 0 || incomplete > 0) {
            return String.format(Locale.ROOT, "SANITY CHECK FAILED: of %d patients, %d answered differently with VIHF (%s), "
                    + "%d did not return their %d documents without VIHF", sample, differing, example, incomplete,
                    documentsPerPatient);
        }
        return String.format(Locale.ROOT, "Sanity check: FindDocuments of %d patients spread over the range returned the same "
                + "%d DocumentEntries (same entryUUIDs) with the doctor's VIHF as without: the access rules hide none of "
                + "the bench documents (classCodes 10/11, typeCodes LOINC 11488-4/60591-5, confidentiality N) from a doctor.",
                sample, documentsPerPatient);
    }

    private static Set<String> entries(String answer) {
        if (!answer.contains(Messages.SUCCESS)) {
            throw new IllegalStateException("FindDocuments refused: " + answer);
        }
        Set<String> ids = new TreeSet<>();
        Matcher entry = ENTRY.matcher(answer);
        while (entry.find()) {
            ids.add(entry.group(1));
        }
        return ids;
    }

    /** One measured run with the validation timer read at the edges of its measured window. */
    private record Phase(Bench.Row row, ServerUnderTest.TimerReading validation) {
        LoadRun.Result result() {
            return row.result();
        }
    }

    private Phase measure(String service, URI uri, Duration warmUp, IntFunction<byte[]> bodies) throws InterruptedException {
        System.out.printf("Measuring %s, %s: %d clients, %d s warm-up + %d s ...%n", NAME, service, settings.clients(),
                warmUp.toSeconds(), settings.seconds());
        AtomicReference<ServerUnderTest.TimerReading> opened = new AtomicReference<>();
        AtomicReference<ServerUnderTest.TimerReading> closed = new AtomicReference<>();
        LoadRun.Result result = LoadRun.run(service, tls, uri, settings.clients(), warmUp,
                Duration.ofSeconds(settings.seconds()),
                () -> new LoadRun.Request(bodies.apply(Bench.random(settings.patients())), Messages.SOAP12, Messages.SUCCESS),
                0, server, new LoadRun.Window() {
                    @Override
                    public void opened() {
                        opened.set(server.vihfValidation());
                        if (ServerUnderTest.STATEMENT_STATISTICS) {
                            server.resetStatements();
                        }
                    }

                    @Override
                    public void closed() {
                        closed.set(server.vihfValidation());
                    }
                });
        Phase phase = new Phase(new Bench.Row(NAME, service, result), closed.get().since(opened.get()));
        StringBuilder line = new StringBuilder();
        Bench.row(line, phase.row());
        System.out.print(line);
        if (phase.validation().count() > 0) {
            System.out.printf(Locale.ROOT, "  server-side VIHF validation: %,d validations, mean %.0f µs%n",
                    phase.validation().count(), phase.validation().meanMicros());
        }
        if (ServerUnderTest.STATEMENT_STATISTICS) {
            System.out.print(server.topStatements(8, result.requests()));
        }
        return phase;
    }

    private String notes(VihfSessions sessions, double authorizeSeconds, String sanity, List<Phase> none, List<Phase> vihf,
                         Phase fresh) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nITI-18 with VIHF (`iti18-vihf`): %,d VIHF assertions signed by the client, one per "
                        + "patient session (demo doctor's development card, DIRECTE, normal access; reused for every request "
                        + "about that patient) in %.0f s; TD0.3 setAuthorization AJOUT on %,d DMPs in %.0f s (%.0f/s).%n",
                sessions.size(), sessions.signingSeconds(), sessions.size(), authorizeSeconds, sessions.size() / authorizeSeconds));
        out.append(sanity).append("\n\n");

        out.append("| FindDocuments | without VIHF requests/s | with VIHF requests/s | slowdown | target <= 15% |\n|---|---|---|---|---|\n");
        double sumNone = 0;
        double sumVihf = 0;
        for (int i = 0; i < none.size(); i++) {
            double a = none.get(i).result().throughput();
            double b = vihf.get(i).result().throughput();
            sumNone += a;
            sumVihf += b;
            comparison(out, "round " + (i + 1), a, b);
        }
        comparison(out, "mean of the rounds", sumNone / none.size(), sumVihf / vihf.size());
        out.append("\nRound 1 without VIHF is the first FindDocuments load after loading the registry and may not have "
                + "reached steady state (compare its server and load generator CPU per request with round 2's); round 2 "
                + "is the steady-state comparison.\n");

        out.append("\n| VIHF validation, server timer `dmp.vihf.validation` | requests measured | validations in the window "
                + "| mean µs per validation | max ms (last ~2 min) | server CPU ms/request |\n|---|---|---|---|---|---|\n");
        for (Phase phase : vihf) {
            validation(out, phase);
        }
        validation(out, fresh);
        double cpuNone = none.stream().mapToDouble(p -> p.result().serverCpuMillisPerRequest()).average().orElse(0);
        double cpuVihf = vihf.stream().mapToDouble(p -> p.result().serverCpuMillisPerRequest()).average().orElse(0);
        double validationMillis = vihf.stream().mapToDouble(p -> p.validation().meanMicros()).average().orElse(0) / 1000;
        out.append(String.format(Locale.ROOT, "%nServer CPU per FindDocuments (mean of the rounds): %.2f ms without VIHF, "
                        + "%.2f ms with (+%.2f ms); mean validation time %.2f ms per request (wall clock, on the request's thread).%n",
                cpuNone, cpuVihf, cpuVihf - cpuNone, validationMillis));
        return out.toString();
    }

    private static void comparison(StringBuilder out, String label, double without, double with) {
        double slowdown = 1 - with / without;
        out.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f%% | %s |%n", label, without, with, slowdown * 100,
                slowdown <= TARGET ? "met" : "**missed**"));
    }

    private static void validation(StringBuilder out, Phase phase) {
        out.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %.0f | %.2f | %.2f |%n", phase.row().service(),
                phase.result().requests(), phase.validation().count(), phase.validation().meanMicros(),
                phase.validation().maxSeconds() * 1000, phase.result().serverCpuMillisPerRequest()));
    }
}
