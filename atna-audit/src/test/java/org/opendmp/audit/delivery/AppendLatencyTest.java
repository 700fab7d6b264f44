package org.opendmp.audit.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendmp.audit.event.AuditEvents;
import org.opendmp.audit.event.AuditFixtures;

/**
 * Measures what auditing costs the calling thread: the journal append alone (with and without fsync), and the
 * whole {@link Auditor#audit} (building the ITI-18 message, writing its XML, appending). Prints percentiles;
 * asserts only that every event was written.
 */
class AppendLatencyTest {

    private static final int WARM_UP = 2_000;
    private static final int MEASURED = 5_000;

    @TempDir
    Path dir;

    @Test
    void appendLatency() throws Exception {
        AuditEvents events = new AuditEvents(AuditFixtures.SOURCE);
        byte[] xml = AuditEvents.toXml(events.messages(AuditorTest.query()).get(0));
        System.out.printf("append latency, ITI-18 audit message of %d bytes, %d appends after %d warm-up:%n",
                xml.length, MEASURED, WARM_UP);

        for (QueueSettings.Sync sync : QueueSettings.Sync.values()) {
            try (DurableAuditQueue queue = DurableAuditQueue.open(dir.resolve(sync.name()),
                    QueueSettings.defaults().withSync(sync), AuditMetrics.NONE)) {
                for (int i = 0; i < WARM_UP; i++) {
                    queue.append(xml);
                }
                long[] nanos = new long[MEASURED];
                for (int i = 0; i < MEASURED; i++) {
                    long start = System.nanoTime();
                    queue.append(xml);
                    nanos[i] = System.nanoTime() - start;
                }
                print("journal append, " + sync + ", 1 thread", nanos);
                assertThat(queue.lastAppended()).isEqualTo(WARM_UP + MEASURED);
            }
        }

        try (DurableAuditQueue queue = DurableAuditQueue.open(dir.resolve("fsync-4"),
                QueueSettings.defaults().withSync(QueueSettings.Sync.FSYNC), AuditMetrics.NONE)) {
            int threads = 4;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long start = System.nanoTime();
            Future<?>[] done = new Future<?>[threads];
            long[][] nanos = new long[threads][MEASURED / threads];
            for (int t = 0; t < threads; t++) {
                long[] mine = nanos[t];
                done[t] = pool.submit(() -> {
                    for (int i = 0; i < mine.length; i++) {
                        long begin = System.nanoTime();
                        queue.append(xml);
                        mine[i] = System.nanoTime() - begin;
                    }
                    return null;
                });
            }
            for (Future<?> future : done) {
                future.get(5, TimeUnit.MINUTES);
            }
            long elapsed = System.nanoTime() - start;
            pool.shutdown();
            print("journal append, FSYNC, 4 threads (group commit)", Arrays.stream(nanos).flatMapToLong(Arrays::stream).toArray());
            System.out.printf("  FSYNC, 4 threads: %.0f appends/s%n", MEASURED * 1e9 / elapsed);
            assertThat(queue.lastAppended()).isEqualTo(MEASURED);
        }

        AuditCounters counters = new AuditCounters();
        try (DurableAuditQueue queue = DurableAuditQueue.open(dir.resolve("auditor"), QueueSettings.defaults(), counters)) {
            Auditor auditor = new Auditor(events, queue, counters);
            for (int i = 0; i < WARM_UP; i++) {
                auditor.audit(AuditorTest.query());
            }
            long[] nanos = new long[MEASURED];
            for (int i = 0; i < MEASURED; i++) {
                var input = AuditorTest.query();
                long start = System.nanoTime();
                auditor.audit(input);
                nanos[i] = System.nanoTime() - start;
            }
            print("Auditor.audit (build + XML + append), WRITE, 1 thread", nanos);
            assertThat(counters.appended()).isEqualTo(WARM_UP + MEASURED);
            assertThat(counters.lost()).isZero();
        }
    }

    private static void print(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("  %s: p50 %.1f us, p90 %.1f us, p99 %.1f us, max %.1f us%n", what,
                percentile(sorted, 50) / 1e3, percentile(sorted, 90) / 1e3, percentile(sorted, 99) / 1e3,
                sorted[sorted.length - 1] / 1e3);
    }

    private static long percentile(long[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * percent / 100.0) - 1)];
    }
}
