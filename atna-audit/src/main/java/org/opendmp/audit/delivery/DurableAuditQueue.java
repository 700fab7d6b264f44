package org.opendmp.audit.delivery;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local queue of audit events: an append-only journal in a directory, which survives ARR outages,
 * restarts and kill -9, read in order by the delivery.
 *
 * <p>The journal is a series of files {@code segment-<first sequence>.log} holding checksummed records
 * ({@link JournalRecord}), each event numbered by a sequence that grows by one and is never reused by this
 * journal. {@link #append} writes the record before it returns (see {@link QueueSettings.Sync} for when it is
 * also fsynced); a background thread fsyncs continuously, and only fsynced records are handed to readers, so
 * an event is never delivered and then lost by a power failure. The delivery {@linkplain #acknowledge
 * acknowledges} what it delivered: the position is kept in {@code delivered.offset} (written atomically) and
 * files wholly delivered are deleted. On open, the end of the last file is checked and an incomplete record
 * (a write cut by a crash) is cut off.
 *
 * <p>{@code journal.id} holds a random id made when the journal is created: with the sequence it makes each
 * event unique for the ARR (see {@link SyslogFormat}). {@code journal.lock} keeps a second process out.
 * Appends are thread-safe; one reader (the delivery) reads and acknowledges.
 */
public final class DurableAuditQueue implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DurableAuditQueue.class);

    static final String JOURNAL_ID_FILE = "journal.id";
    static final String OFFSET_FILE = "delivered.offset";
    static final String LOCK_FILE = "journal.lock";
    private static final Pattern SEGMENT = Pattern.compile("segment-(\\d{20})\\.log");
    private static final Pattern JOURNAL_ID = Pattern.compile("[0-9a-f]{16}");

    private final Path directory;
    private final QueueSettings settings;
    private final AuditMetrics metrics;
    private final FileChannel lockChannel;
    private final FileLock fileLock;
    private final String journalId;

    /** Journal files by first sequence; the last one is the active file. */
    private final ConcurrentSkipListMap<Long, Path> segments = new ConcurrentSkipListMap<>();
    private final AtomicLong diskBytes = new AtomicLong();

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition unsynced = lock.newCondition();
    private final Condition durableAdvanced = lock.newCondition();
    // guarded by lock
    private FileChannel active;
    private long activeFirst;
    private long activeSize;
    private boolean closed;
    // written under lock, read anywhere
    private volatile long written;
    private volatile long durable;
    private volatile long acknowledged;

    private final Object ackLock = new Object();
    private final Thread syncer;

    private DurableAuditQueue(Path directory, QueueSettings settings, AuditMetrics metrics) throws IOException {
        this.directory = directory;
        this.settings = settings;
        this.metrics = metrics;
        Files.createDirectories(directory);
        this.lockChannel = FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock acquired;
        try {
            acquired = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            acquired = null;
        }
        if (acquired == null) {
            lockChannel.close();
            throw new IOException("The audit journal " + directory + " is in use by another queue");
        }
        this.fileLock = acquired;
        try {
            this.journalId = readOrCreateJournalId();
            recover();
        } catch (IOException | RuntimeException e) {
            fileLock.release();
            lockChannel.close();
            throw e;
        }
        this.syncer = new Thread(this::syncLoop, "audit-journal-sync");
        syncer.setDaemon(true);
        syncer.start();
    }

    /** Opens (or creates) the journal in {@code directory}, recovering it after a crash. */
    public static DurableAuditQueue open(Path directory, QueueSettings settings, AuditMetrics metrics)
            throws IOException {
        return new DurableAuditQueue(directory.toAbsolutePath().normalize(), settings,
                metrics == null ? AuditMetrics.NONE : metrics);
    }

    /**
     * Writes an event at the end of the journal and returns its sequence. With {@link QueueSettings.Sync#FSYNC}
     * it also waits (at most {@link QueueSettings#syncTimeout()}) for the fsync.
     *
     * @throws QueueFullException if the journal holds {@link QueueSettings#maxBytes()} already
     * @throws IOException        if the write failed (nothing is appended then)
     */
    public long append(byte[] payload) throws IOException {
        return appendAll(List.of(payload));
    }

    /**
     * Writes events at the end of the journal, in order; returns the sequence of the last one. When the journal
     * is full none is written.
     *
     * @throws QueueFullException if they do not all fit under {@link QueueSettings#maxBytes()}
     * @throws IOException        if a write failed: the events before the failing one stay written
     */
    public long appendAll(List<byte[]> payloads) throws IOException {
        long total = 0;
        for (byte[] payload : payloads) {
            if (payload.length > JournalRecord.MAX_PAYLOAD) {
                throw new IOException("Audit event of " + payload.length + " bytes exceeds the journal's limit");
            }
            total += JournalRecord.size(payload.length);
        }
        long sequence;
        lock.lock();
        try {
            if (closed) {
                throw new IOException("The audit journal is closed");
            }
            if (diskBytes.get() + total > settings.maxBytes()) {
                throw new QueueFullException("The audit journal holds " + diskBytes.get() + " bytes, its limit is "
                        + settings.maxBytes());
            }
            sequence = written;
            try {
                for (byte[] payload : payloads) {
                    int size = JournalRecord.size(payload.length);
                    if (activeSize > 0 && activeSize + size > settings.segmentBytes()) {
                        roll();
                    }
                    JournalRecord.writeFully(active,
                            JournalRecord.encode(sequence + 1, System.currentTimeMillis(), payload), activeSize);
                    sequence++;
                    activeSize += size;
                    diskBytes.addAndGet(size);
                    written = sequence;
                }
            } catch (IOException e) {
                discardPartialWrite();
                unsynced.signal();
                throw e;
            }
            unsynced.signal();
        } finally {
            lock.unlock();
        }
        if (settings.sync() == QueueSettings.Sync.FSYNC) {
            awaitDurable(sequence, settings.syncTimeout());
        }
        return sequence;
    }

    /**
     * Reads the journal from {@code fromSequence} on (or from its first event, when the journal no longer
     * holds that one).
     */
    public Cursor cursor(long fromSequence) {
        return new Cursor(fromSequence);
    }

    /**
     * Records that every event up to {@code sequence} was delivered: the next {@link #cursor} after a restart
     * starts after it, and journal files wholly delivered are deleted.
     */
    public void acknowledge(long sequence) throws IOException {
        synchronized (ackLock) {
            if (sequence <= acknowledged) {
                return;
            }
            if (sequence > durable) {
                throw new IllegalArgumentException("Cannot acknowledge " + sequence + " beyond the journal's end "
                        + durable);
            }
            writeOffset(sequence);
            acknowledged = sequence;
            deleteDelivered();
        }
    }

    /** Waits until the event {@code sequence} is fsynced; whether it is. */
    public boolean awaitDurable(long sequence, Duration timeout) {
        if (durable >= sequence) {
            return true;
        }
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (durable < sequence && nanos > 0 && !closed) {
                nanos = durableAdvanced.awaitNanos(nanos);
            }
            return durable >= sequence;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return durable >= sequence;
        } finally {
            lock.unlock();
        }
    }

    /** The random id of this journal, made when it was created (16 hexadecimal digits). */
    public String journalId() {
        return journalId;
    }

    /** The sequence of the last event appended (0 when none ever was). */
    public long lastAppended() {
        return written;
    }

    /** The sequence of the last event fsynced. */
    public long lastDurable() {
        return durable;
    }

    /** The sequence of the last event delivered. */
    public long acknowledged() {
        return acknowledged;
    }

    /** Events appended and not yet delivered. */
    public long depth() {
        return Math.max(0, written - acknowledged);
    }

    /** Bytes the journal files take on disk. */
    public long diskBytes() {
        return diskBytes.get();
    }

    /** The journal's directory. */
    public Path directory() {
        return directory;
    }

    /** Fsyncs what was appended, stops the background thread and releases the journal. */
    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            unsynced.signalAll();
            durableAdvanced.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            syncer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lock.lock();
        try {
            active.force(false);
            durable = written;
        } finally {
            active.close();
            lock.unlock();
            fileLock.release();
            lockChannel.close();
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // Writing

    /** Fsyncs continuously: each pass covers everything written before it started (group commit). */
    private void syncLoop() {
        while (true) {
            FileChannel channel;
            long target;
            lock.lock();
            try {
                while (!closed && written == durable) {
                    unsynced.awaitUninterruptibly();
                }
                if (closed) {
                    return;
                }
                channel = active;
                target = written;
            } finally {
                lock.unlock();
            }
            try {
                channel.force(false);
            } catch (ClosedChannelException e) {
                continue; // the file was rolled (and fsynced by the roll) or the journal closed
            } catch (IOException e) {
                LOG.error("Audit journal: fsync failed ({}); retrying", e.toString());
                sleepQuietly(100);
                continue;
            }
            lock.lock();
            try {
                if (target > durable) {
                    durable = target;
                }
                durableAdvanced.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Closes the active file (fsynced) and starts the next one. Holds the lock. */
    private void roll() throws IOException {
        FileChannel previous = active;
        previous.force(false);
        if (previous.size() > activeSize) {
            previous.truncate(activeSize);
        }
        durable = written;
        durableAdvanced.signalAll();
        openSegment(written + 1); // if this fails, the previous file stays active and grows past its size
        previous.close();
    }

    /** Creates (or empties) the file of a new segment starting at {@code first} and makes it active. Holds the lock. */
    private void openSegment(long first) throws IOException {
        Path file = directory.resolve(segmentName(first));
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        long stale = channel.size();
        if (stale > 0) {
            channel.truncate(0);
            diskBytes.addAndGet(-stale);
        }
        fsyncDirectory();
        segments.put(first, file);
        active = channel;
        activeFirst = first;
        activeSize = 0;
    }

    /** After a failed write: cut what part of the record reached the file, so the next append starts clean. */
    private void discardPartialWrite() {
        try {
            if (active.size() > activeSize) {
                active.truncate(activeSize);
            }
        } catch (IOException e) {
            LOG.warn("Audit journal: could not cut a partial write ({}); it is cut when the journal is reopened",
                    e.toString());
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // Opening

    private void recover() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            files.forEach(file -> {
                Matcher matcher = SEGMENT.matcher(file.getFileName().toString());
                if (matcher.matches()) {
                    segments.put(Long.parseLong(matcher.group(1)), file);
                }
            });
        }
        acknowledged = readOffset();
        long last = acknowledged;
        if (!segments.isEmpty()) {
            Map.Entry<Long, Path> lastSegment = segments.lastEntry();
            last = repairEnd(lastSegment.getKey(), lastSegment.getValue());
        }
        for (Path file : segments.values()) {
            diskBytes.addAndGet(Files.size(file));
        }
        long next = Math.max(last, acknowledged) + 1;
        lock.lock();
        try {
            if (!segments.isEmpty() && next == last + 1) {
                Map.Entry<Long, Path> lastSegment = segments.lastEntry();
                active = FileChannel.open(lastSegment.getValue(), StandardOpenOption.READ, StandardOpenOption.WRITE);
                activeFirst = lastSegment.getKey();
                activeSize = active.size();
            } else {
                openSegment(next);
            }
            written = next - 1;
            durable = next - 1;
        } finally {
            lock.unlock();
        }
        deleteDelivered();
        if (written > acknowledged) {
            LOG.info("Audit journal {}: {} events to deliver", directory, written - acknowledged);
        }
    }

    /**
     * Checks the records of the last file and cuts off an incomplete or corrupt end; returns the sequence of its
     * last valid record ({@code first - 1} when it holds none).
     */
    private long repairEnd(long first, Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            long position = 0;
            long expected = first;
            QueuedEvent event;
            while ((event = JournalRecord.read(channel, position, size, expected)) != null) {
                position += JournalRecord.size(event.payload().length);
                expected++;
            }
            if (position < size) {
                LOG.warn("Audit journal {}: cut {} bytes of an incomplete record at the end of {} (a write "
                        + "interrupted by a crash)", directory, size - position, file.getFileName());
                channel.truncate(position);
                channel.force(true);
            }
            return expected - 1;
        }
    }

    private String readOrCreateJournalId() throws IOException {
        Path file = directory.resolve(JOURNAL_ID_FILE);
        if (Files.exists(file)) {
            String id = Files.readString(file, StandardCharsets.US_ASCII).trim();
            if (JOURNAL_ID.matcher(id).matches()) {
                return id;
            }
            LOG.warn("Audit journal {}: unreadable {}, a new journal id is made", directory, JOURNAL_ID_FILE);
        }
        byte[] random = new byte[8];
        new SecureRandom().nextBytes(random);
        String id = HexFormat.of().formatHex(random);
        writeAtomically(file, (id + "\n").getBytes(StandardCharsets.US_ASCII));
        return id;
    }

    // ---------------------------------------------------------------------------------------------------
    // Acknowledgement

    private long readOffset() throws IOException {
        Path file = directory.resolve(OFFSET_FILE);
        if (!Files.exists(file)) {
            return 0;
        }
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length == 12) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            long sequence = buffer.getLong();
            CRC32C crc = new CRC32C();
            crc.update(bytes, 0, 8);
            if ((int) crc.getValue() == buffer.getInt() && sequence >= 0) {
                return sequence;
            }
        }
        LOG.warn("Audit journal {}: unreadable {}; the journal is delivered again from its start (the ARR drops "
                + "the duplicates)", directory, OFFSET_FILE);
        return 0;
    }

    private void writeOffset(long sequence) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(12).putLong(sequence);
        CRC32C crc = new CRC32C();
        crc.update(buffer.array(), 0, 8);
        buffer.putInt((int) crc.getValue());
        writeAtomically(directory.resolve(OFFSET_FILE), buffer.array());
    }

    /** Deletes the files whose every event is delivered, the active file excepted. */
    private void deleteDelivered() {
        List<Path> delivered = new ArrayList<>();
        lock.lock();
        try {
            for (Map.Entry<Long, Path> entry : segments.entrySet()) {
                Long next = segments.higherKey(entry.getKey());
                if (next == null || entry.getKey() == activeFirst || next - 1 > acknowledged) {
                    break;
                }
                delivered.add(entry.getValue());
            }
            delivered.forEach(file -> segments.values().remove(file));
        } finally {
            lock.unlock();
        }
        for (Path file : delivered) {
            try {
                long size = Files.size(file);
                Files.delete(file);
                diskBytes.addAndGet(-size);
            } catch (NoSuchFileException e) {
                // already gone
            } catch (IOException e) {
                LOG.warn("Audit journal: could not delete the delivered file {} ({})", file.getFileName(),
                        e.toString());
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // Files

    static String segmentName(long first) {
        return String.format("segment-%020d.log", first);
    }

    private void writeAtomically(Path file, byte[] content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            JournalRecord.writeFully(channel, ByteBuffer.wrap(content), 0);
            channel.force(true);
        }
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
        fsyncDirectory();
    }

    /** Makes file creations, renames and deletions in the directory durable (where the platform allows it). */
    private void fsyncDirectory() {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some platforms cannot open or fsync a directory: their file system journals the metadata
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // Reading

    /**
     * Reads the journal's fsynced events in sequence order. Not thread-safe: one reader per cursor. A record
     * that cannot be read (disk corruption) ends its file: the events up to the next file are counted as lost.
     */
    public final class Cursor implements AutoCloseable {

        private long next;
        private long segmentFirst = -1;
        private FileChannel channel;
        private long position;
        private long size;

        private Cursor(long from) {
            this.next = Math.max(from, 1);
        }

        /** The sequence of the next event this cursor returns. */
        public long nextSequence() {
            return next;
        }

        /**
         * The next events, at most {@code maxEvents} (and about {@code maxBytes}), waiting up to {@code wait} for
         * the first one; an empty list if none came.
         */
        public List<QueuedEvent> next(int maxEvents, long maxBytes, Duration wait) throws IOException {
            if (!awaitDurable(next, wait)) {
                return List.of();
            }
            long end = durable;
            List<QueuedEvent> events = new ArrayList<>(Math.min(maxEvents, 256));
            long bytes = 0;
            while (events.size() < maxEvents && bytes < maxBytes && next <= end) {
                if (channel == null || position >= size && (size = channel.size()) <= position) {
                    if (!openSegmentOf(next)) {
                        break;
                    }
                }
                QueuedEvent event = JournalRecord.read(channel, position, size, next);
                if (event == null) {
                    skipCorruptRest();
                    continue;
                }
                events.add(event);
                position += JournalRecord.size(event.payload().length);
                bytes += event.payload().length;
                next++;
            }
            return events;
        }

        /** Positions the cursor on the record {@code sequence}, in whichever file holds it. */
        private boolean openSegmentOf(long sequence) throws IOException {
            while (true) {
                Long first = segments.floorKey(sequence);
                if (first == null) {
                    if (segments.isEmpty()) {
                        return false;
                    }
                    first = segments.firstKey(); // delivered and deleted: start with the oldest kept
                    next = first;
                    sequence = first;
                }
                if (first == segmentFirst && channel != null) {
                    return false; // this file ends before the event: it is not written yet
                }
                Path file = segments.get(first);
                if (file == null) {
                    continue;
                }
                FileChannel opened;
                try {
                    opened = FileChannel.open(file, StandardOpenOption.READ);
                } catch (NoSuchFileException e) {
                    continue; // deleted meanwhile
                }
                closeChannel();
                channel = opened;
                segmentFirst = first;
                size = channel.size();
                position = 0;
                for (long at = first; at < sequence; at++) {
                    QueuedEvent skipped = JournalRecord.read(channel, position, size, at);
                    if (skipped == null) {
                        skipCorruptRest();
                        return channel != null;
                    }
                    position += JournalRecord.size(skipped.payload().length);
                }
                return true;
            }
        }

        /** An unreadable record: the rest of its file is lost; go on with the next file. */
        private void skipCorruptRest() throws IOException {
            Long following = segments.higherKey(segmentFirst);
            if (following == null || following <= next) {
                throw new IOException("Audit journal: unreadable record " + next + " in "
                        + segmentName(segmentFirst));
            }
            long lost = following - next;
            LOG.error("Audit journal {}: unreadable record {} in {}; the {} events up to the next file are lost",
                    directory, next, segmentName(segmentFirst), lost);
            metrics.lost((int) Math.min(Integer.MAX_VALUE, lost), AuditMetrics.Loss.CORRUPT);
            next = following;
            closeChannel();
            openSegmentOf(next);
        }

        private void closeChannel() throws IOException {
            if (channel != null) {
                channel.close();
                channel = null;
                segmentFirst = -1;
            }
        }

        @Override
        public void close() throws IOException {
            closeChannel();
        }
    }
}
