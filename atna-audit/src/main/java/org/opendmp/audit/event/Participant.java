package org.opendmp.audit.event;

/**
 * A system taking part in a transaction, as an ActiveParticipant of the audit message describes it.
 * {@link AuditEvents} gives it the Source or Destination role the transaction's IHE audit table asks
 * for.
 *
 * <p>What IHE puts in {@code userId}: for SOAP transactions, the WS-Addressing {@code ReplyTo} address of
 * the client (its {@code anonymous} URI when it gave none) and the endpoint URL of the server; for HL7v2,
 * {@code MSH-3|MSH-4} of the sender and {@code MSH-5|MSH-6} of the receiver.
 *
 * @param userId             the participant's id (see above); required
 * @param alternativeUserId  for the local server, its process id ({@link AuditEvents} fills it in); else {@code null}
 * @param userName           a name, or {@code null}
 * @param networkAccessPoint the host name or IP address, or {@code null}
 */
public record Participant(String userId, String alternativeUserId, String userName, String networkAccessPoint) {

    /** A participant known by its id and network address only. */
    public static Participant of(String userId, String networkAccessPoint) {
        return new Participant(userId, null, null, networkAccessPoint);
    }
}
