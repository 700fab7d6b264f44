package org.opendmp.audit.delivery;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * Writes a journal event as an RFC 5424 syslog message, as IHE ATNA (ITI-20) asks:
 *
 * <pre>{@code <85>1 2024-05-02T10:15:30.123Z dmp1.example.fr opendmp 3f9c2a1b4d5e6f70.0 IHE+RFC-3881 [meta sequenceId="42"] BOM<AuditMessage>...}</pre>
 *
 * <ul>
 * <li>PRI 85: facility 10 (security/authorization), severity 5 (notice); VERSION 1;</li>
 * <li>TIMESTAMP: when the event was appended to the journal (the same on every re-send);</li>
 * <li>HOSTNAME and APP-NAME: this server, as configured;</li>
 * <li>PROCID: {@code <journal id>.<epoch>}, the journal's random id and how many times the sequence id wrapped;
 *     a new PROCID tells the ARR the sequence starts over (RFC 5424 6.2.6: a change of PROCID marks a
 *     discontinuity);</li>
 * <li>MSGID {@code IHE+RFC-3881};</li>
 * <li>STRUCTURED-DATA {@code [meta sequenceId="n"]} (RFC 5424 7.3.1): the journal sequence, 1 to 2147483647;</li>
 * <li>MSG: the UTF-8 byte order mark, then the DICOM audit message in UTF-8 (RFC 5424 6.4).</li>
 * </ul>
 *
 * <p>(HOSTNAME, APP-NAME, PROCID, sequenceId) identifies an event: a re-sent event carries the same four values
 * and the same bytes, so the ARR drops it. PROCID and sequenceId alone are already unique (the journal id is
 * random).
 */
public final class SyslogFormat {

    /** Facility 10 (security/authorization messages) times 8, plus severity 5 (notice). */
    public static final int PRI = 85;
    /** The MSGID IHE ATNA gives audit messages. */
    public static final String MSGID = "IHE+RFC-3881";
    /** The largest sequenceId RFC 5424 allows; the next one is 1 again. */
    public static final long MAX_SEQUENCE_ID = 2_147_483_647L;

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final String hostname;
    private final String appName;
    private final String journalId;

    /**
     * @param hostname  HOSTNAME: the FQDN (or IP address) of this server, 1 to 255 printable US-ASCII characters
     * @param appName   APP-NAME: 1 to 48 printable US-ASCII characters
     * @param journalId the journal's id ({@link DurableAuditQueue#journalId()})
     */
    public SyslogFormat(String hostname, String appName, String journalId) {
        this.hostname = field(hostname, 255, "HOSTNAME");
        this.appName = field(appName, 48, "APP-NAME");
        this.journalId = field(journalId, 100, "journal id");
    }

    /** The SYSLOG-MSG of an event. */
    public byte[] message(QueuedEvent event) {
        String header = "<" + PRI + ">1 " + timestamp(event.appendedAtMillis()) + " " + hostname + " " + appName
                + " " + procId(event.sequence()) + " " + MSGID + " [meta sequenceId=\"" + sequenceId(event.sequence())
                + "\"] ";
        byte[] head = header.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length + BOM.length + event.payload().length);
        out.writeBytes(head);
        out.writeBytes(BOM);
        out.writeBytes(event.payload());
        return out.toByteArray();
    }

    /** PROCID of the journal sequence {@code sequence}: the journal id and the wrap count of the sequence id. */
    public String procId(long sequence) {
        return journalId + "." + (sequence - 1) / MAX_SEQUENCE_ID;
    }

    /** The sequenceId of the journal sequence {@code sequence}: 1 to {@value #MAX_SEQUENCE_ID}, wrapping to 1. */
    public static long sequenceId(long sequence) {
        return (sequence - 1) % MAX_SEQUENCE_ID + 1;
    }

    /** RFC 3339 in UTC, milliseconds ({@code 2024-05-02T10:15:30.123Z}). */
    static String timestamp(long epochMillis) {
        return DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(epochMillis));
    }

    private static String field(String value, int maxLength, String name) {
        Objects.requireNonNull(value, name);
        if (value.isEmpty() || value.length() > maxLength) {
            throw new IllegalArgumentException(name + " must have 1 to " + maxLength + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 33 || c > 126) {
                throw new IllegalArgumentException(name + " must be printable US-ASCII without spaces: " + value);
            }
        }
        return value;
    }
}
