package org.opendmp.audit.arr;

import java.time.Instant;

/**
 * Something a peer sent that the ARR refused, as kept in the rejects table.
 *
 * @param reason     why
 * @param detail     what was wrong, in terms of the format (no content)
 * @param transport  TLS or UDP
 * @param sender     the TLS client's subject and address, or the UDP source address
 * @param receivedAt when
 * @param size       the size announced (TLS octet count) or received (datagram, partial frame)
 * @param content    its first bytes, at most the configured kept size
 */
public record Reject(RejectReason reason, String detail, Transport transport, String sender, Instant receivedAt,
                     long size, byte[] content) {
}
