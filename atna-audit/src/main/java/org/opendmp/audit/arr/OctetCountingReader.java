package org.opendmp.audit.arr;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;

/**
 * Reads RFC 5425 frames, {@code MSG-LEN SP SYSLOG-MSG} with MSG-LEN = NONZERO-DIGIT *DIGIT, from a
 * TLS stream. A frame larger than the maximum is never held in memory: its first bytes are kept for
 * the reject and the rest is read and thrown away, after which the stream is still in step. Any
 * other framing fault leaves the stream out of step, and the connection must be closed.
 */
final class OctetCountingReader {

    /** The longest octet count accepted: 9 digits (under 1 GB); more is taken as garbage. */
    private static final int MAX_DIGITS = 9;

    /** Switches the socket's read timeout: idle between frames, reading within one. */
    interface Timeouts {
        void idle() throws IOException;

        void reading() throws IOException;
    }

    /** A frame that could not be read: what was seen of it, and whether the stream is out of step. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        final RejectReason reason;
        final byte[] seen;
        final int seenLength;
        final long size;
        final boolean closeConnection;

        Failure(RejectReason reason, String detail, byte[] seen, int seenLength, long size, boolean closeConnection) {
            super(detail, null, false, false);
            this.reason = reason;
            this.seen = seen;
            this.seenLength = seenLength;
            this.size = size;
            this.closeConnection = closeConnection;
        }
    }

    private final InputStream in;
    private final int maxMessageSize;
    private final int keptBytes;
    private final long frameTimeoutNanos;
    private final Timeouts timeouts;
    private final byte[] scratch = new byte[16 * 1024];

    OctetCountingReader(InputStream in, int maxMessageSize, int keptBytes, long frameTimeoutNanos, Timeouts timeouts) {
        this.in = in;
        this.maxMessageSize = maxMessageSize;
        this.keptBytes = keptBytes;
        this.frameTimeoutNanos = frameTimeoutNanos;
        this.timeouts = timeouts;
    }

    /**
     * The next frame's message, or null when the peer closed the stream between frames.
     *
     * @throws SocketTimeoutException when no frame starts within the idle timeout
     * @throws Failure                for a frame that is not one, truncated, or too large (then the
     *                                stream is still in step: {@code closeConnection} is false)
     */
    byte[] next() throws IOException, Failure {
        timeouts.idle();
        int b = in.read();
        if (b < 0) {
            return null;
        }
        timeouts.reading();
        long deadline = System.nanoTime() + frameTimeoutNanos;
        byte[] header = new byte[MAX_DIGITS + 1];
        int digits = 0;
        long count = 0;
        try {
            if (b < '1' || b > '9') {
                header[digits++] = (byte) b;
                throw framing("the octet count does not start with a digit 1-9", header, digits);
            }
            while (b != ' ') {
                if (b < '0' || b > '9') {
                    header[digits++] = (byte) b;
                    throw framing("the octet count is not a number followed by a space", header, digits);
                }
                if (digits == MAX_DIGITS) {
                    header[digits++] = (byte) b;
                    throw framing("the octet count has more than " + MAX_DIGITS + " digits", header, digits);
                }
                header[digits++] = (byte) b;
                count = count * 10 + (b - '0');
                b = in.read();
                if (b < 0) {
                    throw new Failure(RejectReason.TRUNCATED, "the connection ended within the octet count", header,
                            digits, digits, true);
                }
            }
            if (count > maxMessageSize) {
                throw skip(count);
            }
            byte[] frame = new byte[(int) count];
            int read = 0;
            while (read < count) {
                int n = in.read(frame, read, (int) count - read);
                if (n < 0) {
                    throw new Failure(RejectReason.TRUNCATED, "the connection ended after " + read + " of " + count
                            + " announced bytes", frame, read, count, true);
                }
                read += n;
                if (read < count && System.nanoTime() - deadline > 0) {
                    throw new Failure(RejectReason.TRUNCATED, "only " + read + " of " + count
                            + " announced bytes within the read timeout", frame, read, count, true);
                }
            }
            return frame;
        } catch (SocketTimeoutException timeout) {
            throw new Failure(RejectReason.TRUNCATED, "the frame stopped before its end (read timeout)", header, digits,
                    count, true);
        }
    }

    /** Keeps the first bytes of an oversized frame and throws the rest away. */
    private Failure skip(long count) throws IOException {
        byte[] kept = new byte[(int) Math.min(keptBytes, count)];
        long remaining = count;
        int keptLength = 0;
        try {
            while (remaining > 0) {
                int n = keptLength < kept.length ? in.read(kept, keptLength, kept.length - keptLength)
                        : in.read(scratch, 0, (int) Math.min(scratch.length, remaining));
                if (n < 0) {
                    return new Failure(RejectReason.OVERSIZED, "announced " + count + " bytes, over the maximum of "
                            + maxMessageSize + ", and ended early", kept, keptLength, count, true);
                }
                if (keptLength < kept.length) {
                    keptLength += n;
                }
                remaining -= n;
            }
        } catch (SocketTimeoutException timeout) {
            return new Failure(RejectReason.OVERSIZED, "announced " + count + " bytes, over the maximum of "
                    + maxMessageSize + ", and stopped before its end", kept, keptLength, count, true);
        }
        return new Failure(RejectReason.OVERSIZED, "announced " + count + " bytes, over the maximum of " + maxMessageSize,
                kept, keptLength, count, false);
    }

    /** A framing fault: what was seen, plus whatever else is already buffered (without waiting for more). */
    private Failure framing(String detail, byte[] header, int length) throws IOException {
        int available = Math.min(in.available(), Math.max(0, keptBytes - length));
        byte[] seen = new byte[length + available];
        System.arraycopy(header, 0, seen, 0, length);
        int got = 0;
        while (got < available) {
            int n = in.read(seen, length + got, available - got);
            if (n < 0) {
                break;
            }
            got += n;
        }
        return new Failure(RejectReason.FRAMING, detail, seen, length + got, length + got, true);
    }
}
