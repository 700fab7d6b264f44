package org.opendmp.audit.arr;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An audit message as the store returns it: its indexed fields, how it came, and (when asked for) the
 * DICOM XML.
 *
 * @param id         the ARR's id of the event
 * @param record     the indexed fields; {@code patients} holds the patient ids as sent
 * @param syslog     HOSTNAME, APP-NAME, PROCID, MSGID and sequenceId of the syslog header
 * @param transport  TLS or UDP
 * @param sender     who sent it (TLS subject and address, or UDP address)
 * @param receivedAt when the ARR read it
 * @param xml        the message, or null when not asked for
 */
public record StoredEvent(UUID id, AuditRecord record, Header syslog, Transport transport, String sender,
                          Instant receivedAt, String xml) {

    /** The syslog header fields kept. */
    public record Header(String hostname, String appName, String procId, String msgId, Long sequenceId) {
    }

    /** The page cursor that continues after this event. */
    public AuditQuery.Cursor cursor() {
        return new AuditQuery.Cursor(record.eventTime().toEpochMilli(), id);
    }

    /** The documents the event names (not submission sets). */
    public List<AuditRecord.ObjectRef> documents() {
        return record.documents().stream().filter(o -> o.kind() == AuditRecord.ObjectRef.Kind.DOCUMENT).toList();
    }
}
