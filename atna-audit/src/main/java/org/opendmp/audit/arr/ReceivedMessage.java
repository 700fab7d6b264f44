package org.opendmp.audit.arr;

import java.time.Instant;

/**
 * An accepted audit message: its syslog header, what is indexed of it, the DICOM XML as received,
 * and how and from whom it came.
 *
 * @param syslog     the RFC 5424 header (the dedupe key is HOSTNAME, APP-NAME, PROCID and the meta sequenceId)
 * @param record     the indexed fields
 * @param xml        the MSG, decoded as UTF-8
 * @param transport  TLS or UDP
 * @param sender     the TLS client certificate subject and address, or the UDP source address
 * @param receivedAt when the ARR read it
 */
public record ReceivedMessage(SyslogMessage syslog, AuditRecord record, String xml, Transport transport, String sender,
                              Instant receivedAt) {
}
