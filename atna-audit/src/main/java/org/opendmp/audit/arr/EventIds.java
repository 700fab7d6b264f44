package org.opendmp.audit.arr;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Time-ordered UUIDs (the layout of RFC 9562 version 7: 48 bits of Unix milliseconds, then random
 * bits), so that new rows land at the end of the primary key index whichever node writes them.
 */
final class EventIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private EventIds() {
    }

    static UUID next(long epochMillis) {
        long random = RANDOM.nextLong();
        long high = (epochMillis << 16) | 0x7000L | (random >>> 52);
        long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
