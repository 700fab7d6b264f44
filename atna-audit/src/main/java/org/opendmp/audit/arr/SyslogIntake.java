package org.opendmp.audit.arr;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every listener does with what it read: a message is parsed (syslog header, then the DICOM XML)
 * and queued for storage; anything refused is counted by reason, logged without its content (at most
 * one line per reason and second) and queued as a {@link Reject} holding its first bytes (at most
 * {@code rejectsPerSecond} a second are kept; the others are only counted). TLS frames are parsed on
 * a small pool ({@link #parseLater}) so that one busy connection uses more than one core.
 */
final class SyslogIntake {

    private static final Logger LOG = LoggerFactory.getLogger(SyslogIntake.class);

    private final AuditMessageReader reader;
    private final AuditWriter writer;
    private final ArrCounters counters;
    private final int keptBytes;
    private final int rejectsPerSecond;
    private final Clock clock;
    private final RateLimitedLog log = new RateLimitedLog(LOG);
    private final ThreadPoolExecutor parsers;
    private long rejectSecond;
    private int rejectsThisSecond;

    SyslogIntake(AuditMessageReader reader, AuditWriter writer, ArrCounters counters, int keptBytes,
                 int rejectsPerSecond, Clock clock) {
        this.reader = reader;
        this.writer = writer;
        this.counters = counters;
        this.keptBytes = keptBytes;
        this.rejectsPerSecond = rejectsPerSecond;
        this.clock = clock;
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        AtomicInteger count = new AtomicInteger();
        this.parsers = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(64 * threads),
                task -> {
                    Thread thread = new Thread(task, "arr-parse-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        this.parsers.allowCoreThreadTimeOut(true);
    }

    /**
     * {@link #message} on the parse pool; when the pool is busy and its queue full, on the calling
     * thread (the listener then reads nothing more meanwhile: backpressure).
     */
    void parseLater(byte[] frame, Transport transport, String sender) {
        parsers.execute(() -> {
            try {
                message(frame, 0, frame.length, transport, sender);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Parses what was handed to {@link #parseLater} (waiting up to 10 s), then stops the pool. */
    void close() {
        parsers.shutdown();
        try {
            if (!parsers.awaitTermination(10, TimeUnit.SECONDS)) {
                parsers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One syslog message, {@code buffer[offset, offset + length)}; the buffer may be reused once this returns. */
    void message(byte[] buffer, int offset, int length, Transport transport, String sender) throws InterruptedException {
        counters.countReceived(transport);
        Instant now = clock.instant();
        try {
            SyslogMessage syslog = SyslogParser.parse(buffer, offset, length);
            AuditRecord record = reader.read(buffer, syslog.msgOffset(), syslog.msgLength());
            String xml = new String(buffer, syslog.msgOffset(), syslog.msgLength(), StandardCharsets.UTF_8);
            writer.submit(new ReceivedMessage(syslog, record, xml, transport, sender, now));
        } catch (MessageRejected rejected) {
            reject(rejected.reason(), rejected.getMessage(), buffer, offset, length, length, transport, sender);
        }
    }

    /**
     * Something refused before it could be read as a message (framing, truncation, size).
     *
     * @param available how many bytes of it are in {@code buffer} from {@code offset}
     * @param size      its announced or received size
     */
    void refused(RejectReason reason, String detail, byte[] buffer, int offset, int available, long size,
                 Transport transport, String sender) throws InterruptedException {
        counters.countReceived(transport);
        reject(reason, detail, buffer, offset, available, size, transport, sender);
    }

    private void reject(RejectReason reason, String detail, byte[] buffer, int offset, int available, long size,
                        Transport transport, String sender) throws InterruptedException {
        counters.countRejected(transport, reason);
        log.warn(reason.name() + transport, "ARR rejected a message (" + reason.tag() + ": " + detail + ") over "
                + transport.tag() + " from " + sender + ", " + size + " bytes");
        if (!keep()) {
            counters.rejectNotKept();
            return;
        }
        byte[] kept = Arrays.copyOfRange(buffer, offset, offset + Math.min(available, keptBytes));
        writer.submit(new Reject(reason, detail, transport, sender, clock.instant(), size, kept));
    }

    private synchronized boolean keep() {
        long second = System.nanoTime() / 1_000_000_000L;
        if (second != rejectSecond) {
            rejectSecond = second;
            rejectsThisSecond = 0;
        }
        return rejectsThisSecond++ < rejectsPerSecond;
    }
}
