package org.opendmp.audit.delivery;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import org.opendmp.audit.event.AuditEvents;
import org.opendmp.audit.event.AuditRecordInput;
import org.opendmp.audit.event.SecurityEvent;
import org.openehealth.ipf.commons.audit.model.AuditMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the server calls after each transaction: builds the audit message and writes it to the journal, on the
 * calling thread, in tens of microseconds (the write lands in the page cache; see {@link QueueSettings.Sync}).
 * It never throws and never fails the transaction: an event that cannot be built or written is counted as
 * lost ({@link AuditMetrics#lost}) and logged without patient data, and once the journal accepts events again
 * an Audit Recording Stopped alert tells the ARR how many were lost and when.
 */
public final class Auditor {

    private static final Logger LOG = LoggerFactory.getLogger(Auditor.class);

    private final AuditEvents events;
    private final DurableAuditQueue queue;
    private final AuditMetrics metrics;

    private final Object gapLock = new Object();
    private final AtomicLong lostSinceLastAppend = new AtomicLong();
    private volatile Instant firstLoss;
    private volatile Instant lastLoss;
    private volatile AuditMetrics.Loss lastLossReason;

    public Auditor(AuditEvents events, DurableAuditQueue queue, AuditMetrics metrics) {
        this.events = Objects.requireNonNull(events, "events");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.metrics = metrics == null ? AuditMetrics.NONE : metrics;
    }

    /** Audits a transaction. Never throws. */
    public void audit(AuditRecordInput input) {
        List<AuditMessage> messages;
        try {
            messages = events.messages(input);
        } catch (RuntimeException e) {
            lost(1, AuditMetrics.Loss.BUILD_FAILED, input == null ? "?" : input.transaction().code(), e);
            return;
        }
        for (AuditMessage message : messages) {
            append(message, input.transaction().code());
        }
    }

    /** Audits a security event. Never throws. */
    public void audit(SecurityEvent event) {
        AuditMessage message;
        try {
            message = events.message(event);
        } catch (RuntimeException e) {
            lost(1, AuditMetrics.Loss.BUILD_FAILED, event == null ? "?" : event.getClass().getSimpleName(), e);
            return;
        }
        append(message, event.getClass().getSimpleName());
    }

    private void append(AuditMessage message, String what) {
        byte[] xml;
        try {
            xml = AuditEvents.toXml(message);
        } catch (RuntimeException e) {
            lost(1, AuditMetrics.Loss.BUILD_FAILED, what, e);
            return;
        }
        try {
            if (lostSinceLastAppend.get() > 0) {
                appendWithGap(xml);
            } else {
                queue.append(xml);
                metrics.appended(1);
            }
        } catch (QueueFullException e) {
            lost(1, AuditMetrics.Loss.QUEUE_FULL, what, e);
        } catch (IOException | RuntimeException e) {
            lost(1, AuditMetrics.Loss.WRITE_FAILED, what, e);
        }
    }

    /**
     * Writes the event after an Audit Recording Stopped alert for the events lost since the last append, both or
     * neither.
     */
    private void appendWithGap(byte[] xml) throws IOException {
        synchronized (gapLock) {
            long lost = lostSinceLastAppend.get();
            if (lost == 0) {
                queue.append(xml);
                metrics.appended(1);
                return;
            }
            Instant now = Instant.now();
            AuditMessage gap = events.recordingGap(lost, firstLoss != null ? firstLoss : now,
                    lastLoss != null ? lastLoss : now, String.valueOf(lastLossReason));
            queue.appendAll(List.of(AuditEvents.toXml(gap), xml));
            metrics.appended(2);
            lostSinceLastAppend.addAndGet(-lost);
            LOG.warn("Audit: the journal accepts events again; {} events were lost ({}), an alert records it", lost,
                    lastLossReason);
        }
    }

    private void lost(int count, AuditMetrics.Loss reason, String what, Exception e) {
        metrics.lost(count, reason);
        Instant now = Instant.now();
        lastLoss = now;
        lastLossReason = reason;
        if (lostSinceLastAppend.getAndAdd(count) == 0) {
            firstLoss = now;
            // the exception's class only: its message may quote the input
            LOG.error("Audit event of {} lost ({}, {}); further losses are counted until the journal accepts "
                    + "events again", what, reason, e.getClass().getName());
        }
    }
}
