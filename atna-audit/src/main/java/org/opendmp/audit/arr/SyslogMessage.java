package org.opendmp.audit.arr;

import java.time.Instant;

/**
 * The header of an RFC 5424 syslog message, and where its MSG lies in the buffer it was read from.
 * Nil values ({@code -}) are kept as {@code "-"} for HOSTNAME, APP-NAME, PROCID and MSGID.
 *
 * @param priority   PRI: facility * 8 + severity (0 to 191)
 * @param version    VERSION (1 for RFC 5424)
 * @param timestamp  TIMESTAMP, or null when nil
 * @param hostname   HOSTNAME
 * @param appName    APP-NAME
 * @param procId     PROCID
 * @param msgId      MSGID, e.g. {@code IHE+RFC-3881}
 * @param sequenceId the {@code sequenceId} of the {@code [meta]} structured data element, or null
 * @param msgOffset  where the MSG starts in the buffer, after any UTF-8 byte order mark
 * @param msgLength  the MSG's length in bytes (0 when the message has none)
 */
public record SyslogMessage(int priority, int version, Instant timestamp, String hostname, String appName,
                            String procId, String msgId, Long sequenceId, int msgOffset, int msgLength) {
}
