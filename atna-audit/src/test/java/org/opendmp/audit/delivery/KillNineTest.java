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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/**
 * kill -9 of a process appending to the journal: every event whose append returned is in the journal after the
 * restart, once, and the journal goes on from there.
 */
class KillNineTest {

    private static final int ACKS_BEFORE_KILL = 3000;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(QueueSettings.Sync.class)
    void everyEventWhoseAppendReturnedSurvivesKillDashNine(QueueSettings.Sync sync) throws Exception {
        Process child = new ProcessBuilder(javaExecutable(), "-Xmx128m", "-cp", classPath(),
                KillNineChild.class.getName(), dir.toString(), "4", sync.name())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        List<String> errors = new ArrayList<>();
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
                    }
                }
            } catch (Exception e) {
                // the pipe breaks when the child dies
            }
        });
        reader.start();
        try {
            assertThat(enough.await(120, TimeUnit.SECONDS)).as("the child appended " + ACKS_BEFORE_KILL).isTrue();
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close
            child.waitFor(30, TimeUnit.SECONDS);
            reader.join(TimeUnit.SECONDS.toMillis(30));
        }
        assertThat(errors).isEmpty();
        Map<Long, String> seen = Map.copyOf(acknowledged);

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

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** This module's classes and test classes, and SLF4J: what the child needs. */
    private static String classPath() throws URISyntaxException {
        List<String> entries = new ArrayList<>();
        for (Class<?> type : List.of(KillNineChild.class, DurableAuditQueue.class, LoggerFactory.class)) {
            String entry = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
            if (!entries.contains(entry)) {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
