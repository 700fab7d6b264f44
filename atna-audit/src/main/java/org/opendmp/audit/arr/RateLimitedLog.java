package org.opendmp.audit.arr;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * At most one warning per key and second, so that a flood of bad input cannot flood the log; the
 * next line tells how many were left out. Callers never pass message content.
 */
final class RateLimitedLog {

    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final Logger log;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    RateLimitedLog(Logger log) {
        this.log = log;
    }

    private static final class Window {
        final AtomicLong next = new AtomicLong(Long.MIN_VALUE);
        final AtomicLong suppressed = new AtomicLong();
    }

    /** Logs {@code text} at WARN unless a line with the same key was logged less than a second ago. */
    void warn(String key, String text) {
        Window window = windows.computeIfAbsent(key, k -> new Window());
        long now = System.nanoTime();
        long next = window.next.get();
        if ((next == Long.MIN_VALUE || now - next >= 0) && window.next.compareAndSet(next, now + INTERVAL_NANOS)) {
            long left = window.suppressed.getAndSet(0);
            log.warn(left == 0 ? text : text + " (" + left + " more like it not logged)");
        } else {
            window.suppressed.incrementAndGet();
        }
    }
}
