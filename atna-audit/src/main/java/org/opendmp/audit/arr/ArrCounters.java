package org.opendmp.audit.arr;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the ARR has seen since it started: messages received, stored, duplicates, rejects by reason and
 * transport, connections. The server publishes them as metrics; tests and the benchmark read them.
 */
public final class ArrCounters {

    private final Map<Transport, LongAdder> received = adders(Transport.class);
    private final Map<Transport, Map<RejectReason, LongAdder>> rejected = new EnumMap<>(Transport.class);
    private final LongAdder stored = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder rejectsNotKept = new LongAdder();
    private final LongAdder storeFailures = new LongAdder();
    private final LongAdder connections = new LongAdder();
    private final LongAdder connectionsRefused = new LongAdder();
    private final LongAdder handshakeFailures = new LongAdder();

    public ArrCounters() {
        for (Transport transport : Transport.values()) {
            rejected.put(transport, adders(RejectReason.class));
        }
    }

    private static <E extends Enum<E>> Map<E, LongAdder> adders(Class<E> type) {
        Map<E, LongAdder> map = new EnumMap<>(type);
        for (E value : type.getEnumConstants()) {
            map.put(value, new LongAdder());
        }
        return map;
    }

    void countReceived(Transport transport) {
        received.get(transport).increment();
    }

    void countRejected(Transport transport, RejectReason reason) {
        rejected.get(transport).get(reason).increment();
    }

    void stored(int count) {
        stored.add(count);
    }

    void duplicates(int count) {
        duplicates.add(count);
    }

    void rejectNotKept() {
        rejectsNotKept.increment();
    }

    void storeFailed(int count) {
        storeFailures.add(count);
    }

    void connection() {
        connections.increment();
    }

    void connectionRefused() {
        connectionsRefused.increment();
    }

    void handshakeFailed() {
        handshakeFailures.increment();
    }

    /** Messages (frames, datagrams) received on a transport, good or bad. */
    public long received(Transport transport) {
        return received.get(transport).sum();
    }

    /** Messages refused for a reason on a transport. */
    public long rejected(Transport transport, RejectReason reason) {
        return rejected.get(transport).get(reason).sum();
    }

    /** Messages refused on a transport, all reasons. */
    public long rejected(Transport transport) {
        return rejected.get(transport).values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Audit messages written to the database. */
    public long stored() {
        return stored.sum();
    }

    /** Audit messages not written because already stored (same syslog HOSTNAME, APP-NAME, PROCID, sequenceId). */
    public long duplicates() {
        return duplicates.sum();
    }

    /** Rejects counted but not kept in the rejects table (more than the configured rate). */
    public long rejectsNotKept() {
        return rejectsNotKept.sum();
    }

    /** Accepted messages the database refused to store; they are kept as rejects. */
    public long storeFailures() {
        return storeFailures.sum();
    }

    /** TLS connections accepted (handshake not yet done). */
    public long connections() {
        return connections.sum();
    }

    /** TLS connections closed at once because the maximum was reached. */
    public long connectionsRefused() {
        return connectionsRefused.sum();
    }

    /** TLS handshakes that failed (no or untrusted client certificate, not TLS, timeout). */
    public long handshakeFailures() {
        return handshakeFailures.sum();
    }
}
