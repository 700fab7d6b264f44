package org.opendmp.audit.event;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.opendmp.security.actor.Actor;
import org.opendmp.security.actor.Software;
import org.openehealth.ipf.commons.audit.codes.AuditSourceType;
import org.openehealth.ipf.commons.audit.codes.EventActionCode;
import org.openehealth.ipf.commons.audit.codes.EventIdCode;
import org.openehealth.ipf.commons.audit.codes.EventTypeCode;
import org.openehealth.ipf.commons.audit.codes.ParticipantObjectIdTypeCode;
import org.openehealth.ipf.commons.audit.codes.ParticipantObjectTypeCode;
import org.openehealth.ipf.commons.audit.codes.ParticipantObjectTypeCodeRole;
import org.openehealth.ipf.commons.audit.event.CustomAuditMessageBuilder;
import org.openehealth.ipf.commons.audit.marshal.dicom.Current;
import org.openehealth.ipf.commons.audit.model.AuditMessage;
import org.openehealth.ipf.commons.audit.model.TypeValuePairType;
import org.openehealth.ipf.commons.audit.types.ActiveParticipantRoleId;
import org.openehealth.ipf.commons.audit.types.EventType;
import org.openehealth.ipf.commons.audit.types.ParticipantObjectIdType;
import org.openehealth.ipf.commons.audit.types.PurposeOfUse;

/**
 * Builds the DICOM audit message of each transaction as IHE ITI TF-2 specifies it, and writes it as XML.
 * Thread-safe; one instance serves the whole server.
 *
 * <p>Every message carries: the EventID, EventActionCode and EventTypeCode of the transaction (plus the
 * DMP's TD name when given), the outcome, the DMP access mode as PurposeOfUse; the Source and Destination
 * ActiveParticipants (the remote peer is the requestor); the Human Requestor from the VIHF and its facility;
 * the AuditSourceIdentification; the participant objects of the transaction (patient, submission set,
 * documents, registry objects, query) and the VIHF assertion.
 */
public final class AuditEvents {

    /** The UserID of a participant nobody named, as IPF writes it. */
    static final String UNKNOWN = "UNKNOWN";
    /** ParticipantObjectDetail type of a document's repository (ITI-43, ITI-86). */
    static final String REPOSITORY_UNIQUE_ID = "Repository Unique Id";
    /** ParticipantObjectDetail type of a document's or query's home community. */
    static final String HOME_COMMUNITY_ID = "ihe:homeCommunityID";
    /** ParticipantObjectDetail type of the character set of an ITI-18 query. */
    static final String QUERY_ENCODING = "QueryEncoding";
    /** ParticipantObjectDetail type of a security alert's description. */
    static final String ALERT_DESCRIPTION = "Alert Description";

    private static final ParticipantObjectIdType SUBMISSION_SET = ParticipantObjectIdTypeCode.XdsMetadata;
    private static final ParticipantObjectIdType REGISTRY_OBJECT = ParticipantObjectIdType.of(
            "urn:ihe:iti:2017:ObjectRef", "IHE XDS Metadata", "registry object reference");

    private final AuditSourceIdentity source;

    public AuditEvents(AuditSourceIdentity source) {
        this.source = source;
    }

    /**
     * The audit messages of a transaction: one, or two for a merge (ITI-8 A40, ITI-44): a delete of the
     * patient merged away, then an update of the surviving patient.
     *
     * @throws org.openehealth.ipf.commons.audit.AuditException if the message lacks what DICOM requires
     */
    public List<AuditMessage> messages(AuditRecordInput input) {
        AuditTransaction transaction = input.transaction();
        if (input.mergedPatientId() != null && transaction.objects() == AuditTransaction.ObjectSet.PATIENT_RECORD) {
            EventAction survivor = input.action() != null ? input.action() : EventAction.UPDATE;
            return List.of(
                    message(input, EventAction.DELETE, List.of(input.mergedPatientId())),
                    message(input, survivor, input.patientIds()));
        }
        return List.of(message(input, input.effectiveAction(), input.patientIds()));
    }

    /** The audit message of a security event. */
    public AuditMessage message(SecurityEvent event) {
        AuditMessage message;
        if (event instanceof NodeAuthenticationFailure failure) {
            message = nodeAuthentication(failure);
        } else if (event instanceof AssertionRefusal refusal) {
            message = assertionRefusal(refusal);
        } else {
            message = accessDenial((AccessDenial) event);
        }
        message.validate();
        return message;
    }

    /**
     * The message recording that audit events were lost (DICOM Security Alert, type Audit Recording Stopped):
     * written as soon as the journal accepts events again, so that the ARR knows of the gap.
     *
     * @param lostEvents how many events were lost
     * @param from       when the first was lost
     * @param to         when the last was lost
     * @param reason     why ({@code QUEUE_FULL}, {@code WRITE_FAILED}, ...)
     */
    public AuditMessage recordingGap(long lostEvents, Instant from, Instant to, String reason) {
        CustomAuditMessageBuilder b = new CustomAuditMessageBuilder(EventOutcome.MAJOR_FAILURE.indicator(),
                lostEvents + " audit events lost from " + from + " to " + to + ": " + reason,
                EventActionCode.Execute, EventIdCode.SecurityAlert, EventTypeCode.AuditRecordingStopped);
        b.setAuditSource(source.auditSourceId(), source.enterpriseSiteId(), AuditSourceType.ApplicationServerProcess);
        b.getMessage().getEventIdentification().setEventDateTime(from);
        reportingNode(b, null);
        AuditMessage message = b.getMessage();
        message.validate();
        return message;
    }

    /** The message as DICOM audit XML (the {@code AuditMessage} element, no declaration), in UTF-8. */
    public static byte[] toXml(AuditMessage message) {
        return Current.toString(message, false).getBytes(StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------------------------------------------
    // Transactions

    private AuditMessage message(AuditRecordInput in, EventAction action, List<String> patients) {
        AuditTransaction transaction = in.transaction();
        CustomAuditMessageBuilder b = start(in.outcome(), in.outcomeDescription(), action.code(),
                transaction.eventId(), transaction.eventType(), in.requestor());
        if (in.dmpTransaction() != null) {
            addEventType(b, DmpAuditCodes.transaction(in.dmpTransaction()));
        }
        b.getMessage().getEventIdentification().setEventDateTime(in.eventTime());
        peers(b, transaction.side(), in.remote(), in.local());
        requestor(b, in.requestor());

        String detailType = transaction.messageIdDetail().type;
        List<TypeValuePairType> messageIdDetail = detailType != null && in.messageId() != null
                ? List.of(new TypeValuePairType(detailType, in.messageId())) : List.of();
        switch (transaction.objects()) {
            case SUBMISSION -> {
                patients(b, patients, List.of());
                if (in.submissionSetUniqueId() != null) {
                    b.addParticipantObjectIdentification(SUBMISSION_SET, null, null, List.of(),
                            in.submissionSetUniqueId(), ParticipantObjectTypeCode.System,
                            ParticipantObjectTypeCodeRole.Job, null, null);
                }
            }
            case DOCUMENTS -> {
                patients(b, patients, List.of());
                in.documents().forEach(document -> document(b, document));
            }
            case QUERY -> {
                patients(b, patients, List.of());
                if (in.query() != null) {
                    query(b, transaction, in.query(), messageIdDetail);
                }
            }
            case PATIENT_RECORD -> patients(b, patients, messageIdDetail);
            case OBJECT_REFERENCES -> {
                patients(b, patients, List.of());
                in.objectReferences().forEach(entryUuid -> b.addParticipantObjectIdentification(REGISTRY_OBJECT,
                        null, null, List.of(), entryUuid, ParticipantObjectTypeCode.System,
                        ParticipantObjectTypeCodeRole.Report, null, null));
            }
        }
        if (in.concernedProfessionalId() != null) {
            b.addParticipantObjectIdentification(ParticipantObjectIdTypeCode.UserIdentifier, null, null, List.of(),
                    "<" + in.concernedProfessionalId() + "@" + Actor.PROFESSIONAL_ID_SYSTEM + ">",
                    ParticipantObjectTypeCode.Person, ParticipantObjectTypeCodeRole.Provider, null, null);
        }
        assertion(b, in.requestor());
        AuditMessage message = b.getMessage();
        message.validate();
        return message;
    }

    private CustomAuditMessageBuilder start(EventOutcome outcome, String description, EventActionCode action,
            EventIdCode eventId, Code eventType, HumanRequestor requestor) {
        List<PurposeOfUse> purposes = new ArrayList<>(1);
        if (requestor != null && requestor.purposeOfUse() != null) {
            Code purpose = DmpAuditCodes.purposeOfUse(requestor.purposeOfUse());
            purposes.add(PurposeOfUse.of(purpose.code(), purpose.codeSystem(), purpose.displayName()));
        }
        CustomAuditMessageBuilder b = new CustomAuditMessageBuilder(outcome.indicator(), description, action,
                eventId, eventType(eventType), purposes.toArray(PurposeOfUse[]::new));
        b.setAuditSource(source.auditSourceId(), source.enterpriseSiteId(), AuditSourceType.ApplicationServerProcess);
        return b;
    }

    private static EventType eventType(Code code) {
        return EventType.of(code.code(), code.codeSystem(), code.displayName());
    }

    private static void addEventType(CustomAuditMessageBuilder b, Code code) {
        b.getMessage().getEventIdentification().getEventTypeCode().add(eventType(code));
    }

    /** Source and Destination: the remote peer requested the transaction, this server answered it. */
    private void peers(CustomAuditMessageBuilder b, AuditTransaction.Side side, Participant remote, Participant local) {
        Participant peer = remote != null ? remote : new Participant(UNKNOWN, null, null, null);
        String localId = local != null && local.userId() != null ? local.userId() : source.auditSourceId();
        String localAddress = local != null ? local.networkAccessPoint() : null;
        if (side == AuditTransaction.Side.RECEIVER) {
            b.addSourceActiveParticipant(orUnknown(peer.userId()), peer.alternativeUserId(), peer.userName(),
                    peer.networkAccessPoint(), true);
            b.addDestinationActiveParticipant(localId, source.processId(), null, localAddress, false);
        } else {
            b.addSourceActiveParticipant(localId, source.processId(), null, localAddress, false);
            b.addDestinationActiveParticipant(orUnknown(peer.userId()), peer.alternativeUserId(), peer.userName(),
                    peer.networkAccessPoint(), true);
        }
    }

    /** The Human Requestor (XUA) and, as a second participant, the facility the VIHF names. */
    private static void requestor(CustomAuditMessageBuilder b, HumanRequestor requestor) {
        if (requestor == null) {
            return;
        }
        b.addActiveParticipant(requestor.userId(), null, requestor.name(), true, roles(requestor.roles()), null);
        if (requestor.facilityId() != null) {
            List<Code> sector = requestor.activitySector() == null ? List.of() : List.of(requestor.activitySector());
            b.addActiveParticipant(requestor.facilityUserId(), null, null, false, roles(sector), null);
        }
    }

    private static List<ActiveParticipantRoleId> roles(List<Code> codes) {
        return codes.stream()
                .map(code -> ActiveParticipantRoleId.of(code.code(), code.codeSystem(), code.displayName()))
                .toList();
    }

    private static void patients(CustomAuditMessageBuilder b, List<String> patients, List<TypeValuePairType> details) {
        for (String patient : patients) {
            b.addPatientParticipantObject(patient, null, details, null);
        }
    }

    private static void document(CustomAuditMessageBuilder b, DocumentReference document) {
        List<TypeValuePairType> details = new ArrayList<>(2);
        if (document.repositoryUniqueId() != null) {
            details.add(new TypeValuePairType(REPOSITORY_UNIQUE_ID, document.repositoryUniqueId()));
        }
        if (document.homeCommunityId() != null) {
            details.add(new TypeValuePairType(HOME_COMMUNITY_ID, document.homeCommunityId()));
        }
        b.addParticipantObjectIdentification(ParticipantObjectIdTypeCode.ReportNumber, null, null, details,
                document.uniqueId(), ParticipantObjectTypeCode.System, ParticipantObjectTypeCodeRole.Report,
                null, null);
    }

    /** The Query Parameters object: the transaction as id type, the query as ParticipantObjectQuery. */
    private static void query(CustomAuditMessageBuilder b, AuditTransaction transaction, AuditedQuery query,
            List<TypeValuePairType> messageIdDetail) {
        List<TypeValuePairType> details = new ArrayList<>(messageIdDetail);
        if (transaction == AuditTransaction.ITI_18) {
            details.add(new TypeValuePairType(QUERY_ENCODING, StandardCharsets.UTF_8.name()));
        }
        if (query.homeCommunityId() != null) {
            details.add(new TypeValuePairType(HOME_COMMUNITY_ID, query.homeCommunityId()));
        }
        Code type = transaction.eventType();
        b.addParticipantObjectIdentification(
                ParticipantObjectIdType.of(type.code(), type.codeSystem(), type.displayName()), null,
                query.payload(), details, query.id(), ParticipantObjectTypeCode.System,
                ParticipantObjectTypeCodeRole.Query, null, null);
    }

    /** The VIHF as a Security Resource, with how it was signed and by which software. */
    private static void assertion(CustomAuditMessageBuilder b, HumanRequestor requestor) {
        if (requestor == null || requestor.assertionId() == null) {
            return;
        }
        List<TypeValuePairType> details = new ArrayList<>(5);
        if (requestor.authenticationMode() != null) {
            details.add(new TypeValuePairType("Authentification_mode", requestor.authenticationMode().name()));
        }
        Software software = requestor.software();
        if (software != null) {
            addDetail(details, "LPS_ID", software.id());
            addDetail(details, "LPS_Nom", software.name());
            addDetail(details, "LPS_Version", software.version());
            addDetail(details, "LPS_ID_HOMOLOGATION_DMP", software.homologation());
        }
        assertionObject(b, requestor.assertionId(), details);
    }

    private static void assertionObject(CustomAuditMessageBuilder b, String assertionId,
            List<TypeValuePairType> details) {
        Code type = DmpAuditCodes.VIHF_ASSERTION;
        b.addParticipantObjectIdentification(
                ParticipantObjectIdType.of(type.code(), type.codeSystem(), type.displayName()), null, null, details,
                assertionId, ParticipantObjectTypeCode.System, ParticipantObjectTypeCodeRole.SecurityResource,
                null, null);
    }

    private static void addDetail(List<TypeValuePairType> details, String type, String value) {
        if (value != null && !value.isEmpty()) {
            details.add(new TypeValuePairType(type, value));
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // Security events

    private AuditMessage nodeAuthentication(NodeAuthenticationFailure failure) {
        CustomAuditMessageBuilder b = new CustomAuditMessageBuilder(EventOutcome.SERIOUS_FAILURE.indicator(),
                failure.reason(), EventActionCode.Execute, EventIdCode.SecurityAlert, EventTypeCode.NodeAuthentication);
        b.setAuditSource(source.auditSourceId(), source.enterpriseSiteId(), AuditSourceType.ApplicationServerProcess);
        b.getMessage().getEventIdentification().setEventDateTime(failure.eventTime());
        reportingNode(b, failure.local());
        String peer = failure.peerCertificateSubject() != null ? failure.peerCertificateSubject()
                : failure.remoteAddress();
        b.addActiveParticipant(peer, null, null, true, List.of(), failure.remoteAddress());
        b.addParticipantObjectIdentification(ParticipantObjectIdTypeCode.NodeID, null, null,
                List.of(new TypeValuePairType(ALERT_DESCRIPTION, failure.reason())), failure.remoteAddress(),
                ParticipantObjectTypeCode.System, ParticipantObjectTypeCodeRole.SecurityResource, null, null);
        return b.getMessage();
    }

    private AuditMessage assertionRefusal(AssertionRefusal refusal) {
        String description = refusal.detail() == null ? refusal.reason() : refusal.reason() + ": " + refusal.detail();
        CustomAuditMessageBuilder b = new CustomAuditMessageBuilder(EventOutcome.SERIOUS_FAILURE.indicator(),
                description, EventActionCode.Execute, EventIdCode.UserAuthentication, EventTypeCode.Login);
        b.setAuditSource(source.auditSourceId(), source.enterpriseSiteId(), AuditSourceType.ApplicationServerProcess);
        b.getMessage().getEventIdentification().setEventDateTime(refusal.eventTime());
        if (refusal.attempted() != null) {
            addEventType(b, refusal.attempted().eventType());
        }
        Participant remote = refusal.remote();
        String user = refusal.claimedSubjectId() != null
                ? "<" + refusal.claimedSubjectId() + "@" + Actor.PROFESSIONAL_ID_SYSTEM + ">"
                : remote != null ? orUnknown(remote.userId()) : UNKNOWN;
        b.addActiveParticipant(user, null, null, true, List.of(), remote != null ? remote.networkAccessPoint() : null);
        reportingNode(b, refusal.local());
        if (refusal.assertionId() != null) {
            assertionObject(b, refusal.assertionId(), List.of());
        }
        return b.getMessage();
    }

    private AuditMessage accessDenial(AccessDenial denial) {
        CustomAuditMessageBuilder b = start(EventOutcome.SERIOUS_FAILURE, denial.reason(), EventActionCode.Execute,
                EventIdCode.SecurityAlert, code(EventTypeCode.UseOfRestrictedFunction), denial.requestor());
        addEventType(b, denial.transaction().eventType());
        b.getMessage().getEventIdentification().setEventDateTime(denial.eventTime());
        peers(b, AuditTransaction.Side.RECEIVER, denial.remote(), denial.local());
        requestor(b, denial.requestor());
        patients(b, denial.patientIds(), List.of());
        denial.documents().forEach(document -> document(b, document));
        assertion(b, denial.requestor());
        return b.getMessage();
    }

    /** This server as the node reporting a security event. */
    private void reportingNode(CustomAuditMessageBuilder b, Participant local) {
        String localId = local != null && local.userId() != null ? local.userId() : source.auditSourceId();
        b.addActiveParticipant(localId, source.processId(), null, false, List.of(),
                local != null ? local.networkAccessPoint() : null);
    }

    private static Code code(EventTypeCode code) {
        EventType value = code.getValue();
        return new Code(value.getCode(), value.getCodeSystemName(), value.getOriginalText());
    }

    private static String orUnknown(String value) {
        return value == null || value.isEmpty() ? UNKNOWN : value;
    }
}
