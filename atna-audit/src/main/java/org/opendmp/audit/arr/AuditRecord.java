package org.opendmp.audit.arr;

import java.time.Instant;
import java.util.List;

/**
 * What the ARR indexes of one DICOM audit message (DICOM PS3.15 A.5, IHE ITI TF-2 3.20): the event,
 * its human requestor, source and destination, and the participant objects the searches need. The
 * whole message is kept as well ({@link ReceivedMessage#xml()}).
 *
 * @param eventTime      EventDateTime (a time without offset is taken as UTC)
 * @param eventId        EventID, e.g. {@code 110112} Query
 * @param eventTypes     the EventTypeCodes, e.g. {@code ITI-18} in {@code IHE Transactions}
 * @param action         EventActionCode ({@code C R U D E}), or null
 * @param outcome        EventOutcomeIndicator: 0 success, 4 minor failure, 8 serious failure, 12 major failure
 * @param purposesOfUse  PurposeOfUse codes (for the DMP: the VIHF access mode {@code normal},
 *                       {@code centre_15} or {@code bris_de_glace})
 * @param requestor      the human requestor, or null when none is named (system to system)
 * @param source         the ActiveParticipant with role 110153 (Source), or null
 * @param destination    the ActiveParticipant with role 110152 (Destination), or null
 * @param auditSourceId  AuditSourceIdentification/@AuditSourceID
 * @param patients       ParticipantObjectIDs of type 1 (person) role 1 (patient), as sent (HL7 CX)
 * @param documents      documents (type 2, role 3 report) and submission sets (type 2, role 20 job)
 * @param queryId        ParticipantObjectID of the query (type 2, role 24), e.g. a stored query id, or null
 * @param facility       the organization (ParticipantObject type 3) the requestor acts for, or null
 */
public record AuditRecord(Instant eventTime, Code eventId, List<Code> eventTypes, String action, int outcome,
                          List<Code> purposesOfUse, Requestor requestor, Participant source, Participant destination,
                          String auditSourceId, List<String> patients, List<ObjectRef> documents, String queryId,
                          Facility facility) {

    public AuditRecord {
        eventTypes = List.copyOf(eventTypes);
        purposesOfUse = List.copyOf(purposesOfUse);
        patients = List.copyOf(patients);
        documents = List.copyOf(documents);
    }

    /** The first PurposeOfUse code, or null. */
    public String purposeOfUse() {
        return purposesOfUse.isEmpty() ? null : purposesOfUse.get(0).code();
    }

    /**
     * The human requestor: the ActiveParticipant with UserIsRequestor true that is neither source,
     * destination nor an application.
     *
     * @param userId            UserID as sent: for the DMP the professional's idNat_PS, possibly in the
     *                          XUA form {@code alias<id@issuer>} or as HL7 CX
     * @param key               the id searches match: the NameID of the XUA form, CX.1 of a CX, else the UserID
     * @param name              UserName (for the DMP the VIHF {@code subject-id}), or null
     * @param alternativeUserId AlternativeUserID, or null
     * @param roles             RoleIDCodes: the profession (TRE_G15, {@value #PROFESSIONS}) and specialty
     *                          (TRE_R01, {@value #SPECIALTIES}) for the DMP
     */
    public record Requestor(String userId, String key, String name, String alternativeUserId, List<Code> roles) {

        /** TRE_G15, the health professions (code system of the VIHF role). */
        public static final String PROFESSIONS = "1.2.250.1.71.1.2.7";
        /** TRE_R01, the specialties. */
        public static final String SPECIALTIES = "1.2.250.1.71.4.2.5";

        public Requestor {
            roles = List.copyOf(roles);
        }

        /** The profession code (TRE_G15 role), or null. */
        public String professionCode() {
            return roleIn(PROFESSIONS);
        }

        /** The specialty code (TRE_R01 role), or null. */
        public String specialtyCode() {
            return roleIn(SPECIALTIES);
        }

        private String roleIn(String system) {
            return roles.stream().filter(role -> role.inSystem(system)).map(Code::code).findFirst().orElse(null);
        }
    }

    /** A machine participant: UserID (e.g. an endpoint URL or process id) and NetworkAccessPointID. */
    public record Participant(String userId, String address) {
    }

    /** A facility: ParticipantObjectID (for the DMP the idNat_Struct) and ParticipantObjectName. */
    public record Facility(String id, String name) {
    }

    /**
     * A document or submission set the event is about.
     *
     * @param kind         which
     * @param id           its uniqueId
     * @param repositoryId the document's repositoryUniqueId (ParticipantObjectDetail {@code Repository Unique Id}), or null
     */
    public record ObjectRef(Kind kind, String id, String repositoryId) {

        public enum Kind { DOCUMENT, SUBMISSION_SET }
    }
}
