package org.opendmp.audit.delivery;

import java.time.Duration;
import java.util.Objects;

/**
 * How the delivery sends the journal.
 *
 * @param batchEvents    the most events written before one flush
 * @param batchBytes     about the most bytes written before one flush
 * @param settleTime     over TLS, how long after its flush an event is acknowledged (kept for re-sending if the
 *                       connection breaks meanwhile); see {@link AuditDelivery}
 * @param initialBackoff the wait after a first failure; doubled on each further failure
 * @param maxBackoff     the longest wait between attempts
 * @param pollWait       how long the delivery waits for new events before checking what has settled
 */
public record DeliverySettings(int batchEvents, long batchBytes, Duration settleTime, Duration initialBackoff,
        Duration maxBackoff, Duration pollWait) {

    public DeliverySettings {
        Objects.requireNonNull(settleTime, "settleTime");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(pollWait, "pollWait");
        if (batchEvents < 1 || batchBytes < 1) {
            throw new IllegalArgumentException("batch sizes must be positive");
        }
    }

    /** 500 events or 1 MiB per flush, 5 s settle time, backoff from 1 s to 1 min, 200 ms polls. */
    public static DeliverySettings defaults() {
        return new DeliverySettings(500, 1L << 20, Duration.ofSeconds(5), Duration.ofSeconds(1),
                Duration.ofMinutes(1), Duration.ofMillis(200));
    }

    public DeliverySettings withSettleTime(Duration value) {
        return new DeliverySettings(batchEvents, batchBytes, value, initialBackoff, maxBackoff, pollWait);
    }

    public DeliverySettings withBackoff(Duration initial, Duration max) {
        return new DeliverySettings(batchEvents, batchBytes, settleTime, initial, max, pollWait);
    }
}
