package org.opendmp.audit.arr;

import java.time.Duration;

/**
 * The ARR's listeners and limits.
 *
 * @param bindAddress      the address the listeners bind, e.g. {@code 0.0.0.0}
 * @param tlsPort          the RFC 5425 port, or null for no TLS listener (0: any free port)
 * @param udpPort          the RFC 5426 port, or null for no UDP listener (0: any free port)
 * @param maxMessageSize   the largest syslog message accepted, in bytes
 * @param rejectKeptBytes  how many bytes of a rejected message are kept
 * @param rejectsPerSecond the most rejects kept per second (all are counted)
 * @param maxConnections   the most TLS connections served at once; beyond, new ones are closed at once
 * @param idleTimeout      a TLS connection with no frame for this long is closed
 * @param readTimeout      a TLS handshake or frame not complete this long after it started is dropped
 *                         with its connection
 * @param queueCapacity    messages held between the listeners and the database; when full the
 *                         listeners wait (TCP backpressure)
 * @param batchSize        the most messages stored in one transaction
 * @param writers          writer threads
 */
public record ArrSettings(String bindAddress, Integer tlsPort, Integer udpPort, int maxMessageSize, int rejectKeptBytes,
                          int rejectsPerSecond, int maxConnections, Duration idleTimeout, Duration readTimeout,
                          int queueCapacity, int batchSize, int writers) {

    /** The largest UDP payload (65,535 minus the IPv4 and UDP headers). */
    public static final int MAX_DATAGRAM = 65_507;

    public ArrSettings {
        if (maxMessageSize < 480 || rejectKeptBytes < 0 || rejectsPerSecond < 0 || maxConnections < 1
                || queueCapacity < 1 || batchSize < 1 || writers < 1) {
            throw new IllegalArgumentException("ARR settings out of range: max message size at least 480 bytes (RFC 5424),"
                    + " connections, queue, batch size and writers at least 1");
        }
    }
}
