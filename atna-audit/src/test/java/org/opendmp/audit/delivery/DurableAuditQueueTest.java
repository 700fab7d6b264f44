package org.opendmp.audit.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableAuditQueueTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @Test
    void appendedEventsAreReadInOrderOnceDurable() throws IOException {
        try (DurableAuditQueue queue = open(QueueSettings.defaults())) {
            long first = queue.append(payload(1));
            long second = queue.append(payload(2));

            assertThat(first).isEqualTo(1);
            assertThat(second).isEqualTo(2);
            assertThat(queue.awaitDurable(2, WAIT)).isTrue();
            assertThat(texts(readAll(queue, 1))).containsExactly("event-1", "event-2");
            assertThat(queue.depth()).isEqualTo(2);
        }
    }

    @Test
    void acknowledgedEventsAreNotReadAgainAfterReopeningAndTheOthersAre() throws IOException {
        String journalId;
        try (DurableAuditQueue queue = open(QueueSettings.defaults())) {
            journalId = queue.journalId();
            for (int i = 1; i <= 5; i++) {
                queue.append(payload(i));
            }
            queue.awaitDurable(5, WAIT);
            queue.acknowledge(3);
        }
        try (DurableAuditQueue queue = open(QueueSettings.defaults())) {
            assertThat(queue.journalId()).isEqualTo(journalId).matches("[0-9a-f]{16}");
            assertThat(queue.acknowledged()).isEqualTo(3);
            assertThat(queue.depth()).isEqualTo(2);
            assertThat(texts(readAll(queue, queue.acknowledged() + 1))).containsExactly("event-4", "event-5");
            assertThat(queue.append(payload(6))).isEqualTo(6);
        }
    }

    @Test
    void anIncompleteRecordAtTheEndIsCutOffAndAppendsGoOn() throws IOException {
        try (DurableAuditQueue queue = open(QueueSettings.defaults())) {
            for (int i = 1; i <= 3; i++) {
                queue.append(payload(i));
            }
        }
        // a write cut by a crash: the header of record 4 announcing 1000 bytes, and only 10 of them
        ByteBuffer torn = ByteBuffer.allocate(JournalRecord.HEADER_BYTES + 10).putInt(1000).putLong(4).putLong(0);
        appendBytes(lastSegment(), torn.array());
        long sizeWithTornRecord = Files.size(lastSegment());

        try (DurableAuditQueue queue = open(QueueSettings.defaults())) {
            assertThat(Files.size(lastSegment())).isLessThan(sizeWithTornRecord);
            assertThat(queue.lastAppended()).isEqualTo(3);
            assertThat(queue.append(payload(4))).isEqualTo(4);
        }
        try (DurableAuditQueue queue = open(QueueSettings.defaults())) {
            assertThat(texts(readAll(queue, 1))).containsExactly("event-1", "event-2", "event-3", "event-4");
        }
    }

    @Test
    void aLastRecordWithAWrongChecksumIsCutOff() throws IOException {
        try (DurableAuditQueue queue = open(QueueSettings.defaults())) {
            for (int i = 1; i <= 3; i++) {
                queue.append(payload(i));
            }
        }
        Path segment = lastSegment();
        long lastRecordPayload = Files.size(segment) - JournalRecord.TRAILER_BYTES - 2;
        flipByte(segment, lastRecordPayload);

        try (DurableAuditQueue queue = open(QueueSettings.defaults())) {
            assertThat(queue.lastAppended()).isEqualTo(2);
            assertThat(queue.append(payload(30))).isEqualTo(3);
            queue.awaitDurable(3, WAIT);
            assertThat(texts(readAll(queue, 1))).containsExactly("event-1", "event-2", "event-30");
        }
    }

    @Test
    void concurrentAppendsGetDistinctConsecutiveSequences() throws Exception {
        int threads = 8;
        int perThread = 250;
        ConcurrentLinkedQueue<Long> sequences = new ConcurrentLinkedQueue<>();
        try (DurableAuditQueue queue = open(QueueSettings.defaults().withSizes(64 * 1024, 1L << 30))) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        sequences.add(queue.append(("t" + thread + "-" + i).getBytes(StandardCharsets.UTF_8)));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();

            int total = threads * perThread;
            assertThat(new HashSet<>(sequences)).hasSize(total);
            assertThat(sequences.stream().mapToLong(Long::longValue).max().getAsLong()).isEqualTo(total);
            assertThat(queue.awaitDurable(total, WAIT)).isTrue();
            List<QueuedEvent> events = readAll(queue, 1);
            assertThat(events).hasSize(total);
            Set<String> payloads = new HashSet<>(texts(events));
            assertThat(payloads).hasSize(total).contains("t0-0", "t7-249");
            for (int i = 0; i < total; i++) {
                assertThat(events.get(i).sequence()).isEqualTo(i + 1);
            }
        }
    }

    @Test
    void filesRollAndFilesWhollyDeliveredAreDeleted() throws IOException {
        QueueSettings small = QueueSettings.defaults().withSizes(4096, 1L << 20);
        try (DurableAuditQueue queue = open(small)) {
            for (int i = 1; i <= 20; i++) {
                queue.append(bigPayload(i, 1000)); // four records per file
            }
            queue.awaitDurable(20, WAIT);
            assertThat(segments()).hasSize(5);
            long before = queue.diskBytes();

            queue.acknowledge(10);

            assertThat(segments()).hasSize(3); // 9-12, 13-16, 17-20: the file of 9-12 still holds 11 and 12
            assertThat(queue.diskBytes()).isLessThan(before).isEqualTo(totalSize(segments()));
            assertThat(readAll(queue, 11)).extracting(QueuedEvent::sequence).containsExactly(
                    11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L, 20L);
            queue.acknowledge(20);
            assertThat(segments()).hasSize(1); // the active file stays
        }
        try (DurableAuditQueue queue = open(small)) {
            assertThat(queue.depth()).isZero();
            assertThat(queue.append(payload(21))).isEqualTo(21);
        }
    }

    @Test
    void aFullJournalRefusesEventsUntilDeliveredFilesAreDeleted() throws IOException {
        try (DurableAuditQueue queue = open(QueueSettings.defaults().withSizes(4096, 8192))) {
            long last = 0;
            for (int i = 1; i <= 8; i++) {
                last = queue.append(bigPayload(i, 1000));
            }
            long appended = queue.lastAppended();

            assertThatThrownBy(() -> queue.append(bigPayload(9, 1000))).isInstanceOf(QueueFullException.class);
            assertThat(queue.lastAppended()).isEqualTo(appended).isEqualTo(last);

            queue.awaitDurable(last, WAIT);
            queue.acknowledge(last);
            assertThat(queue.append(bigPayload(9, 1000))).isEqualTo(last + 1);
        }
    }

    @Test
    void aSecondQueueOnTheSameDirectoryIsRefused() throws IOException {
        try (DurableAuditQueue queue = open(QueueSettings.defaults())) {
            assertThatThrownBy(() -> open(QueueSettings.defaults())).isInstanceOf(IOException.class)
                    .hasMessageContaining("in use");
        }
        open(QueueSettings.defaults()).close();
    }

    @Test
    void withFsyncAnAppendReturnsOnceTheEventIsDurable() throws IOException {
        try (DurableAuditQueue queue = open(QueueSettings.defaults().withSync(QueueSettings.Sync.FSYNC))) {
            for (int i = 1; i <= 20; i++) {
                long sequence = queue.append(payload(i));
                assertThat(queue.lastDurable()).isGreaterThanOrEqualTo(sequence);
            }
        }
    }

    @Test
    void aCursorWaitsForTheNextEvent() throws Exception {
        try (DurableAuditQueue queue = open(QueueSettings.defaults());
             DurableAuditQueue.Cursor cursor = queue.cursor(1)) {
            assertThat(cursor.next(10, Long.MAX_VALUE, Duration.ofMillis(50))).isEmpty();
            Thread writer = new Thread(() -> {
                try {
                    Thread.sleep(200);
                    queue.append(payload(1));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            writer.start();

            List<QueuedEvent> events = cursor.next(10, Long.MAX_VALUE, WAIT);

            assertThat(texts(events)).containsExactly("event-1");
            assertThat(cursor.nextSequence()).isEqualTo(2);
            writer.join();
        }
    }

    @Test
    void anUnreadableRecordInAnOlderFileLosesTheRestOfThatFileOnlyAndIsCounted() throws IOException {
        AuditCounters counters = new AuditCounters();
        try (DurableAuditQueue queue = DurableAuditQueue.open(dir, QueueSettings.defaults().withSizes(4096, 1L << 20),
                counters)) {
            for (int i = 1; i <= 12; i++) {
                queue.append(bigPayload(i, 1000));
            }
            queue.awaitDurable(12, WAIT);
            Path first = segments().get(0); // events 1 to 4
            flipByte(first, JournalRecord.size(1000) + JournalRecord.HEADER_BYTES + 10); // inside event 2

            List<QueuedEvent> events = readAll(queue, 1);

            assertThat(events).extracting(QueuedEvent::sequence).containsExactly(1L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
            assertThat(counters.lost(AuditMetrics.Loss.CORRUPT)).isEqualTo(3);
        }
    }

    @Test
    void sequencesAreNeverReusedEvenIfTheJournalLostWhatWasAcknowledged() throws IOException {
        try (DurableAuditQueue queue = open(QueueSettings.defaults())) {
            for (int i = 1; i <= 5; i++) {
                queue.append(payload(i));
            }
            queue.awaitDurable(5, WAIT);
            queue.acknowledge(5);
        }
        for (Path segment : segments()) {
            Files.delete(segment); // as after a disk failure
        }
        try (DurableAuditQueue queue = open(QueueSettings.defaults())) {
            assertThat(queue.append(payload(6))).isEqualTo(6);
        }
    }

    // ---------------------------------------------------------------------------------------------------

    private DurableAuditQueue open(QueueSettings settings) throws IOException {
        return DurableAuditQueue.open(dir, settings, AuditMetrics.NONE);
    }

    static byte[] payload(int i) {
        return ("event-" + i).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bigPayload(int i, int size) {
        byte[] bytes = new byte[size];
        byte[] label = payload(i);
        System.arraycopy(label, 0, bytes, 0, label.length);
        return bytes;
    }

    static List<QueuedEvent> readAll(DurableAuditQueue queue, long from) throws IOException {
        List<QueuedEvent> events = new ArrayList<>();
        try (DurableAuditQueue.Cursor cursor = queue.cursor(from)) {
            List<QueuedEvent> batch;
            while (!(batch = cursor.next(100, Long.MAX_VALUE, Duration.ofMillis(50))).isEmpty()) {
                events.addAll(batch);
            }
        }
        return events;
    }

    static List<String> texts(List<QueuedEvent> events) {
        return events.stream().map(event -> new String(event.payload(), StandardCharsets.UTF_8).trim()
                .replace("\0", "")).toList();
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().startsWith("segment-")).sorted().toList();
        }
    }

    private Path lastSegment() throws IOException {
        List<Path> segments = segments();
        return segments.get(segments.size() - 1);
    }

    private static long totalSize(List<Path> files) throws IOException {
        long total = 0;
        for (Path file : files) {
            total += Files.size(file);
        }
        return total;
    }

    private static void appendBytes(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes, StandardOpenOption.APPEND);
    }

    private static void flipByte(Path file, long position) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, position);
            one.put(0, (byte) (one.get(0) ^ 0x5A)).rewind();
            channel.write(one, position);
        }
    }
}
