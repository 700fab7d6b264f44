package org.opendmp.audit.arr;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads the header of an RFC 5424 syslog message:
 * {@code <PRI>VERSION SP TIMESTAMP SP HOSTNAME SP APP-NAME SP PROCID SP MSGID SP STRUCTURED-DATA [SP MSG]}.
 * Strict on the header's grammar and field lengths; of the structured data only
 * {@code [meta sequenceId="..."]} is kept (RFC 5424 section 7.3.1); an out-of-range sequenceId is
 * ignored, not refused. A UTF-8 byte order mark before the MSG is skipped.
 */
public final class SyslogParser {

    private static final int MAX_HOSTNAME = 255;
    private static final int MAX_APP_NAME = 48;
    private static final int MAX_PROCID = 128;
    private static final int MAX_MSGID = 32;
    private static final int MAX_SD_NAME = 32;
    private static final int MAX_SD_VALUE = 1024;
    private static final String NIL = "-";

    private final byte[] buffer;
    private final int end;
    private int position;

    private SyslogParser(byte[] buffer, int offset, int length) {
        this.buffer = buffer;
        this.position = offset;
        this.end = offset + length;
    }

    /**
     * Parses the message in {@code buffer[offset, offset + length)}.
     *
     * @throws MessageRejected {@link RejectReason#NOT_SYSLOG} when the header breaks RFC 5424
     */
    public static SyslogMessage parse(byte[] buffer, int offset, int length) throws MessageRejected {
        return new SyslogParser(buffer, offset, length).message();
    }

    private SyslogMessage message() throws MessageRejected {
        expect('<', "PRI must start with '<'");
        int priority = number(3, "PRI");
        if (priority > 191) {
            throw notSyslog("PRI above 191");
        }
        expect('>', "PRI must end with '>'");
        if (position < end && buffer[position] == '0') {
            throw notSyslog("VERSION has a leading zero");
        }
        int version = number(3, "VERSION");
        space("VERSION");
        Instant timestamp = timestamp(token(64, "TIMESTAMP"));
        space("TIMESTAMP");
        String hostname = token(MAX_HOSTNAME, "HOSTNAME");
        space("HOSTNAME");
        String appName = token(MAX_APP_NAME, "APP-NAME");
        space("APP-NAME");
        String procId = token(MAX_PROCID, "PROCID");
        space("PROCID");
        String msgId = token(MAX_MSGID, "MSGID");
        space("MSGID");
        Long sequenceId = structuredData();
        if (position < end) {
            space("STRUCTURED-DATA");
        }
        if (end - position >= 3 && (buffer[position] & 0xff) == 0xEF && (buffer[position + 1] & 0xff) == 0xBB
                && (buffer[position + 2] & 0xff) == 0xBF) {
            position += 3;
        }
        return new SyslogMessage(priority, version, timestamp, hostname, appName, procId, msgId, sequenceId,
                position, end - position);
    }

    /** STRUCTURED-DATA: nil, or SD-ELEMENTs; returns the meta sequenceId if there is a valid one. */
    private Long structuredData() throws MessageRejected {
        if (position < end && buffer[position] == '-') {
            position++;
            return null;
        }
        if (position >= end || buffer[position] != '[') {
            throw notSyslog("STRUCTURED-DATA must be '-' or start with '['");
        }
        Long sequenceId = null;
        while (position < end && buffer[position] == '[') {
            position++;
            String id = sdName("SD-ID");
            while (position < end && buffer[position] == ' ') {
                position++;
                String name = sdName("PARAM-NAME");
                expect('=', "PARAM-NAME must be followed by '='");
                expect('"', "PARAM-VALUE must be quoted");
                String value = paramValue();
                if ("meta".equals(id) && "sequenceId".equals(name)) {
                    sequenceId = sequenceId(value);
                }
            }
            expect(']', "SD-ELEMENT must end with ']'");
        }
        return sequenceId;
    }

    private String sdName(String field) throws MessageRejected {
        int start = position;
        while (position < end && position - start <= MAX_SD_NAME) {
            byte b = buffer[position];
            if (b == '=' || b == ' ' || b == ']' || b == '"' || b < 33 || b > 126) {
                break;
            }
            position++;
        }
        if (position == start || position - start > MAX_SD_NAME) {
            throw notSyslog(field + " empty or longer than " + MAX_SD_NAME);
        }
        return new String(buffer, start, position - start, StandardCharsets.US_ASCII);
    }

    /** PARAM-VALUE (UTF-8) up to its closing quote, with the escapes \" \\ \] resolved. */
    private String paramValue() throws MessageRejected {
        byte[] value = new byte[Math.min(MAX_SD_VALUE, end - position)];
        int length = 0;
        while (position < end) {
            byte b = buffer[position];
            if (b == '"') {
                position++;
                return new String(value, 0, length, StandardCharsets.UTF_8);
            }
            if (b == '\\' && position + 1 < end
                    && (buffer[position + 1] == '"' || buffer[position + 1] == '\\' || buffer[position + 1] == ']')) {
                position++;
                b = buffer[position];
            }
            if (length == value.length) {
                throw notSyslog("PARAM-VALUE longer than " + MAX_SD_VALUE + " bytes");
            }
            value[length++] = b;
            position++;
        }
        throw notSyslog("PARAM-VALUE not closed");
    }

    private static Long sequenceId(String value) {
        if (value.isEmpty() || value.length() > 10 || value.charAt(0) == '0') {
            return null;
        }
        long id = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            id = id * 10 + (c - '0');
        }
        return id <= Integer.MAX_VALUE ? id : null;
    }

    private int number(int maxDigits, String field) throws MessageRejected {
        int start = position;
        int value = 0;
        while (position < end && position - start < maxDigits && buffer[position] >= '0' && buffer[position] <= '9') {
            value = value * 10 + (buffer[position] - '0');
            position++;
        }
        if (position == start) {
            throw notSyslog(field + " is not a number");
        }
        return value;
    }

    /** A header field: 1 to {@code max} printable US-ASCII characters. */
    private String token(int max, String field) throws MessageRejected {
        int start = position;
        while (position < end && buffer[position] >= 33 && buffer[position] <= 126) {
            position++;
            if (position - start > max) {
                throw notSyslog(field + " longer than " + max);
            }
        }
        if (position == start) {
            throw notSyslog(field + " missing");
        }
        return new String(buffer, start, position - start, StandardCharsets.US_ASCII);
    }

    private static Instant timestamp(String value) throws MessageRejected {
        if (NIL.equals(value)) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw notSyslog("TIMESTAMP is not RFC 3339");
        }
    }

    private void space(String after) throws MessageRejected {
        expect(' ', "a space must follow " + after);
    }

    private void expect(char c, String rule) throws MessageRejected {
        if (position >= end || buffer[position] != c) {
            throw notSyslog(rule);
        }
        position++;
    }

    private static MessageRejected notSyslog(String detail) {
        return new MessageRejected(RejectReason.NOT_SYSLOG, detail);
    }
}
