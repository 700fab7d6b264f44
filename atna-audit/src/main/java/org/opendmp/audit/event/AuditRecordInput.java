package org.opendmp.audit.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.opendmp.security.access.DmpTransaction;

/**
 * What happened in one transaction, in neutral terms: the server's handlers fill it in, {@link AuditEvents}
 * turns it into the transaction's DICOM audit message. Only what the handler knows is set; what IHE's
 * audit table does not use for the transaction is ignored. Build one with {@link #builder}.
 *
 * @param transaction             the transaction and the server's role in it
 * @param dmpTransaction          the DMP's name of an IHE transaction (TD3.1 for an ITI-18, TD3.3c for the
 *                                ITI-57 deleting a document, ...), added as a second EventTypeCode; or {@code null}
 * @param action                  the EventActionCode, when the transaction has several (ITI-8, ITI-44);
 *                                {@code null} for the transaction's default
 * @param outcome                 how it ended
 * @param outcomeDescription      the errors when it failed (IHE error codes, HL7 error codes, a SOAP fault
 *                                code), without patient data; or {@code null}
 * @param eventTime               when it happened
 * @param remote                  the client (or, for a transaction this server sends, the server it sent to)
 * @param local                   this server's endpoint (for HL7v2: {@code MSH-5|MSH-6})
 * @param requestor               the VIHF's caller, or {@code null}
 * @param patientIds              the patients, as HL7 CX strings ({@code 207058575627097^^^&1.2.250.1.213.1.4.8&ISO})
 * @param mergedPatientId         ITI-8 A40 and ITI-44 merges: the patient merged away; or {@code null}
 * @param documents               the documents read, written or removed
 * @param submissionSetUniqueId   the submission set's uniqueId (ITI-41, ITI-42, ITI-57), or {@code null}
 * @param objectReferences        ITI-62: the entryUUIDs of the removed registry objects
 * @param query                   the query of a query transaction, or {@code null}
 * @param messageId               HL7v2: MSH-10; HL7v3: the message id ({@code extension@root}); or {@code null}
 * @param concernedProfessionalId the national id (idNat_PS) of the professional a patient's action is about
 *                                (portal block, unblock, treating doctor), or {@code null}
 */
public record AuditRecordInput(
        AuditTransaction transaction,
        DmpTransaction dmpTransaction,
        EventAction action,
        EventOutcome outcome,
        String outcomeDescription,
        Instant eventTime,
        Participant remote,
        Participant local,
        HumanRequestor requestor,
        List<String> patientIds,
        String mergedPatientId,
        List<DocumentReference> documents,
        String submissionSetUniqueId,
        List<String> objectReferences,
        AuditedQuery query,
        String messageId,
        String concernedProfessionalId) {

    public AuditRecordInput {
        Objects.requireNonNull(transaction, "transaction");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(eventTime, "eventTime");
        patientIds = copy(patientIds);
        documents = copy(documents);
        objectReferences = copy(objectReferences);
    }

    /** A builder for a transaction that ended with {@code outcome}, at the current time. */
    public static Builder builder(AuditTransaction transaction, EventOutcome outcome) {
        return new Builder(transaction, outcome);
    }

    /** The EventActionCode of the message: {@link #action} or the transaction's default. */
    public EventAction effectiveAction() {
        return action != null ? action : transaction.defaultAction();
    }

    private static <T> List<T> copy(List<T> list) {
        if (list == null) {
            return List.of();
        }
        return list.stream().filter(Objects::nonNull).toList();
    }

    /** Builds an {@link AuditRecordInput}; every setter is optional. */
    public static final class Builder {
        private final AuditTransaction transaction;
        private final EventOutcome outcome;
        private DmpTransaction dmpTransaction;
        private EventAction action;
        private String outcomeDescription;
        private Instant eventTime = Instant.now();
        private Participant remote;
        private Participant local;
        private HumanRequestor requestor;
        private final List<String> patientIds = new ArrayList<>();
        private String mergedPatientId;
        private final List<DocumentReference> documents = new ArrayList<>();
        private String submissionSetUniqueId;
        private final List<String> objectReferences = new ArrayList<>();
        private AuditedQuery query;
        private String messageId;
        private String concernedProfessionalId;

        private Builder(AuditTransaction transaction, EventOutcome outcome) {
            this.transaction = transaction;
            this.outcome = outcome;
        }

        public Builder dmpTransaction(DmpTransaction value) {
            this.dmpTransaction = value;
            return this;
        }

        public Builder action(EventAction value) {
            this.action = value;
            return this;
        }

        public Builder outcomeDescription(String value) {
            this.outcomeDescription = value;
            return this;
        }

        public Builder eventTime(Instant value) {
            this.eventTime = value;
            return this;
        }

        public Builder remote(Participant value) {
            this.remote = value;
            return this;
        }

        public Builder local(Participant value) {
            this.local = value;
            return this;
        }

        public Builder requestor(HumanRequestor value) {
            this.requestor = value;
            return this;
        }

        /** Adds a patient; {@code null} is ignored. */
        public Builder patient(String cx) {
            if (cx != null) {
                patientIds.add(cx);
            }
            return this;
        }

        public Builder patients(List<String> values) {
            values.forEach(this::patient);
            return this;
        }

        public Builder mergedPatient(String cx) {
            this.mergedPatientId = cx;
            return this;
        }

        public Builder document(DocumentReference value) {
            documents.add(value);
            return this;
        }

        public Builder documents(List<DocumentReference> values) {
            documents.addAll(values);
            return this;
        }

        public Builder submissionSet(String uniqueId) {
            this.submissionSetUniqueId = uniqueId;
            return this;
        }

        public Builder objectReference(String entryUuid) {
            objectReferences.add(entryUuid);
            return this;
        }

        public Builder objectReferences(List<String> values) {
            objectReferences.addAll(values);
            return this;
        }

        public Builder query(AuditedQuery value) {
            this.query = value;
            return this;
        }

        public Builder messageId(String value) {
            this.messageId = value;
            return this;
        }

        public Builder concernedProfessional(String nationalId) {
            this.concernedProfessionalId = nationalId;
            return this;
        }

        public AuditRecordInput build() {
            return new AuditRecordInput(transaction, dmpTransaction, action, outcome, outcomeDescription, eventTime,
                    remote, local, requestor, patientIds, mergedPatientId, documents, submissionSetUniqueId,
                    objectReferences, query, messageId, concernedProfessionalId);
        }
    }
}
