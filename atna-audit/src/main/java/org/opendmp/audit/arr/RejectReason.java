package org.opendmp.audit.arr;

import java.util.Locale;

/** Why the ARR refused what a peer sent; each has a counter and a name in logs and rejects. */
public enum RejectReason {
    /** TLS: the octet count (RFC 5425 MSG-LEN) is missing, not a number, has a leading zero or too many digits, or no space follows it. */
    FRAMING,
    /** TLS: the connection ended, or stayed silent past the read timeout, before the announced octets came. */
    TRUNCATED,
    /** Larger than the maximum message size: refused from its octet count (TLS) or datagram length (UDP). */
    OVERSIZED,
    /** Not an RFC 5424 syslog message (PRI, VERSION, TIMESTAMP, HOSTNAME, APP-NAME, PROCID, MSGID, STRUCTURED-DATA). */
    NOT_SYSLOG,
    /** The MSG is empty, not well-formed XML, or carries a DOCTYPE (refused: no DTDs, no entities). */
    INVALID_XML,
    /** Well-formed XML whose root element is not a DICOM {@code AuditMessage}. */
    NOT_AUDIT_MESSAGE,
    /** An {@code AuditMessage} that is not valid against the DICOM audit message schema. */
    SCHEMA_INVALID,
    /** An accepted audit message the database refused to store (kept as a reject instead; should not happen). */
    STORE_FAILED;

    /** The lower-case name used in metrics tags, logs and the rejects table, e.g. {@code schema_invalid}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
