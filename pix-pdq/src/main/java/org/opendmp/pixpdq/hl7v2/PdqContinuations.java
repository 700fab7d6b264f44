package org.opendmp.pixpdq.hl7v2;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opendmp.pixpdq.patient.PatientQuery;

/**
 * The PDQ queries with more results to give (ITI-21 interactive continuation): each has a
 * random continuation pointer, sent in DSC-1, and is forgotten when its next page is taken,
 * when it is cancelled (QCN^J01), after {@code timeToLive}, or when {@code capacity} newer
 * ones push it out. Memory stays bounded whatever clients do.
 */
public final class PdqContinuations {

    /** Where a query stands: its criteria, the domains to return and the next page. */
    record Pending(String queryTag, PatientQuery query, Set<String> domains, int offset, int pageSize,
                   Instant expires) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final int capacity;
    private final Duration timeToLive;
    private final Clock clock;
    private final Map<String, Pending> pending = new LinkedHashMap<>();

    /**
     * @param capacity   the most pending queries kept (the oldest go first)
     * @param timeToLive how long a continuation pointer stays valid
     */
    public PdqContinuations(int capacity, Duration timeToLive, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
        this.timeToLive = timeToLive;
        this.clock = clock;
    }

    /** Remembers where a query stands; returns its continuation pointer. */
    synchronized String save(String queryTag, PatientQuery query, Set<String> domains, int offset, int pageSize) {
        expire();
        while (pending.size() >= capacity) {
            Iterator<String> oldest = pending.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String pointer = HexFormat.of().formatHex(bytes);
        pending.put(pointer, new Pending(queryTag, query, Set.copyOf(domains), offset, pageSize,
                clock.instant().plus(timeToLive)));
        return pointer;
    }

    /** The pending query of this pointer and query tag, forgotten as it is taken; empty if unknown or expired. */
    synchronized Optional<Pending> take(String pointer, String queryTag) {
        expire();
        Pending found = pending.get(pointer);
        if (found == null || !found.queryTag().equals(queryTag)) {
            return Optional.empty();
        }
        pending.remove(pointer);
        return Optional.of(found);
    }

    /** Forgets the pending queries of this query tag (QCN^J01); whether there was one. */
    synchronized boolean cancel(String queryTag) {
        return pending.values().removeIf(p -> p.queryTag().equals(queryTag));
    }

    /** How many queries are pending. */
    public synchronized int size() {
        expire();
        return pending.size();
    }

    private void expire() {
        Instant now = clock.instant();
        pending.values().removeIf(p -> !p.expires().isAfter(now));
    }
}
