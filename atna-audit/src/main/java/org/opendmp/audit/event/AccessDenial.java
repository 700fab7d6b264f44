package org.opendmp.audit.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.opendmp.security.access.DenialReason;

/**
 * A transaction, or one document of it, refused by the DMP access rules: DICOM Security Alert, type Use of
 * Restricted Function, with the transaction as second EventTypeCode. The transaction's own audit event
 * records the answer the client got; this one records why (a refusal that conceals a document is answered
 * as an unknown document, so only the audit trail keeps the reason).
 *
 * @param eventTime   when
 * @param transaction the transaction refused
 * @param requestor   the caller
 * @param remote      the client
 * @param local       the endpoint
 * @param reason      why, for example {@code BLOCKED_BY_PATIENT} ({@link DenialReason} names)
 * @param patientIds  the patient concerned
 * @param documents   the documents refused, if the refusal is about documents
 */
public record AccessDenial(Instant eventTime, AuditTransaction transaction, HumanRequestor requestor,
        Participant remote, Participant local, String reason, List<String> patientIds,
        List<DocumentReference> documents) implements SecurityEvent {

    public AccessDenial {
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(transaction, "transaction");
        Objects.requireNonNull(reason, "reason");
        patientIds = patientIds == null ? List.of() : List.copyOf(patientIds);
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    /** A denial for one of the policy's reasons. */
    public static AccessDenial of(Instant eventTime, AuditTransaction transaction, HumanRequestor requestor,
            Participant remote, Participant local, DenialReason reason, String patientId,
            List<DocumentReference> documents) {
        return new AccessDenial(eventTime, transaction, requestor, remote, local, reason.name(),
                patientId == null ? List.of() : List.of(patientId), documents);
    }
}
