package org.opendmp.audit.event;

import static org.opendmp.audit.event.AuditTransaction.ObjectSet.DOCUMENTS;
import static org.opendmp.audit.event.AuditTransaction.ObjectSet.OBJECT_REFERENCES;
import static org.opendmp.audit.event.AuditTransaction.ObjectSet.PATIENT_RECORD;
import static org.opendmp.audit.event.AuditTransaction.ObjectSet.QUERY;
import static org.opendmp.audit.event.AuditTransaction.ObjectSet.SUBMISSION;
import static org.opendmp.audit.event.EventAction.CREATE;
import static org.opendmp.audit.event.EventAction.DELETE;
import static org.opendmp.audit.event.EventAction.EXECUTE;
import static org.opendmp.audit.event.EventAction.READ;
import static org.opendmp.audit.event.EventAction.UPDATE;

import org.opendmp.security.access.DmpTransaction;
import org.openehealth.ipf.commons.audit.codes.EventIdCode;

/**
 * Every audited transaction, as this server plays it, with the audit message IHE ITI TF-2 specifies for
 * it: the DICOM EventID, the EventActionCode, the EventTypeCode (the transaction), which side the server
 * is on, and which participant objects the message carries. The DMP's own transactions (TD0.x, TD1.x) and
 * the patient portal's actions have no IHE audit message: they get a DICOM EventID by what they do and an
 * EventTypeCode in the project's code system {@value DmpAuditCodes#TRANSACTIONS}.
 */
public enum AuditTransaction {

    // XDS.b
    /** ITI-41 at the Document Repository: Import of the submission set. */
    ITI_41("ITI-41", "Provide and Register Document Set-b", EventIdCode.Import, CREATE, Side.RECEIVER, SUBMISSION),
    /** ITI-42 at the Document Registry: Import of the submission set. */
    ITI_42("ITI-42", "Register Document Set-b", EventIdCode.Import, CREATE, Side.RECEIVER, SUBMISSION),
    /** ITI-42 sent by the Document Repository to a remote registry (split deployment): Export. */
    ITI_42_SENT("ITI-42", "Register Document Set-b", EventIdCode.Export, READ, Side.SENDER, SUBMISSION),
    /** ITI-43 at the Document Repository: Export of the documents. */
    ITI_43("ITI-43", "Retrieve Document Set", EventIdCode.Export, READ, Side.SENDER, DOCUMENTS),
    /** ITI-18 at the Document Registry: Query. */
    ITI_18("ITI-18", "Registry Stored Query", EventIdCode.Query, EXECUTE, Side.RECEIVER, QUERY),
    /** ITI-57 at the Document Registry: Import, update. */
    ITI_57("ITI-57", "Update Document Set", EventIdCode.Import, UPDATE, Side.RECEIVER, SUBMISSION),
    /** ITI-62 at the Document Registry: Patient Record, delete of registry objects. */
    ITI_62("ITI-62", "Remove Metadata", EventIdCode.PatientRecord, DELETE, Side.RECEIVER, OBJECT_REFERENCES),
    /** ITI-86 at the Document Repository: Patient Record, delete of documents. */
    ITI_86("ITI-86", "Remove Documents", EventIdCode.PatientRecord, DELETE, Side.RECEIVER, DOCUMENTS),

    // PIX / PDQ, HL7v2
    /** ITI-8 at the PIX Manager: Patient Record; create (A01, A04, A05) or update (A08, A40), delete for the merged-away patient. */
    ITI_8("ITI-8", "Patient Identity Feed", EventIdCode.PatientRecord, CREATE, Side.RECEIVER, PATIENT_RECORD, Detail.MSH_10),
    /** ITI-9 at the PIX Manager: Query. */
    ITI_9("ITI-9", "PIX Query", EventIdCode.Query, EXECUTE, Side.RECEIVER, QUERY, Detail.MSH_10),
    /** ITI-21 at the Patient Demographics Supplier: Query. */
    ITI_21("ITI-21", "Patient Demographics Query", EventIdCode.Query, EXECUTE, Side.RECEIVER, QUERY, Detail.MSH_10),

    // PIX / PDQ, HL7v3
    /** ITI-44 at the PIXv3 Manager: Patient Record; create (add), update (revise, merge), delete for the merged-away patient. */
    ITI_44("ITI-44", "Patient Identity Feed HL7 V3", EventIdCode.PatientRecord, CREATE, Side.RECEIVER, PATIENT_RECORD, Detail.II),
    /** ITI-45 at the PIXv3 Manager: Query. */
    ITI_45("ITI-45", "PIXV3 Query", EventIdCode.Query, EXECUTE, Side.RECEIVER, QUERY, Detail.II),
    /** ITI-47 at the Patient Demographics Supplier (the DMP's TD0.5): Query. */
    ITI_47("ITI-47", "Patient Demographics Query HL7 V3", EventIdCode.Query, EXECUTE, Side.RECEIVER, QUERY, Detail.II),

    // The DMP's patient transactions
    /** TD0.2 test of existence of a DMP and of the caller's authorization: the patient record read. */
    TD0_2(DmpTransaction.TD0_2, EventIdCode.PatientRecord, READ, PATIENT_RECORD, Detail.II),
    /** TD0.3 add or remove one's own authorization, or the treating-doctor status: the patient record updated. */
    TD0_3(DmpTransaction.TD0_3, EventIdCode.PatientRecord, UPDATE, PATIENT_RECORD, Detail.NONE),
    /** TD0.4 list of the DMPs the caller may access: a query, the listed patients as objects. */
    TD0_4(DmpTransaction.TD0_4, EventIdCode.Query, EXECUTE, QUERY, Detail.NONE),
    /** TD1.1 creation of a DMP. */
    TD1_1(DmpTransaction.TD1_1, EventIdCode.PatientRecord, CREATE, PATIENT_RECORD, Detail.II),
    /** TD1.2 reactivation of a closed DMP. */
    TD1_2(DmpTransaction.TD1_2, EventIdCode.PatientRecord, UPDATE, PATIENT_RECORD, Detail.II),
    /** TD1.3a read of the administrative data. */
    TD1_3A(DmpTransaction.TD1_3A, EventIdCode.PatientRecord, READ, PATIENT_RECORD, Detail.II),
    /** TD1.3b modification of the administrative data. */
    TD1_3B(DmpTransaction.TD1_3B, EventIdCode.PatientRecord, UPDATE, PATIENT_RECORD, Detail.II),
    /** TD1.4 closure: the record is kept (it can be reactivated), hence an update. */
    TD1_4(DmpTransaction.TD1_4, EventIdCode.PatientRecord, UPDATE, PATIENT_RECORD, Detail.II),
    /** TD1.6 list of the professionals authorized or blocked on a DMP: the patient record read. */
    TD1_6(DmpTransaction.TD1_6, EventIdCode.PatientRecord, READ, PATIENT_RECORD, Detail.NONE),

    // The patient portal (the patient acting on their own record)
    /** The patient reads who is authorized or blocked. */
    PORTAL_AUTHORIZATIONS_READ("PORTAL-AUTHORIZATIONS-READ", "Portal: read authorizations", EventIdCode.PatientRecord, READ),
    /** The patient blocks a professional ({@code INTERDITE}). */
    PORTAL_BLOCK("PORTAL-BLOCK", "Portal: block a professional", EventIdCode.PatientRecord, UPDATE),
    /** The patient lifts a block. */
    PORTAL_UNBLOCK("PORTAL-UNBLOCK", "Portal: unblock a professional", EventIdCode.PatientRecord, UPDATE),
    /** The patient designates their treating doctor. */
    PORTAL_TREATING_DOCTOR("PORTAL-TREATING-DOCTOR", "Portal: designate the treating doctor", EventIdCode.PatientRecord, UPDATE),
    /** The patient reads their oppositions to emergency access. */
    PORTAL_OPPOSITIONS_READ("PORTAL-OPPOSITIONS-READ", "Portal: read oppositions", EventIdCode.PatientRecord, READ),
    /** The patient sets their oppositions to bris de glace and centre 15 access. */
    PORTAL_OPPOSITIONS_SET("PORTAL-OPPOSITIONS-SET", "Portal: set oppositions", EventIdCode.PatientRecord, UPDATE),
    /** The patient (or an auditor) reads the access history of a record: DICOM Audit Log Used. */
    ACCESS_HISTORY_READ("ACCESS-HISTORY-READ", "Access history read", EventIdCode.AuditLogUsed, READ);

    /** Which side of the transaction this server is on, hence who is the Source and who the Destination. */
    enum Side {
        /** Data flows to this server (imports, queries, patient record changes): the remote peer is the Source. */
        RECEIVER,
        /** Data flows from this server (ITI-43, ITI-42 sent): this server is the Source. */
        SENDER
    }

    /** The participant objects of the message. */
    enum ObjectSet {
        /** The patient and the submission set. */
        SUBMISSION,
        /** The patient (when known) and the documents. */
        DOCUMENTS,
        /** The patients (when known) and the query parameters. */
        QUERY,
        /** The patients, each with the message id detail. */
        PATIENT_RECORD,
        /** The patient and the registry object references (entryUUIDs). */
        OBJECT_REFERENCES
    }

    /** The ParticipantObjectDetail carrying the request's message id. */
    enum Detail {
        NONE(null), MSH_10("MSH-10"), II("II");

        final String type;

        Detail(String type) {
            this.type = type;
        }
    }

    private final Code eventType;
    private final EventIdCode eventId;
    private final EventAction action;
    private final Side side;
    private final ObjectSet objects;
    private final Detail messageIdDetail;

    AuditTransaction(String code, String name, EventIdCode eventId, EventAction action, Side side, ObjectSet objects) {
        this(new Code(code, DmpAuditCodes.IHE_TRANSACTIONS, name), eventId, action, side, objects, Detail.NONE);
    }

    AuditTransaction(String code, String name, EventIdCode eventId, EventAction action, Side side, ObjectSet objects,
            Detail detail) {
        this(new Code(code, DmpAuditCodes.IHE_TRANSACTIONS, name), eventId, action, side, objects, detail);
    }

    AuditTransaction(DmpTransaction td, EventIdCode eventId, EventAction action, ObjectSet objects, Detail detail) {
        this(DmpAuditCodes.transaction(td), eventId, action, Side.RECEIVER, objects, detail);
    }

    AuditTransaction(String code, String name, EventIdCode eventId, EventAction action) {
        this(new Code(code, DmpAuditCodes.TRANSACTIONS, name), eventId, action, Side.RECEIVER, PATIENT_RECORD,
                Detail.NONE);
    }

    AuditTransaction(Code eventType, EventIdCode eventId, EventAction action, Side side, ObjectSet objects,
            Detail detail) {
        this.eventType = eventType;
        this.eventId = eventId;
        this.action = action;
        this.side = side;
        this.objects = objects;
        this.messageIdDetail = detail;
    }

    /** The EventTypeCode: the IHE transaction ({@code ITI-18}, "IHE Transactions") or the project's code. */
    public Code eventType() {
        return eventType;
    }

    /** The code, for example {@code ITI-18} or {@code TD0.2}. */
    public String code() {
        return eventType.code();
    }

    /** The DICOM EventID. */
    public EventIdCode eventId() {
        return eventId;
    }

    /** The EventActionCode used when the input does not choose one. */
    public EventAction defaultAction() {
        return action;
    }

    Side side() {
        return side;
    }

    ObjectSet objects() {
        return objects;
    }

    Detail messageIdDetail() {
        return messageIdDetail;
    }
}
