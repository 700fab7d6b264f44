package org.opendmp.audit.arr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OctetCountingReaderTest {

    private static final OctetCountingReader.Timeouts NO_TIMEOUTS = new OctetCountingReader.Timeouts() {
        @Override
        public void idle() {
        }

        @Override
        public void reading() {
        }
    };

    private static OctetCountingReader reader(byte[] stream, int max) {
        return reader(new ByteArrayInputStream(stream), max);
    }

    private static OctetCountingReader reader(InputStream in, int max) {
        return new OctetCountingReader(in, max, 64, Duration.ofSeconds(5).toNanos(), NO_TIMEOUTS);
    }

    private static byte[] bytes(String... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String part : parts) {
            out.writeBytes(part.getBytes(StandardCharsets.ISO_8859_1));
        }
        return out.toByteArray();
    }

    private static OctetCountingReader.Failure failure(OctetCountingReader reader) {
        try {
            reader.next();
        } catch (OctetCountingReader.Failure f) {
            return f;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("a frame was read");
    }

    @Test
    void readsFramesOneAfterTheOtherAndNullAtTheEnd() throws Exception {
        OctetCountingReader reader = reader(bytes("5 hello3 abc"), 100);

        assertThat(reader.next()).asString(StandardCharsets.US_ASCII).isEqualTo("hello");
        assertThat(reader.next()).asString(StandardCharsets.US_ASCII).isEqualTo("abc");
        assertThat(reader.next()).isNull();
    }

    @Test
    void garbageIsAFramingFaultThatClosesTheConnection() {
        OctetCountingReader.Failure f = failure(reader(bytes("GET / HTTP/1.1\r\n"), 100));

        assertThat(f.reason).isEqualTo(RejectReason.FRAMING);
        assertThat(f.closeConnection).isTrue();
        assertThat(new String(f.seen, 0, f.seenLength, StandardCharsets.US_ASCII)).startsWith("G");
    }

    @Test
    void aCountWithALeadingZeroTooManyDigitsOrNoSpaceIsAFramingFault() {
        assertThat(failure(reader(bytes("05 hello"), 100)).reason).isEqualTo(RejectReason.FRAMING);
        assertThat(failure(reader(bytes("1234567890 x"), Integer.MAX_VALUE)).reason).isEqualTo(RejectReason.FRAMING);
        assertThat(failure(reader(bytes("12<85>1 - - - - - -"), 100)).reason).isEqualTo(RejectReason.FRAMING);
        assertThat(failure(reader(bytes("-5 hello"), 100)).reason).isEqualTo(RejectReason.FRAMING);
    }

    @Test
    void aStreamEndingWithinAFrameIsTruncated() {
        OctetCountingReader.Failure f = failure(reader(bytes("10 hello"), 100));

        assertThat(f.reason).isEqualTo(RejectReason.TRUNCATED);
        assertThat(f.closeConnection).isTrue();
        assertThat(f.size).isEqualTo(10);
        assertThat(new String(f.seen, 0, f.seenLength, StandardCharsets.US_ASCII)).isEqualTo("hello");
        assertThat(failure(reader(bytes("12"), 100)).reason).isEqualTo(RejectReason.TRUNCATED);
    }

    @Test
    void anOversizedFrameIsSkippedWithoutHoldingItAndTheNextFrameIsRead() throws Exception {
        int size = 10 * 1024 * 1024;
        InputStream huge = new InputStream() {
            private final byte[] head = bytes(size + " ");
            private final byte[] tail = bytes("3 abc");
            private long position;

            @Override
            public int read() {
                long p = position++;
                if (p < head.length) {
                    return head[(int) p];
                }
                p -= head.length;
                if (p < size) {
                    return 'x';
                }
                p -= size;
                return p < tail.length ? tail[(int) p] : -1;
            }
        };
        OctetCountingReader reader = reader(huge, 64 * 1024);

        OctetCountingReader.Failure f = failure(reader);
        assertThat(f.reason).isEqualTo(RejectReason.OVERSIZED);
        assertThat(f.closeConnection).isFalse();
        assertThat(f.size).isEqualTo(size);
        assertThat(f.seenLength).isEqualTo(64);
        assertThat(reader.next()).asString(StandardCharsets.US_ASCII).isEqualTo("abc");
    }

    @Test
    void anOversizedFrameThatEndsEarlyClosesTheConnection() {
        OctetCountingReader.Failure f = failure(reader(bytes("200 short"), 100));

        assertThat(f.reason).isEqualTo(RejectReason.OVERSIZED);
        assertThat(f.closeConnection).isTrue();
    }

    @Test
    void aFrameTooSlowForTheReadTimeoutIsTruncated() {
        InputStream slow = new InputStream() {
            private final byte[] data = bytes("5 hello");
            private int position;

            @Override
            public int read() {
                return position < data.length ? data[position++] : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                try {
                    Thread.sleep(30);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (position >= data.length) {
                    return -1;
                }
                b[off] = data[position++];
                return 1;
            }
        };
        OctetCountingReader reader = new OctetCountingReader(slow, 100, 64, Duration.ofMillis(50).toNanos(), NO_TIMEOUTS);

        assertThatThrownBy(reader::next).isInstanceOfSatisfying(OctetCountingReader.Failure.class,
                f -> assertThat(f.reason).isEqualTo(RejectReason.TRUNCATED));
    }
}
