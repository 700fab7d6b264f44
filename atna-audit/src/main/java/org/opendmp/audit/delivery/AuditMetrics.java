package org.opendmp.audit.delivery;

/**
 * What the audit trail reports for monitoring: the server maps it to Micrometer counters (and {@link
 * DurableAuditQueue#depth()} to a gauge). Called from request threads and from the delivery thread;
 * implementations must be thread-safe and fast. No patient data passes through it.
 */
public interface AuditMetrics {

    /** Does nothing. */
    AuditMetrics NONE = new AuditMetrics() {
    };

    /** Why events were lost. */
    enum Loss {
        /** The journal reached its size limit (the ARR has been unreachable for long). */
        QUEUE_FULL,
        /** Writing to the journal failed (disk full, I/O error). */
        WRITE_FAILED,
        /** The audit message could not be built from the input (a bug, or input lacking what DICOM requires). */
        BUILD_FAILED,
        /** A journal record was unreadable (disk corruption). */
        CORRUPT,
        /** The message is larger than the transport accepts (UDP). */
        OVERSIZED
    }

    /** Events written to the journal. */
    default void appended(int events) {
    }

    /** Events lost, and why; each loss is also logged and, once the journal accepts events again, audited. */
    default void lost(int events, Loss reason) {
    }

    /** Events delivered to the ARR (written, flushed and, over TLS, settled). */
    default void delivered(int events) {
    }

    /** A failed connection or send; delivery retries. */
    default void deliveryFailed() {
    }
}
