package org.opendmp.audit.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import org.jdom2.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opendmp.audit.event.DicomXml;
import org.opendmp.security.actor.Actor;
import org.opendmp.security.tls.DevelopmentPki;
import org.opendmp.security.tls.TlsSettings;
import org.openehealth.ipf.commons.audit.model.AuditMessage;
import org.slf4j.LoggerFactory;

/**
 * kill -9 of a process appending to the journal: every event whose append returned is in the journal after the
 * restart, once, and the journal goes on from there; every transaction audited before the kill reaches the ARR
 * after the restart.
 */
class KillNineTest {

    private static final int ACKS_BEFORE_KILL = 3000;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(QueueSettings.Sync.class)
    void everyEventWhoseAppendReturnedSurvivesKillDashNine(QueueSettings.Sync sync) throws Exception {
        Map<Long, String> seen = runAndKill(sync, "append");

        try (DurableAuditQueue queue = DurableAuditQueue.open(dir, QueueSettings.defaults().withSizes(64 * 1024, 1L << 30),
                AuditMetrics.NONE)) {
            List<QueuedEvent> events = DurableAuditQueueTest.readAll(queue, 1);
            Map<Long, String> journal = new HashMap<>();
            for (QueuedEvent event : events) {
                journal.put(event.sequence(), new String(event.payload(), StandardCharsets.US_ASCII));
            }
            System.out.printf("kill -9 (%s): %d appends returned, %d events in the journal after the restart%n", sync,
                    seen.size(), events.size());

            for (Map.Entry<Long, String> ack : seen.entrySet()) {
                assertThat(journal.get(ack.getKey())).as("event " + ack.getKey()).isEqualTo(ack.getValue());
            }
            for (int i = 0; i < events.size(); i++) {
                assertThat(events.get(i).sequence()).isEqualTo(i + 1); // consecutive, no gap, no duplicate
            }
            assertThat(journal.values()).doesNotHaveDuplicates();
            long next = queue.append("after the restart".getBytes(StandardCharsets.US_ASCII));
            assertThat(next).isEqualTo(events.size() + 1);
            assertThat(queue.awaitDurable(next, Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void transactionsAuditedBeforeKillDashNineReachTheArrAfterTheRestart() throws Exception {
        Map<Long, String> audited = runAndKill(QueueSettings.Sync.WRITE, "auditor");
        long lastAudited = audited.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();

        DevelopmentPki pki = DevelopmentPki.ensure(dir.resolveSibling(dir.getFileName() + "-pki"));
        SSLContext server = TlsSettings.sslContext(pki.serverKeyStore(), pki.password(), pki.caCertificate());
        SSLContext client = TlsSettings.sslContext(pki.clientKeyStore(), pki.password(), pki.caCertificate());
        try (TestSyslogServer arr = TestSyslogServer.tls(server)) {
            AuditTrailSettings settings = AuditTrailSettings.of(dir, AuditTrailSettings.Transport.TLS, "localhost",
                    arr.port(), "dmp1.example.test").withQueue(QueueSettings.defaults().withSizes(64 * 1024, 1L << 30))
                    .withDelivery(TlsDeliveryTest.settings(Duration.ofMillis(200)));
            try (AuditTrail trail = AuditTrail.open(settings, client, null)) {
                long inJournal = trail.queue().lastAppended();
                assertThat(inJournal).isGreaterThanOrEqualTo(lastAudited);
                assertThat(trail.delivery().awaitDelivered(inJournal, Duration.ofSeconds(60))).isTrue();
                System.out.printf("kill -9 of an auditing process: %d audits returned, %d delivered after the "
                        + "restart%n", audited.size(), inJournal);
            }
            Map<String, List<TestSyslogServer.Received>> byKey = arr.byKey();
            assertThat(arr.received()).hasSize(byKey.size());
            List<Long> sequenceIds = byKey.values().stream().map(copies -> copies.get(0).sequenceId()).sorted().toList();
            assertThat(sequenceIds).startsWith(TlsDeliveryTest.sequence(1, lastAudited).toArray(Long[]::new));
            DicomXml last = DicomXml.parse(byKey.values().stream()
                    .filter(copies -> copies.get(0).sequenceId() == lastAudited).findFirst().orElseThrow().get(0).xml());
            assertThat(last.text("/AuditMessage/EventIdentification/EventTypeCode/@csd-code")).isEqualTo("ITI-18");
        }
    }

    /** Starts the child, lets it acknowledge {@value #ACKS_BEFORE_KILL} events (or audits), kills it. */
    private Map<Long, String> runAndKill(QueueSettings.Sync sync, String mode) throws Exception {
        Process child = new ProcessBuilder(javaExecutable(), "-Xmx128m", "-cp", classPath(),
                KillNineChild.class.getName(), dir.toString(), "4", sync.name(), mode)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        List<String> errors = new CopyOnWriteArrayList<>();
        CountDownLatch enough = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("ACK ")) {
                        String[] parts = line.split(" ", 3);
                        acknowledged.put(Long.parseLong(parts[1]), parts[2]);
                        if (acknowledged.size() >= ACKS_BEFORE_KILL) {
                            enough.countDown();
                        }
                    } else if (line.startsWith("ERROR")) {
                        errors.add(line);
                        enough.countDown();
                    }
                }
            } catch (Exception e) {
                // the pipe breaks when the child dies
            }
        });
        reader.start();
        try {
            assertThat(enough.await(180, TimeUnit.SECONDS)).as("the child acknowledged " + ACKS_BEFORE_KILL).isTrue();
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close
            child.waitFor(30, TimeUnit.SECONDS);
            reader.join(TimeUnit.SECONDS.toMillis(30));
        }
        assertThat(errors).isEmpty();
        return Map.copyOf(acknowledged);
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** This module's classes and test classes, the security module's, IPF's audit model, jdom2 and SLF4J. */
    private static String classPath() throws URISyntaxException {
        List<String> entries = new ArrayList<>();
        for (Class<?> type : List.of(KillNineChild.class, DurableAuditQueue.class, LoggerFactory.class, Actor.class,
                AuditMessage.class, Element.class)) {
            String entry = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
            if (!entries.contains(entry)) {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
