package org.opendmp.audit.delivery;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the journal to the ARR, in order, at least once, on its own thread; clinical threads never wait for
 * it.
 *
 * <p>Syslog has no acknowledgement, and TCP accepts bytes into buffers that a failing ARR may never read. So
 * over TLS an event is acknowledged in the journal only once it was flushed {@link DeliverySettings#settleTime()}
 * ago on a connection that has not failed since; when a connection fails, everything not yet acknowledged is
 * sent again on the next one. An event can therefore reach the ARR twice, with the same (HOSTNAME, APP-NAME,
 * PROCID, sequenceId) and the same bytes (see {@link SyslogFormat}): the ARR drops the second. On shutdown the
 * connection is closed with TLS close_notify; if the ARR answers with its own, it has read everything and the
 * unsettled events are acknowledged too.
 *
 * <p>While the ARR is unreachable the delivery retries forever, waiting from {@link
 * DeliverySettings#initialBackoff()} up to {@link DeliverySettings#maxBackoff()} between attempts; the journal
 * keeps the events meanwhile.
 */
public final class AuditDelivery implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditDelivery.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);

    private final DurableAuditQueue queue;
    private final SyslogSender sender;
    private final SyslogFormat format;
    private final DeliverySettings settings;
    private final AuditMetrics metrics;
    private final Thread thread;
    private final Object monitor = new Object();
    private volatile boolean running;

    /** Batches flushed and not yet acknowledged, oldest first. */
    private final Deque<Sent> unsettled = new ArrayDeque<>();
    private long failuresInARow;

    private record Sent(long lastSequence, int events, long flushedAtNanos) {
    }

    public AuditDelivery(DurableAuditQueue queue, SyslogSender sender, SyslogFormat format, DeliverySettings settings,
            AuditMetrics metrics) {
        this.queue = queue;
        this.sender = sender;
        this.format = format;
        this.settings = sender.buffered() ? settings : settings.withSettleTime(Duration.ZERO);
        this.metrics = metrics == null ? AuditMetrics.NONE : metrics;
        this.thread = new Thread(this::run, "audit-delivery");
        thread.setDaemon(true);
    }

    /** Starts sending. */
    public void start() {
        running = true;
        thread.start();
    }

    /** Waits until every event up to {@code sequence} is acknowledged; whether it is. */
    public boolean awaitDelivered(long sequence, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            while (queue.acknowledged() < sequence) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(monitor, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return queue.acknowledged() >= sequence;
                }
            }
            return true;
        }
    }

    /** Stops sending; closes the connection gracefully (see above). */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(CLOSE_TIMEOUT.toMillis() * 3);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sender.close();
    }

    private void run() {
        DurableAuditQueue.Cursor cursor = queue.cursor(queue.acknowledged() + 1);
        Duration backoff = settings.initialBackoff();
        while (running) {
            try {
                List<QueuedEvent> events = cursor.next(settings.batchEvents(), settings.batchBytes(),
                        settings.pollWait());
                if (!events.isEmpty()) {
                    send(events);
                }
                settle(false);
                if (failuresInARow > 0 && !events.isEmpty()) {
                    LOG.info("Audit delivery ({}) works again after {} failed attempts", sender, failuresInARow);
                    failuresInARow = 0;
                }
                backoff = settings.initialBackoff();
            } catch (IOException | RuntimeException e) {
                if (!running) {
                    break;
                }
                failed(e);
                unsettled.clear();
                cursor = reopen(cursor);
                sleep(jitter(backoff));
                backoff = min(backoff.multipliedBy(2), settings.maxBackoff());
            }
        }
        Thread.interrupted();
        if (!unsettled.isEmpty() && sender.closeGracefully(CLOSE_TIMEOUT)) {
            try {
                settle(true);
            } catch (IOException e) {
                // settle(true) checks nothing
            }
        }
        sender.close();
        close(cursor);
    }

    private void send(List<QueuedEvent> events) throws IOException {
        List<byte[]> messages = new ArrayList<>(events.size());
        for (QueuedEvent event : events) {
            byte[] message = format.message(event);
            if (message.length > sender.maxMessageBytes()) {
                LOG.warn("Audit event {} ({} bytes) is larger than {} carries ({} bytes): not sent", event.sequence(),
                        message.length, sender, sender.maxMessageBytes());
                metrics.lost(1, AuditMetrics.Loss.OVERSIZED);
            } else {
                messages.add(message);
            }
        }
        if (!messages.isEmpty()) {
            sender.send(messages);
        }
        unsettled.add(new Sent(events.get(events.size() - 1).sequence(), messages.size(), System.nanoTime()));
    }

    /**
     * Acknowledges the batches flushed at least the settle time ago (or all of them), once the connection was
     * checked to still stand.
     */
    private void settle(boolean all) throws IOException {
        long now = System.nanoTime();
        if (!all && (unsettled.isEmpty()
                || now - unsettled.peekFirst().flushedAtNanos() < settings.settleTime().toNanos())) {
            return;
        }
        if (!all && sender.buffered()) {
            sender.checkAlive();
        }
        long last = 0;
        int delivered = 0;
        while (!unsettled.isEmpty()
                && (all || now - unsettled.peekFirst().flushedAtNanos() >= settings.settleTime().toNanos())) {
            Sent sent = unsettled.pollFirst();
            last = sent.lastSequence();
            delivered += sent.events();
        }
        if (last == 0) {
            return;
        }
        try {
            queue.acknowledge(last);
        } catch (IOException e) {
            LOG.warn("Audit delivery: could not record the delivered position ({}); those events may be sent again",
                    e.toString());
        }
        metrics.delivered(delivered);
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    private void failed(Exception e) {
        metrics.deliveryFailed();
        sender.close();
        if (failuresInARow++ == 0) {
            LOG.warn("Audit delivery ({}) failed: {}; {} events wait in the journal, retrying", sender, e.toString(),
                    queue.depth());
        } else {
            LOG.debug("Audit delivery ({}) failed again: {}", sender, e.toString());
        }
    }

    private DurableAuditQueue.Cursor reopen(DurableAuditQueue.Cursor cursor) {
        close(cursor);
        return queue.cursor(queue.acknowledged() + 1);
    }

    private static void close(DurableAuditQueue.Cursor cursor) {
        try {
            cursor.close();
        } catch (IOException e) {
            // read-only file
        }
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Duration jitter(Duration duration) {
        long millis = duration.toMillis();
        return Duration.ofMillis(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
