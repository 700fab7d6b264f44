package org.opendmp.audit.delivery;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** A syslog transport to the Audit Record Repository. Used by one thread (the delivery). */
public interface SyslogSender extends AutoCloseable {

    /**
     * Sends the messages in order, connecting first if needed; returns once they are written and flushed to
     * the network. Syslog has no acknowledgement: a message written can still be lost if the connection
     * breaks just after (see {@link AuditDelivery} for how that is covered).
     *
     * @throws IOException if the connection or a write failed; the sender is then closed and reconnects on
     *                     the next call
     */
    void send(List<byte[]> messages) throws IOException;

    /** The largest SYSLOG-MSG the transport carries. */
    int maxMessageBytes();

    /**
     * Whether a message the transport accepted may still be lost when the peer fails (TCP keeps written bytes
     * in buffers): the delivery then acknowledges it only after a settle time.
     */
    boolean buffered();

    /**
     * Checks, without waiting more than a millisecond or so, that the connection still stands: that the ARR did
     * not close it, reset it, or refuse this client (TLS 1.3 refuses a client certificate only after the client
     * has finished its handshake, with an alert).
     *
     * @throws IOException if it does not; the sender is then closed
     */
    void checkAlive() throws IOException;

    /**
     * Ends the connection in an orderly way and tells whether the peer confirmed it read everything sent (over
     * TLS: its close_notify answered ours); {@code false} when it cannot tell.
     */
    boolean closeGracefully(Duration timeout);

    /** Drops the connection at once. */
    @Override
    void close();
}
