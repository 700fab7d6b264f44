package org.opendmp.audit.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendmp.audit.event.AuditFixtures.ASSERTION_ID;
import static org.opendmp.audit.event.AuditFixtures.CLIENT;
import static org.opendmp.audit.event.AuditFixtures.OTHER_PATIENT;
import static org.opendmp.audit.event.AuditFixtures.PATIENT;
import static org.opendmp.audit.event.AuditFixtures.SERVER;
import static org.opendmp.audit.event.AuditFixtures.SOURCE;
import static org.opendmp.audit.event.AuditFixtures.TIME;
import static org.opendmp.audit.event.AuditFixtures.requestor;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opendmp.security.access.DenialReason;
import org.opendmp.security.access.DmpTransaction;
import org.opendmp.security.actor.Actor;
import org.opendmp.security.actor.PurposeOfUse;
import org.opendmp.security.actor.Role;
import org.openehealth.ipf.commons.audit.model.AuditMessage;

class AuditEventsTest {

    private static final String EVENT = "/AuditMessage/EventIdentification";
    private static final String SOURCE_PARTICIPANT = "/AuditMessage/ActiveParticipant[RoleIDCode/@csd-code='110153']";
    private static final String DESTINATION_PARTICIPANT =
            "/AuditMessage/ActiveParticipant[RoleIDCode/@csd-code='110152']";
    private static final String PATIENT_OBJECT =
            "/AuditMessage/ParticipantObjectIdentification[@ParticipantObjectTypeCode='1' and @ParticipantObjectTypeCodeRole='1']";
    private static final String STORED_QUERY = "urn:uuid:14d4debf-8f97-4251-9a74-a90016b0af0d";
    private static final String ADHOC_QUERY = "<query:AdhocQueryRequest xmlns:query=\"urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0\"/>";

    private final AuditEvents events = new AuditEvents(SOURCE);

    @ParameterizedTest
    @EnumSource(AuditTransaction.class)
    void everyTransactionGivesSchemaValidMessagesWithEverythingSet(AuditTransaction transaction) {
        AuditRecordInput input = AuditRecordInput.builder(transaction, EventOutcome.SUCCESS)
                .eventTime(TIME).remote(CLIENT).local(SERVER).requestor(requestor(PurposeOfUse.NORMAL))
                .dmpTransaction(DmpTransaction.TD3_1)
                .patient(PATIENT).mergedPatient(OTHER_PATIENT)
                .document(new DocumentReference("1.2.250.1.999.2.1", "1.2.250.1.213.4.1.1.1.2", "urn:oid:1.2.3"))
                .submissionSet("1.2.250.1.999.3.1").objectReference("urn:uuid:0f9b5e2c-1d4a-4c3b-8a7e-5b6c7d8e9f01")
                .query(new AuditedQuery(STORED_QUERY, ADHOC_QUERY.getBytes(), "urn:oid:1.2.3"))
                .messageId("MSG-0001").concernedProfessional("810009999999")
                .build();

        List<AuditMessage> messages = events.messages(input);

        assertThat(messages).isNotEmpty();
        for (AuditMessage message : messages) {
            DicomXml xml = DicomXml.of(message);
            assertThat(xml.text(EVENT + "/EventID/@csd-code")).isEqualTo(transaction.eventId().getValue().getCode());
            assertThat(xml.values(EVENT + "/EventTypeCode/@csd-code")).containsExactly(transaction.code(), "TD3.1");
            assertThat(xml.text(EVENT + "/@EventDateTime")).isEqualTo("2024-05-02T10:15:30.123Z");
            assertThat(xml.text(EVENT + "/@EventOutcomeIndicator")).isEqualTo("0");
            assertThat(xml.text("/AuditMessage/AuditSourceIdentification/@AuditSourceID")).isEqualTo("opendmp@dmp.example.test");
            assertThat(xml.count(SOURCE_PARTICIPANT)).isEqualTo(1);
            assertThat(xml.count(DESTINATION_PARTICIPANT)).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(AuditTransaction.class)
    void aFailedTransactionWithAlmostNothingKnownStillGivesASchemaValidMessage(AuditTransaction transaction) {
        AuditRecordInput input = AuditRecordInput.builder(transaction, EventOutcome.SERIOUS_FAILURE)
                .eventTime(TIME).outcomeDescription("XDSRegistryMetadataError").build();

        DicomXml xml = DicomXml.of(events.messages(input).get(0));

        assertThat(xml.text(EVENT + "/@EventOutcomeIndicator")).isEqualTo("8");
        assertThat(xml.text(EVENT + "/EventOutcomeDescription")).isEqualTo("XDSRegistryMetadataError");
        // without peers: the remote is UNKNOWN, this server is named by its audit source id and process id
        assertThat(xml.text("/AuditMessage/ActiveParticipant[@UserIsRequestor='true']/@UserID")).isEqualTo("UNKNOWN");
        assertThat(xml.text("/AuditMessage/ActiveParticipant[@AlternativeUserID='4242']/@UserID"))
                .isEqualTo("opendmp@dmp.example.test");
    }

    @Test
    void provideAndRegisterIsAnImportOfTheSubmissionSetReceivedFromTheDocumentSource() {
        DicomXml xml = only(AuditRecordInput.builder(AuditTransaction.ITI_41, EventOutcome.SUCCESS).eventTime(TIME)
                .remote(CLIENT).local(SERVER).requestor(requestor(PurposeOfUse.NORMAL)).dmpTransaction(DmpTransaction.TD2_1)
                .patient(PATIENT).submissionSet("1.2.250.1.999.3.7")
                .document(DocumentReference.of("1.2.250.1.999.2.7", "1.2.250.1.213.4.1.1.1.2")).build());

        assertThat(xml.text(EVENT + "/EventID/@csd-code")).isEqualTo("110107");
        assertThat(xml.text(EVENT + "/EventID/@codeSystemName")).isEqualTo("DCM");
        assertThat(xml.text(EVENT + "/@EventActionCode")).isEqualTo("C");
        assertThat(xml.text(EVENT + "/EventTypeCode[1]/@codeSystemName")).isEqualTo("IHE Transactions");
        assertThat(xml.text(EVENT + "/EventTypeCode[1]/@originalText")).isEqualTo("Provide and Register Document Set-b");
        assertThat(xml.text(EVENT + "/EventTypeCode[2]/@csd-code")).isEqualTo("TD2.1");
        assertThat(xml.text(EVENT + "/EventTypeCode[2]/@codeSystemName")).isEqualTo(DmpAuditCodes.TRANSACTIONS);
        // the Document Source sent it: it is the Source and the requestor; the repository is the Destination
        assertThat(xml.text(SOURCE_PARTICIPANT + "/@UserID")).isEqualTo(CLIENT.userId());
        assertThat(xml.text(SOURCE_PARTICIPANT + "/@UserIsRequestor")).isEqualTo("true");
        assertThat(xml.text(SOURCE_PARTICIPANT + "/@NetworkAccessPointID")).isEqualTo("192.0.2.10");
        assertThat(xml.text(SOURCE_PARTICIPANT + "/@NetworkAccessPointTypeCode")).isEqualTo("2");
        assertThat(xml.text(DESTINATION_PARTICIPANT + "/@UserID")).isEqualTo(SERVER.userId());
        assertThat(xml.text(DESTINATION_PARTICIPANT + "/@AlternativeUserID")).isEqualTo("4242");
        assertThat(xml.text(DESTINATION_PARTICIPANT + "/@UserIsRequestor")).isEqualTo("false");
        assertThat(xml.text(DESTINATION_PARTICIPANT + "/@NetworkAccessPointTypeCode")).isEqualTo("1");
        assertThat(xml.text(PATIENT_OBJECT + "/@ParticipantObjectID")).isEqualTo(PATIENT);
        assertThat(xml.text(PATIENT_OBJECT + "/ParticipantObjectIDTypeCode/@csd-code")).isEqualTo("2");
        assertThat(xml.text(PATIENT_OBJECT + "/ParticipantObjectIDTypeCode/@codeSystemName")).isEqualTo("RFC-3881");
        String submissionSet = "/AuditMessage/ParticipantObjectIdentification[@ParticipantObjectTypeCodeRole='20']";
        assertThat(xml.text(submissionSet + "/@ParticipantObjectID")).isEqualTo("1.2.250.1.999.3.7");
        assertThat(xml.text(submissionSet + "/@ParticipantObjectTypeCode")).isEqualTo("2");
        assertThat(xml.text(submissionSet + "/ParticipantObjectIDTypeCode/@csd-code"))
                .isEqualTo("urn:uuid:a54d6aa5-d40d-43f9-88c5-b4633d873bdd");
        assertThat(xml.text(submissionSet + "/ParticipantObjectIDTypeCode/@codeSystemName")).isEqualTo("IHE XDS Metadata");
        // IHE's ITI-41 message names the submission set, not the documents
        assertThat(xml.count("/AuditMessage/ParticipantObjectIdentification[@ParticipantObjectTypeCodeRole='3']")).isZero();
    }

    @Test
    void retrieveIsAnExportWhoseSourceIsTheRepositoryAndWhoseObjectsAreTheDocuments() {
        DicomXml xml = only(AuditRecordInput.builder(AuditTransaction.ITI_43, EventOutcome.SUCCESS).eventTime(TIME)
                .remote(CLIENT).local(SERVER).requestor(requestor(PurposeOfUse.NORMAL)).patient(PATIENT)
                .document(DocumentReference.of("1.2.250.1.999.2.1", "1.2.250.1.213.4.1.1.1.2"))
                .document(new DocumentReference("1.2.250.1.999.2.2", "1.2.250.1.213.4.1.1.1.2", "urn:oid:1.2.250.1.999"))
                .build());

        assertThat(xml.text(EVENT + "/EventID/@csd-code")).isEqualTo("110106");
        assertThat(xml.text(EVENT + "/@EventActionCode")).isEqualTo("R");
        assertThat(xml.text(SOURCE_PARTICIPANT + "/@UserID")).isEqualTo(SERVER.userId());
        assertThat(xml.text(SOURCE_PARTICIPANT + "/@AlternativeUserID")).isEqualTo("4242");
        assertThat(xml.text(SOURCE_PARTICIPANT + "/@UserIsRequestor")).isEqualTo("false");
        assertThat(xml.text(DESTINATION_PARTICIPANT + "/@UserID")).isEqualTo(CLIENT.userId());
        assertThat(xml.text(DESTINATION_PARTICIPANT + "/@UserIsRequestor")).isEqualTo("true");
        String documents = "/AuditMessage/ParticipantObjectIdentification[@ParticipantObjectTypeCodeRole='3']";
        assertThat(xml.values(documents + "/@ParticipantObjectID")).containsExactly("1.2.250.1.999.2.1", "1.2.250.1.999.2.2");
        assertThat(xml.text(documents + "[1]/ParticipantObjectIDTypeCode/@csd-code")).isEqualTo("9");
        assertThat(xml.text(documents + "[1]/ParticipantObjectDetail/@type")).isEqualTo("Repository Unique Id");
        assertThat(xml.decoded(documents + "[1]/ParticipantObjectDetail/@value")).isEqualTo("1.2.250.1.213.4.1.1.1.2");
        assertThat(xml.decoded(documents + "[2]/ParticipantObjectDetail[@type='ihe:homeCommunityID']/@value"))
                .isEqualTo("urn:oid:1.2.250.1.999");
        assertThat(xml.text(PATIENT_OBJECT + "/@ParticipantObjectID")).isEqualTo(PATIENT);
    }

    @Test
    void storedQueryRecordsTheQueryItsEncodingThePatientAndTheAccessMode() {
        DicomXml xml = only(AuditRecordInput.builder(AuditTransaction.ITI_18, EventOutcome.SUCCESS).eventTime(TIME)
                .remote(CLIENT).local(SERVER).requestor(requestor(PurposeOfUse.BRIS_DE_GLACE))
                .dmpTransaction(DmpTransaction.TD3_1).patient(PATIENT)
                .query(AuditedQuery.of(STORED_QUERY, ADHOC_QUERY)).build());

        assertThat(xml.text(EVENT + "/EventID/@csd-code")).isEqualTo("110112");
        assertThat(xml.text(EVENT + "/@EventActionCode")).isEqualTo("E");
        assertThat(xml.text(EVENT + "/PurposeOfUse/@csd-code")).isEqualTo("bris_de_glace");
        assertThat(xml.text(EVENT + "/PurposeOfUse/@codeSystemName")).isEqualTo("1.2.250.1.213.1.1.4.248");
        assertThat(xml.text(EVENT + "/PurposeOfUse/@originalText")).isEqualTo("Accès en mode bris de glace");
        String query = "/AuditMessage/ParticipantObjectIdentification[@ParticipantObjectTypeCodeRole='24']";
        assertThat(xml.text(query + "/@ParticipantObjectID")).isEqualTo(STORED_QUERY);
        assertThat(xml.text(query + "/@ParticipantObjectTypeCode")).isEqualTo("2");
        assertThat(xml.text(query + "/ParticipantObjectIDTypeCode/@csd-code")).isEqualTo("ITI-18");
        assertThat(xml.text(query + "/ParticipantObjectIDTypeCode/@codeSystemName")).isEqualTo("IHE Transactions");
        assertThat(xml.decoded(query + "/ParticipantObjectQuery")).isEqualTo(ADHOC_QUERY);
        assertThat(xml.decoded(query + "/ParticipantObjectDetail[@type='QueryEncoding']/@value")).isEqualTo("UTF-8");
        assertThat(xml.text(PATIENT_OBJECT + "/@ParticipantObjectID")).isEqualTo(PATIENT);
    }

    @Test
    void humanRequestorCarriesTheProfessionalIdProfessionSpecialtyAndFacilityAndTheAssertion() {
        DicomXml xml = only(AuditRecordInput.builder(AuditTransaction.ITI_18, EventOutcome.SUCCESS).eventTime(TIME)
                .remote(CLIENT).local(SERVER).requestor(requestor(PurposeOfUse.CENTRE_15)).patient(PATIENT)
                .query(AuditedQuery.of(STORED_QUERY, ADHOC_QUERY)).build());

        String human = "/AuditMessage/ActiveParticipant[@UserID='<810001234567@1.2.250.1.71.4.2.1>']";
        assertThat(xml.count(human)).isEqualTo(1);
        assertThat(xml.text(human + "/@UserName")).isEqualTo("Claire MARTIN");
        assertThat(xml.text(human + "/@UserIsRequestor")).isEqualTo("true");
        assertThat(xml.values(human + "/RoleIDCode/@csd-code")).containsExactly("10", "SM54");
        assertThat(xml.values(human + "/RoleIDCode/@codeSystemName")).containsExactly(Role.PROFESSIONS, Role.SPECIALTIES);
        assertThat(xml.text(human + "/RoleIDCode[1]/@originalText")).isEqualTo("Médecin");
        String facility = "/AuditMessage/ActiveParticipant[@UserID='<10B0001234@1.2.250.1.71.4.2.2>']";
        assertThat(xml.text(facility + "/@UserIsRequestor")).isEqualTo("false");
        assertThat(xml.text(facility + "/RoleIDCode/@csd-code")).isEqualTo("SA07");
        assertThat(xml.text(facility + "/RoleIDCode/@codeSystemName")).isEqualTo("1.2.250.1.71.4.2.4");
        assertThat(xml.text(EVENT + "/PurposeOfUse/@csd-code")).isEqualTo("centre_15");
        String assertion = "/AuditMessage/ParticipantObjectIdentification[@ParticipantObjectTypeCodeRole='13']";
        assertThat(xml.text(assertion + "/@ParticipantObjectID")).isEqualTo(ASSERTION_ID);
        assertThat(xml.text(assertion + "/ParticipantObjectIDTypeCode/@codeSystemName")).isEqualTo(DmpAuditCodes.OBJECTS);
        assertThat(xml.decoded(assertion + "/ParticipantObjectDetail[@type='Authentification_mode']/@value"))
                .isEqualTo("INDIRECTE");
        assertThat(xml.decoded(assertion + "/ParticipantObjectDetail[@type='LPS_Nom']/@value")).isEqualTo("Logiciel de test");
    }

    @Test
    void anAutomatonIsNamedWithTheAutomatonCodeSystem() {
        Actor doctor = AuditFixtures.doctor(PurposeOfUse.NORMAL);
        Actor automaton = new Actor("LAB-SYSTEM-1", null, new Role(Role.AUTOMATON_CODE, Role.AUTOMATON_SYSTEM, null, null),
                doctor.facilityId(), null, doctor.authenticationMode(), PurposeOfUse.NORMAL, PATIENT, false,
                doctor.software(), "3.0", "_a1", TIME, doctor.signer());

        HumanRequestor requestor = HumanRequestor.of(automaton);

        assertThat(requestor.userId()).isEqualTo("<LAB-SYSTEM-1@1.2.250.1.213.1.1.4.6>");
        assertThat(requestor.roles()).containsExactly(Code.of("AUTOMATE", Role.AUTOMATON_SYSTEM));
        assertThat(requestor.activitySector()).isNull();
    }

    @Test
    void updateDocumentSetIsAnImportUpdateOfTheSubmissionSetWithTheDmpOperation() {
        DicomXml xml = only(AuditRecordInput.builder(AuditTransaction.ITI_57, EventOutcome.SUCCESS).eventTime(TIME)
                .remote(CLIENT).local(SERVER).requestor(requestor(PurposeOfUse.NORMAL))
                .dmpTransaction(DmpTransaction.TD3_3C).patient(PATIENT).submissionSet("1.2.250.1.999.3.9").build());

        assertThat(xml.text(EVENT + "/EventID/@csd-code")).isEqualTo("110107");
        assertThat(xml.text(EVENT + "/@EventActionCode")).isEqualTo("U");
        assertThat(xml.values(EVENT + "/EventTypeCode/@csd-code")).containsExactly("ITI-57", "TD3.3c");
        assertThat(xml.text("/AuditMessage/ParticipantObjectIdentification[@ParticipantObjectTypeCodeRole='20']/@ParticipantObjectID"))
                .isEqualTo("1.2.250.1.999.3.9");
    }

    @Test
    void removeMetadataIsAPatientRecordDeleteOfTheRegistryObjects() {
        DicomXml xml = only(AuditRecordInput.builder(AuditTransaction.ITI_62, EventOutcome.SUCCESS).eventTime(TIME)
                .remote(CLIENT).local(SERVER).patient(PATIENT)
                .objectReference("urn:uuid:11111111-2222-3333-4444-555555555555")
                .objectReference("urn:uuid:66666666-7777-8888-9999-000000000000").build());

        assertThat(xml.text(EVENT + "/EventID/@csd-code")).isEqualTo("110110");
        assertThat(xml.text(EVENT + "/@EventActionCode")).isEqualTo("D");
        String objects = "/AuditMessage/ParticipantObjectIdentification[ParticipantObjectIDTypeCode/@csd-code='urn:ihe:iti:2017:ObjectRef']";
        assertThat(xml.values(objects + "/@ParticipantObjectID")).containsExactly(
                "urn:uuid:11111111-2222-3333-4444-555555555555", "urn:uuid:66666666-7777-8888-9999-000000000000");
        assertThat(xml.text(objects + "[1]/@ParticipantObjectTypeCodeRole")).isEqualTo("3");
    }

    @Test
    void removeDocumentsIsAPatientRecordDeleteOfTheDocuments() {
        DicomXml xml = only(AuditRecordInput.builder(AuditTransaction.ITI_86, EventOutcome.MINOR_FAILURE).eventTime(TIME)
                .outcomeDescription("XDSDocumentUniqueIdError").remote(CLIENT).local(SERVER)
                .document(DocumentReference.of("1.2.250.1.999.2.5", "1.2.250.1.213.4.1.1.1.2")).build());

        assertThat(xml.text(EVENT + "/EventID/@csd-code")).isEqualTo("110110");
        assertThat(xml.text(EVENT + "/@EventActionCode")).isEqualTo("D");
        assertThat(xml.text(EVENT + "/@EventOutcomeIndicator")).isEqualTo("4");
        assertThat(xml.text("/AuditMessage/ParticipantObjectIdentification[@ParticipantObjectTypeCodeRole='3']/@ParticipantObjectID"))
                .isEqualTo("1.2.250.1.999.2.5");
    }

    @Test
    void aMergeIsAuditedAsTheDeleteOfTheMergedPatientThenTheUpdateOfTheSurvivor() {
        List<AuditMessage> messages = events.messages(AuditRecordInput.builder(AuditTransaction.ITI_8, EventOutcome.SUCCESS)
                .eventTime(TIME).remote(Participant.of("LAB|HOSPITAL", "192.0.2.20")).local(Participant.of("OPENDMP|DMP", null))
                .patient(PATIENT).mergedPatient(OTHER_PATIENT).messageId("MSG00042").build());

        assertThat(messages).hasSize(2);
        DicomXml merged = DicomXml.of(messages.get(0));
        DicomXml survivor = DicomXml.of(messages.get(1));
        assertThat(merged.text(EVENT + "/@EventActionCode")).isEqualTo("D");
        assertThat(merged.text(PATIENT_OBJECT + "/@ParticipantObjectID")).isEqualTo(OTHER_PATIENT);
        assertThat(survivor.text(EVENT + "/@EventActionCode")).isEqualTo("U");
        assertThat(survivor.text(PATIENT_OBJECT + "/@ParticipantObjectID")).isEqualTo(PATIENT);
        for (DicomXml xml : List.of(merged, survivor)) {
            assertThat(xml.text(EVENT + "/EventID/@csd-code")).isEqualTo("110110");
            assertThat(xml.text(EVENT + "/EventTypeCode/@csd-code")).isEqualTo("ITI-8");
            assertThat(xml.decoded(PATIENT_OBJECT + "/ParticipantObjectDetail[@type='MSH-10']/@value")).isEqualTo("MSG00042");
            assertThat(xml.text(SOURCE_PARTICIPANT + "/@UserID")).isEqualTo("LAB|HOSPITAL");
            assertThat(xml.text(DESTINATION_PARTICIPANT + "/@UserID")).isEqualTo("OPENDMP|DMP");
        }
    }

    @Test
    void aFeedAddIsAPatientRecordCreateAndARevisionAnUpdate() {
        DicomXml add = only(AuditRecordInput.builder(AuditTransaction.ITI_44, EventOutcome.SUCCESS).eventTime(TIME)
                .remote(CLIENT).local(SERVER).patient(PATIENT).messageId("42@1.2.250.1.999.5").build());
        DicomXml revise = only(AuditRecordInput.builder(AuditTransaction.ITI_44, EventOutcome.SUCCESS).eventTime(TIME)
                .action(EventAction.UPDATE).remote(CLIENT).local(SERVER).patient(PATIENT).build());

        assertThat(add.text(EVENT + "/@EventActionCode")).isEqualTo("C");
        assertThat(add.decoded(PATIENT_OBJECT + "/ParticipantObjectDetail[@type='II']/@value")).isEqualTo("42@1.2.250.1.999.5");
        assertThat(revise.text(EVENT + "/@EventActionCode")).isEqualTo("U");
        assertThat(revise.count(PATIENT_OBJECT + "/ParticipantObjectDetail")).isZero();
    }

    @Test
    void pixAndPdqQueriesCarryTheQpdSegmentTheMessageControlIdAndThePatientsFound() {
        String qpd = "QPD|IHE PDQ Query|Q0001|@PID.5.1.1^MARTIN";
        DicomXml xml = only(AuditRecordInput.builder(AuditTransaction.ITI_21, EventOutcome.SUCCESS).eventTime(TIME)
                .remote(Participant.of("HIS|HOSPITAL", "192.0.2.20")).local(Participant.of("OPENDMP|DMP", null))
                .patient(PATIENT).patient(OTHER_PATIENT).query(AuditedQuery.of("Q0001", qpd)).messageId("MSG7").build());

        String query = "/AuditMessage/ParticipantObjectIdentification[@ParticipantObjectTypeCodeRole='24']";
        assertThat(xml.text(query + "/ParticipantObjectIDTypeCode/@csd-code")).isEqualTo("ITI-21");
        assertThat(xml.decoded(query + "/ParticipantObjectQuery")).isEqualTo(qpd);
        assertThat(xml.decoded(query + "/ParticipantObjectDetail[@type='MSH-10']/@value")).isEqualTo("MSG7");
        assertThat(xml.count(query + "/ParticipantObjectDetail[@type='QueryEncoding']")).isZero();
        assertThat(xml.values(PATIENT_OBJECT + "/@ParticipantObjectID")).containsExactly(PATIENT, OTHER_PATIENT);
    }

    @Test
    void dmpTransactionsHaveTheirEventIdAndTheirTdNameInTheProjectCodeSystem() {
        DicomXml existence = dmp(AuditTransaction.TD0_2);
        DicomXml creation = dmp(AuditTransaction.TD1_1);
        DicomXml closure = dmp(AuditTransaction.TD1_4);
        DicomXml list = dmp(AuditTransaction.TD0_4);

        assertThat(existence.text(EVENT + "/EventID/@csd-code")).isEqualTo("110110");
        assertThat(existence.text(EVENT + "/@EventActionCode")).isEqualTo("R");
        assertThat(existence.text(EVENT + "/EventTypeCode/@csd-code")).isEqualTo("TD0.2");
        assertThat(existence.text(EVENT + "/EventTypeCode/@codeSystemName")).isEqualTo("urn:opendmp:audit:transaction");
        assertThat(existence.decoded(PATIENT_OBJECT + "/ParticipantObjectDetail[@type='II']/@value")).isEqualTo("MSG-9");
        assertThat(creation.text(EVENT + "/@EventActionCode")).isEqualTo("C");
        assertThat(closure.text(EVENT + "/@EventActionCode")).isEqualTo("U");
        assertThat(list.text(EVENT + "/EventID/@csd-code")).isEqualTo("110112");
        assertThat(list.text("/AuditMessage/ParticipantObjectIdentification[@ParticipantObjectTypeCodeRole='24']/ParticipantObjectIDTypeCode/@csd-code"))
                .isEqualTo("TD0.4");
    }

    @Test
    void aPatientBlockingAProfessionalNamesTheProfessional() {
        DicomXml xml = only(AuditRecordInput.builder(AuditTransaction.PORTAL_BLOCK, EventOutcome.SUCCESS).eventTime(TIME)
                .remote(CLIENT).local(SERVER).patient(PATIENT).concernedProfessional("810009999999").build());

        assertThat(xml.text(EVENT + "/EventTypeCode/@csd-code")).isEqualTo("PORTAL-BLOCK");
        assertThat(xml.text(EVENT + "/@EventActionCode")).isEqualTo("U");
        String professional = "/AuditMessage/ParticipantObjectIdentification[@ParticipantObjectTypeCodeRole='15']";
        assertThat(xml.text(professional + "/@ParticipantObjectID")).isEqualTo("<810009999999@1.2.250.1.71.4.2.1>");
        assertThat(xml.text(professional + "/@ParticipantObjectTypeCode")).isEqualTo("1");
    }

    @Test
    void aRefusedTlsConnectionIsANodeAuthenticationSecurityAlert() {
        DicomXml xml = DicomXml.of(events.message(new NodeAuthenticationFailure(TIME, "192.0.2.66",
                "CN=Unknown client,O=Nowhere", "certificate_unknown", SERVER)));

        assertThat(xml.text(EVENT + "/EventID/@csd-code")).isEqualTo("110113");
        assertThat(xml.text(EVENT + "/EventTypeCode/@csd-code")).isEqualTo("110126");
        assertThat(xml.text(EVENT + "/@EventOutcomeIndicator")).isEqualTo("8");
        assertThat(xml.text(EVENT + "/EventOutcomeDescription")).isEqualTo("certificate_unknown");
        assertThat(xml.text("/AuditMessage/ActiveParticipant[@UserIsRequestor='true']/@UserID")).isEqualTo("CN=Unknown client,O=Nowhere");
        assertThat(xml.text("/AuditMessage/ActiveParticipant[@UserIsRequestor='true']/@NetworkAccessPointID")).isEqualTo("192.0.2.66");
        assertThat(xml.text("/AuditMessage/ActiveParticipant[@UserIsRequestor='false']/@AlternativeUserID")).isEqualTo("4242");
        String subject = "/AuditMessage/ParticipantObjectIdentification";
        assertThat(xml.text(subject + "/@ParticipantObjectID")).isEqualTo("192.0.2.66");
        assertThat(xml.decoded(subject + "/ParticipantObjectDetail[@type='Alert Description']/@value")).isEqualTo("certificate_unknown");
    }

    @Test
    void aRefusedVihfIsAFailedUserAuthenticationNamingTheAttemptedTransaction() {
        DicomXml xml = DicomXml.of(events.message(new AssertionRefusal(TIME, AuditTransaction.ITI_43, CLIENT, SERVER,
                "810001234567", ASSERTION_ID, "UNTRUSTED_SIGNER", "the signer does not chain to a trusted CA")));

        assertThat(xml.text(EVENT + "/EventID/@csd-code")).isEqualTo("110114");
        assertThat(xml.values(EVENT + "/EventTypeCode/@csd-code")).containsExactly("110122", "ITI-43");
        assertThat(xml.text(EVENT + "/@EventOutcomeIndicator")).isEqualTo("8");
        assertThat(xml.text(EVENT + "/EventOutcomeDescription"))
                .isEqualTo("UNTRUSTED_SIGNER: the signer does not chain to a trusted CA");
        String user = "/AuditMessage/ActiveParticipant[@UserIsRequestor='true']";
        assertThat(xml.text(user + "/@UserID")).isEqualTo("<810001234567@1.2.250.1.71.4.2.1>");
        assertThat(xml.text(user + "/@NetworkAccessPointID")).isEqualTo("192.0.2.10");
        assertThat(xml.text("/AuditMessage/ParticipantObjectIdentification[@ParticipantObjectTypeCodeRole='13']/@ParticipantObjectID"))
                .isEqualTo(ASSERTION_ID);
    }

    @Test
    void anAccessDenialIsAUseOfRestrictedFunctionAlertWithTheReasonTheCallerAndTheDocument() {
        DicomXml xml = DicomXml.of(events.message(AccessDenial.of(TIME, AuditTransaction.ITI_43,
                requestor(PurposeOfUse.BRIS_DE_GLACE), CLIENT, SERVER, DenialReason.PATIENT_OPPOSED_EMERGENCY_ACCESS,
                PATIENT, List.of(DocumentReference.of("1.2.250.1.999.2.1", "1.2.250.1.213.4.1.1.1.2")))));

        assertThat(xml.text(EVENT + "/EventID/@csd-code")).isEqualTo("110113");
        assertThat(xml.values(EVENT + "/EventTypeCode/@csd-code")).containsExactly("110132", "ITI-43");
        assertThat(xml.text(EVENT + "/EventOutcomeDescription")).isEqualTo("PATIENT_OPPOSED_EMERGENCY_ACCESS");
        assertThat(xml.text(EVENT + "/PurposeOfUse/@csd-code")).isEqualTo("bris_de_glace");
        assertThat(xml.count("/AuditMessage/ActiveParticipant[@UserID='<810001234567@1.2.250.1.71.4.2.1>']")).isEqualTo(1);
        assertThat(xml.text(PATIENT_OBJECT + "/@ParticipantObjectID")).isEqualTo(PATIENT);
        assertThat(xml.text("/AuditMessage/ParticipantObjectIdentification[@ParticipantObjectTypeCodeRole='3']/@ParticipantObjectID"))
                .isEqualTo("1.2.250.1.999.2.1");
    }

    @Test
    void lostEventsAreRecordedAsAnAuditRecordingStoppedAlert() {
        DicomXml xml = DicomXml.of(events.recordingGap(17, TIME, TIME.plusSeconds(60), "QUEUE_FULL"));

        assertThat(xml.text(EVENT + "/EventID/@csd-code")).isEqualTo("110113");
        assertThat(xml.text(EVENT + "/EventTypeCode/@csd-code")).isEqualTo("110133");
        assertThat(xml.text(EVENT + "/@EventOutcomeIndicator")).isEqualTo("12");
        assertThat(xml.text(EVENT + "/EventOutcomeDescription"))
                .isEqualTo("17 audit events lost from 2024-05-02T10:15:30.123Z to 2024-05-02T10:16:30.123Z: QUEUE_FULL");
    }

    @Test
    void theXmlIsUtf8WithoutDeclaration() {
        byte[] xml = AuditEvents.toXml(events.messages(AuditRecordInput.builder(AuditTransaction.TD1_3A, EventOutcome.SUCCESS)
                .eventTime(TIME).requestor(requestor(PurposeOfUse.NORMAL)).patient(PATIENT).build()).get(0));

        String text = new String(xml, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).startsWith("<AuditMessage>").contains("originalText=\"Médecin\"");
    }

    @Test
    void theSchemaCheckRefusesAnIncompleteMessage() {
        byte[] incomplete = "<AuditMessage><EventIdentification EventDateTime=\"2024-05-02T10:15:30Z\" EventOutcomeIndicator=\"0\"/></AuditMessage>"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DicomXml.parse(incomplete))
                .isInstanceOf(AssertionError.class).hasMessageContaining("EventID");
    }

    private DicomXml dmp(AuditTransaction transaction) {
        return only(AuditRecordInput.builder(transaction, EventOutcome.SUCCESS).eventTime(TIME).remote(CLIENT)
                .local(SERVER).requestor(requestor(PurposeOfUse.NORMAL)).patient(PATIENT)
                .query(AuditedQuery.of("patientList", "<patientList dateType=\"LASTAUTORIZATION\"/>"))
                .messageId("MSG-9").build());
    }

    private DicomXml only(AuditRecordInput input) {
        List<AuditMessage> messages = events.messages(input);
        assertThat(messages).hasSize(1);
        return DicomXml.of(messages.get(0));
    }
}
