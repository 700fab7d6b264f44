package org.opendmp.audit.delivery;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/**
 * The journal's record format: {@code length (int) | sequence (long) | appended at (long, epoch ms) |
 * payload | CRC-32C (int)}, big-endian, the checksum covering everything before it. A record that is cut
 * short, has an impossible length, a wrong checksum or an unexpected sequence is invalid: at the end of the
 * journal, the trace of a write interrupted by a crash.
 */
final class JournalRecord {

    static final int HEADER_BYTES = 4 + 8 + 8;
    static final int TRAILER_BYTES = 4;
    /** The largest payload accepted; a larger length field is corruption. */
    static final int MAX_PAYLOAD = 16 << 20;

    private JournalRecord() {
    }

    static int size(int payloadLength) {
        return HEADER_BYTES + payloadLength + TRAILER_BYTES;
    }

    static ByteBuffer encode(long sequence, long appendedAtMillis, byte[] payload) {
        ByteBuffer buffer = ByteBuffer.allocate(size(payload.length));
        buffer.putInt(payload.length).putLong(sequence).putLong(appendedAtMillis).put(payload);
        CRC32C crc = new CRC32C();
        crc.update(buffer.array(), 0, buffer.position());
        buffer.putInt((int) crc.getValue());
        return buffer.flip();
    }

    /**
     * The record at {@code position}, or {@code null} if there is no valid record with sequence
     * {@code expectedSequence} there (cut short, garbage, wrong checksum or sequence).
     *
     * @param end where the readable bytes end (the file size)
     */
    static QueuedEvent read(FileChannel channel, long position, long end, long expectedSequence) throws IOException {
        if (end - position < HEADER_BYTES + TRAILER_BYTES) {
            return null;
        }
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        readFully(channel, header, position);
        int length = header.getInt(0);
        long sequence = header.getLong(4);
        long appendedAt = header.getLong(12);
        if (length < 0 || length > MAX_PAYLOAD || sequence != expectedSequence
                || end - position < size(length)) {
            return null;
        }
        ByteBuffer rest = ByteBuffer.allocate(length + TRAILER_BYTES);
        readFully(channel, rest, position + HEADER_BYTES);
        CRC32C crc = new CRC32C();
        crc.update(header.array());
        crc.update(rest.array(), 0, length);
        if ((int) crc.getValue() != rest.getInt(length)) {
            return null;
        }
        byte[] payload = new byte[length];
        System.arraycopy(rest.array(), 0, payload, 0, length);
        return new QueuedEvent(sequence, appendedAt, payload);
    }

    static void writeFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                throw new EOFException();
            }
            at += read;
        }
    }
}
