package org.opendmp.audit.delivery;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** {@link AuditMetrics} as plain counters, for Micrometer function counters or tests. */
public final class AuditCounters implements AuditMetrics {

    private final AtomicLong appended = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong deliveryFailures = new AtomicLong();
    private final Map<Loss, AtomicLong> lost = new EnumMap<>(Loss.class);

    public AuditCounters() {
        for (Loss loss : Loss.values()) {
            lost.put(loss, new AtomicLong());
        }
    }

    @Override
    public void appended(int events) {
        appended.addAndGet(events);
    }

    @Override
    public void lost(int events, Loss reason) {
        lost.get(reason).addAndGet(events);
    }

    @Override
    public void delivered(int events) {
        delivered.addAndGet(events);
    }

    @Override
    public void deliveryFailed() {
        deliveryFailures.incrementAndGet();
    }

    public long appended() {
        return appended.get();
    }

    public long delivered() {
        return delivered.get();
    }

    public long deliveryFailures() {
        return deliveryFailures.get();
    }

    public long lost(Loss reason) {
        return lost.get(reason).get();
    }

    /** Events lost for any reason. */
    public long lost() {
        return lost.values().stream().mapToLong(AtomicLong::get).sum();
    }
}
