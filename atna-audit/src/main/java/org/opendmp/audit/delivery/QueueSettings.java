package org.opendmp.audit.delivery;

import java.time.Duration;
import java.util.Objects;

/**
 * How the journal behaves.
 *
 * @param segmentBytes the size at which a journal file is closed and a new one started; delivered files are deleted
 * @param maxBytes     the most the journal may hold on disk; further events are refused (and counted as lost)
 * @param sync         when {@link DurableAuditQueue#append} returns
 * @param syncTimeout  with {@link Sync#FSYNC}, the longest an append waits for the fsync
 */
public record QueueSettings(long segmentBytes, long maxBytes, Sync sync, Duration syncTimeout) {

    /** When an append returns to the caller. */
    public enum Sync {
        /**
         * Once the record is written to the file (in the operating system's page cache): it survives the death
         * of the process (kill -9 included); a background thread fsyncs continuously, so an operating system
         * crash or power loss can lose what was appended during the last fsync (about a millisecond of
         * events on a local SSD). The default.
         */
        WRITE,
        /**
         * Once the record is fsynced (group commit: one fsync covers every record written meanwhile): it also
         * survives power loss, at the cost of an fsync's latency on every caller (bounded by {@code syncTimeout}).
         */
        FSYNC
    }

    public QueueSettings {
        Objects.requireNonNull(sync, "sync");
        Objects.requireNonNull(syncTimeout, "syncTimeout");
        if (segmentBytes < 4096) {
            throw new IllegalArgumentException("segmentBytes must be at least 4096");
        }
        if (maxBytes < segmentBytes) {
            throw new IllegalArgumentException("maxBytes must be at least segmentBytes");
        }
    }

    /** 16 MiB files, at most 1 GiB on disk (several hundred thousand events), {@link Sync#WRITE}. */
    public static QueueSettings defaults() {
        return new QueueSettings(16L << 20, 1L << 30, Sync.WRITE, Duration.ofSeconds(1));
    }

    public QueueSettings withSync(Sync value) {
        return new QueueSettings(segmentBytes, maxBytes, value, syncTimeout);
    }

    public QueueSettings withSizes(long segment, long max) {
        return new QueueSettings(segment, max, sync, syncTimeout);
    }
}
