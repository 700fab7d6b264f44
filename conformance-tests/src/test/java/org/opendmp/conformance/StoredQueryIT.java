package org.opendmp.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendmp.conformance.XdsAssertions.assertAddressedResponse;
import static org.opendmp.conformance.XdsAssertions.assertRegistryError;
import static org.opendmp.conformance.XdsAssertions.assertSuccess;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Element;

/**
 * ITI-18 Registry Stored Query (ITI TF-2a 3.18): every FindDocuments parameter, FindSubmissionSets,
 * GetDocuments, GetSubmissionSetAndContents, GetAssociations, GetAll, both return types, and the
 * query errors. One fixture per class, registered once: patient P with three documents that differ
 * in every queryable attribute, patient Q with two submission sets. The reader is the demo doctor, authorized
 * on both and P's treating doctor (so that the access rules hide none of P's documents from him); queries that
 * name no patient (by uniqueId or entryUUID) carry a VIHF naming the fixture's patient.
 */
@DmpServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoredQueryIT {

    private static final Code CLASS_REPORT = new Code("10", Xds.TRE_A03_CLASS_CODE, "Compte rendu");
    private static final Code CLASS_SUMMARY = new Code("11", Xds.TRE_A03_CLASS_CODE, "Synthèse");
    private static final Code CLASS_PRESCRIPTION = new Code("42", Xds.TRE_A03_CLASS_CODE, "Prescription");
    private static final Code TYPE_CONSULTATION = new Code("11488-4", Xds.LOINC, "Note de consultation");
    private static final Code TYPE_SUMMARY = new Code("60591-5", Xds.LOINC, "Synthèse médicale");
    private static final Code TYPE_PRESCRIPTION = new Code("57833-6", Xds.LOINC, "Prescription");
    private static final Code PRACTICE_FACILITY = new Code("ETABLISSEMENT", Xds.TRE_A01_PRACTICE_SETTING, "Etablissement");
    private static final Code PRACTICE_AMBULATORY = new Code("AMBULATOIRE", Xds.TRE_A01_PRACTICE_SETTING, "Ambulatoire");
    private static final Code FACILITY_PUBLIC = new Code("SA01", Xds.TRE_R02_FACILITY_TYPE, "Etablissement public");
    private static final Code FACILITY_OFFICE = new Code("SA07", Xds.TRE_R02_FACILITY_TYPE, "Cabinet individuel");
    private static final Code FORMAT_PDF = new Code("urn:ihe:iti:xds-sd:pdf:2008", Xds.FORMAT_CODES, "PDF");
    private static final Code FORMAT_TEXT = new Code("urn:ihe:iti:xds-sd:text:2008", Xds.FORMAT_CODES, "Texte");
    private static final Code EVENT_1 = new Code("ZCQK002", Xds.CCAM, "Acte 1");
    private static final Code EVENT_2 = new Code("YYYY030", Xds.CCAM, "Acte 2");
    private static final Code EVENT_3 = new Code("DEQP003", Xds.CCAM, "Acte 3");
    private static final Code NORMAL = new Code("N", Xds.CONFIDENTIALITY, "Normal");
    private static final Code HIDDEN_FROM_PROFESSIONALS = new Code("MASQUE_PS", Xds.TRE_A07_CONFIDENTIALITY, "Masqué PS");
    private static final Code INVISIBLE_TO_PATIENT = new Code("INVISIBLE_PATIENT", Xds.TRE_A07_CONFIDENTIALITY, "Invisible patient");

    private static final String AUTHOR_DUPONT = "899900011111^DUPONT^JEAN^^^^^^&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS";
    private static final String AUTHOR_MARTIN = "899900022222^MARTIN^SOPHIE^^^^^^&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS";
    private static final String AUTHOR_MARTINEZ = "899900033333^MARTINEZ^ANA^^^^^^&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS";
    private static final String EXTRA_SLOT = "urn:opendmp:conformance:note";
    private static final String[] EXTRA_VALUES = {"première valeur", "seconde & <valeur> \"citée\""};

    private static final String SOURCE_A = "1.2.250.1.999.77.11";
    private static final String SOURCE_B = "1.2.250.1.999.77.12";
    private static final Code CONTENT_A = new Code("04", Xds.CONTENT_TYPE_CODES, "Hospitalisation de jour");
    private static final Code CONTENT_B = new Code("07", Xds.CONTENT_TYPE_CODES, "Consultations soins externes");

    private final XdsClient xds;

    private final TestData.Patient p;
    private Submission submissionP;
    private DocumentEntry d1;
    private DocumentEntry d2;
    private DocumentEntry d3;

    private final TestData.Patient q;
    private Submission submissionA;
    private Submission submissionB;
    private DocumentEntry docA;
    private DocumentEntry docB;

    StoredQueryIT(XdsClient xds) {
        this.xds = xds;
        p = xds.newPatient();
        // the reader is P's treating doctor: he sees d2, hidden from other professionals (MASQUE_PS)
        HabilitationMessages.declareTreatingDoctor(xds, p);
        q = xds.newPatient();
    }

    @BeforeAll
    void registerFixture() {
        d1 = DocumentEntry.create().classCode(CLASS_REPORT).typeCode(TYPE_CONSULTATION)
                .practiceSettingCode(PRACTICE_FACILITY).healthcareFacilityTypeCode(FACILITY_PUBLIC)
                .formatCode(FORMAT_PDF).eventCodes(EVENT_1, EVENT_2).confidentialityCodes(NORMAL)
                .authorPerson(AUTHOR_DUPONT).creationTime("20200101120000")
                .serviceStartTime("20200101080000").serviceStopTime("20200101090000")
                .extraSlot(EXTRA_SLOT, EXTRA_VALUES);
        d2 = DocumentEntry.create().classCode(CLASS_SUMMARY).typeCode(TYPE_SUMMARY)
                .practiceSettingCode(PRACTICE_AMBULATORY).healthcareFacilityTypeCode(FACILITY_OFFICE)
                .formatCode(FORMAT_TEXT).eventCodes(EVENT_2).confidentialityCodes(NORMAL, HIDDEN_FROM_PROFESSIONALS)
                .authorPerson(AUTHOR_MARTIN).creationTime("20210101120000")
                .serviceStartTime("20210101080000").serviceStopTime("20210101090000");
        d3 = DocumentEntry.create().classCode(CLASS_PRESCRIPTION).typeCode(TYPE_PRESCRIPTION)
                .practiceSettingCode(PRACTICE_FACILITY).healthcareFacilityTypeCode(FACILITY_PUBLIC)
                .formatCode(FORMAT_TEXT).eventCodes(EVENT_3).confidentialityCodes(NORMAL, INVISIBLE_TO_PATIENT)
                .authorPerson(AUTHOR_MARTINEZ).creationTime("20220101120000")
                .serviceStartTime("20220101080000").serviceStopTime("20220101090000");
        submissionP = Submission.forPatient(p).document(d1, d2, d3);
        xds.provideAndRegisterSuccessfully(submissionP);

        docA = DocumentEntry.create();
        submissionA = Submission.forPatient(q).submissionTime("20200601100000").sourceId(SOURCE_A)
                .contentType(CONTENT_A).authorPerson("899900044444^ALPHA^ANNE^^^^^^&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS")
                .document(docA);
        xds.provideAndRegisterSuccessfully(submissionA);
        docB = DocumentEntry.create();
        submissionB = Submission.forPatient(q).submissionTime("20230601100000").sourceId(SOURCE_B)
                .contentType(CONTENT_B).authorPerson("899900055555^BETA^BRUNO^^^^^^&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS")
                .document(docB);
        xds.provideAndRegisterSuccessfully(submissionB);
    }

    private StoredQuery findP() {
        return StoredQuery.findDocuments(p.cx());
    }

    private void assertFinds(StoredQuery query, DocumentEntry... expected) {
        SoapResponse response = xds.query(query);
        assertSuccess(response);
        assertThat(response.documentUniqueIds()).as("documents found by %s", query.body())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(expected).map(DocumentEntry::uniqueId).toList());
    }

    // ------------------------------------------------------------------ FindDocuments

    @Test
    void findDocumentsReturnsEveryApprovedDocumentOfThePatientAndNoOther() {
        SoapResponse response = xds.query(findP());

        assertSuccess(response);
        assertAddressedResponse(response, Xds.ACTION_ITI18);
        assertThat(response.documentUniqueIds()).as("documents in %s", response)
                .containsExactlyInAnyOrder(d1.uniqueId(), d2.uniqueId(), d3.uniqueId());
    }

    @Test
    void findDocumentsTreatsTheDmpCxSpellingAsTheSamePatient() {
        assertFinds(StoredQuery.findDocuments(p.cxNh()), d1, d2, d3);
    }

    @Test
    void findDocumentsHonoursTheStatusParameter() {
        StoredQuery deprecatedOnly = StoredQuery.of(Xds.FIND_DOCUMENTS).string("$XDSDocumentEntryPatientId", p.cx())
                .list("$XDSDocumentEntryStatus", Xds.DEPRECATED);
        assertFinds(deprecatedOnly);
        StoredQuery approvedOrDeprecated = StoredQuery.of(Xds.FIND_DOCUMENTS)
                .string("$XDSDocumentEntryPatientId", p.cx())
                .list("$XDSDocumentEntryStatus", Xds.APPROVED, Xds.DEPRECATED);
        assertFinds(approvedOrDeprecated, d1, d2, d3);
    }

    @Test
    void findDocumentsFiltersOnClassCodeAndItsCodingScheme() {
        assertFinds(findP().codes("$XDSDocumentEntryClassCode", CLASS_REPORT), d1);
        assertFinds(findP().codes("$XDSDocumentEntryClassCode", CLASS_SUMMARY, CLASS_PRESCRIPTION), d2, d3);
        assertFinds(findP().codes("$XDSDocumentEntryClassCode", Code.of("10", "1.2.250.1.999.77.999")));
    }

    @Test
    void findDocumentsFiltersOnTypeCode() {
        assertFinds(findP().codes("$XDSDocumentEntryTypeCode", TYPE_SUMMARY), d2);
        assertFinds(findP().codes("$XDSDocumentEntryTypeCode", TYPE_CONSULTATION, TYPE_PRESCRIPTION), d1, d3);
    }

    @Test
    void findDocumentsFiltersOnPracticeSettingCode() {
        assertFinds(findP().codes("$XDSDocumentEntryPracticeSettingCode", PRACTICE_FACILITY), d1, d3);
        assertFinds(findP().codes("$XDSDocumentEntryPracticeSettingCode", PRACTICE_AMBULATORY), d2);
    }

    @Test
    void findDocumentsFiltersOnHealthcareFacilityTypeCode() {
        assertFinds(findP().codes("$XDSDocumentEntryHealthcareFacilityTypeCode", FACILITY_OFFICE), d2);
        assertFinds(findP().codes("$XDSDocumentEntryHealthcareFacilityTypeCode", FACILITY_PUBLIC), d1, d3);
    }

    @Test
    void findDocumentsFiltersOnFormatCode() {
        assertFinds(findP().codes("$XDSDocumentEntryFormatCode", FORMAT_PDF), d1);
        assertFinds(findP().codes("$XDSDocumentEntryFormatCode", FORMAT_TEXT), d2, d3);
    }

    @Test
    void findDocumentsOrsValuesOfOneEventCodeSlotAndAndsSeveralSlots() {
        assertFinds(findP().codes("$XDSDocumentEntryEventCodeList", EVENT_1), d1);
        assertFinds(findP().codes("$XDSDocumentEntryEventCodeList", EVENT_2), d1, d2);
        assertFinds(findP().codes("$XDSDocumentEntryEventCodeList", EVENT_1, EVENT_3), d1, d3);
        assertFinds(findP().codes("$XDSDocumentEntryEventCodeList", EVENT_1)
                .codes("$XDSDocumentEntryEventCodeList", EVENT_2), d1);
        assertFinds(findP().codes("$XDSDocumentEntryEventCodeList", EVENT_2)
                .codes("$XDSDocumentEntryEventCodeList", EVENT_3));
    }

    @Test
    void findDocumentsOrsValuesOfOneConfidentialitySlotAndAndsSeveralSlots() {
        assertFinds(findP().codes("$XDSDocumentEntryConfidentialityCode", NORMAL), d1, d2, d3);
        assertFinds(findP().codes("$XDSDocumentEntryConfidentialityCode", HIDDEN_FROM_PROFESSIONALS), d2);
        assertFinds(findP().codes("$XDSDocumentEntryConfidentialityCode", NORMAL)
                .codes("$XDSDocumentEntryConfidentialityCode", HIDDEN_FROM_PROFESSIONALS, INVISIBLE_TO_PATIENT), d2, d3);
        assertFinds(findP().codes("$XDSDocumentEntryConfidentialityCode", HIDDEN_FROM_PROFESSIONALS)
                .codes("$XDSDocumentEntryConfidentialityCode", INVISIBLE_TO_PATIENT));
    }

    @Test
    void findDocumentsMatchesAuthorPersonWithPercentAndUnderscoreWildcards() {
        assertFinds(findP().list("$XDSDocumentEntryAuthorPerson", AUTHOR_DUPONT), d1);
        assertFinds(findP().list("$XDSDocumentEntryAuthorPerson", "%^MARTIN^%"), d2);
        assertFinds(findP().list("$XDSDocumentEntryAuthorPerson", "%MARTIN%"), d2, d3);
        assertFinds(findP().list("$XDSDocumentEntryAuthorPerson", "899900011111^DUPONT^J_AN%"), d1);
        assertFinds(findP().list("$XDSDocumentEntryAuthorPerson", "899900011111^DUPONT^J_N%"));
        assertFinds(findP().list("$XDSDocumentEntryAuthorPerson", "%DUPONT%", "%MARTINEZ%"), d1, d3);
    }

    @Test
    void findDocumentsCreationTimeFromIsInclusiveAndToIsExclusive() {
        assertFinds(findP().time("$XDSDocumentEntryCreationTimeFrom", "20210101120000"), d2, d3);
        assertFinds(findP().time("$XDSDocumentEntryCreationTimeTo", "20210101120000"), d1);
        assertFinds(findP().time("$XDSDocumentEntryCreationTimeFrom", "20200101120000")
                .time("$XDSDocumentEntryCreationTimeTo", "20220101120000"), d1, d2);
    }

    @Test
    void findDocumentsFiltersOnServiceStartTime() {
        assertFinds(findP().time("$XDSDocumentEntryServiceStartTimeFrom", "20210101080000"), d2, d3);
        assertFinds(findP().time("$XDSDocumentEntryServiceStartTimeTo", "20210101080000"), d1);
    }

    @Test
    void findDocumentsFiltersOnServiceStopTime() {
        assertFinds(findP().time("$XDSDocumentEntryServiceStopTimeFrom", "20220101090000"), d3);
        assertFinds(findP().time("$XDSDocumentEntryServiceStopTimeTo", "20220101090000"), d1, d2);
        assertFinds(findP().time("$XDSDocumentEntryServiceStopTimeFrom", "20200101090000")
                .time("$XDSDocumentEntryServiceStopTimeTo", "20210101090001"), d1, d2);
    }

    @Test
    void findDocumentsFiltersOnDocumentEntryType() {
        assertFinds(findP().list("$XDSDocumentEntryType", Xds.STABLE_DOCUMENT_ENTRY), d1, d2, d3);
        assertFinds(findP().list("$XDSDocumentEntryType", Xds.ON_DEMAND_DOCUMENT_ENTRY));
    }

    @Test
    void findDocumentsCombinesParametersWithAnd() {
        assertFinds(findP().codes("$XDSDocumentEntryClassCode", CLASS_REPORT)
                .codes("$XDSDocumentEntryFormatCode", FORMAT_PDF), d1);
        assertFinds(findP().codes("$XDSDocumentEntryClassCode", CLASS_REPORT)
                .codes("$XDSDocumentEntryFormatCode", FORMAT_TEXT));
    }

    @Test
    void leafClassReturnsTheFullDocumentEntryWithRepositoryAttributesAndExtraSlots() {
        SoapResponse response = xds.query(findP().codes("$XDSDocumentEntryClassCode", CLASS_REPORT).leafClass());
        assertSuccess(response);

        Element entry = response.extrinsicObject(d1.uniqueId());
        String id = entry.getAttribute("id");
        assertThat(id).startsWith("urn:uuid:");
        assertThat(entry.getAttribute("status")).isEqualTo(Xds.APPROVED);
        assertThat(entry.getAttribute("objectType")).isEqualTo(Xds.STABLE_DOCUMENT_ENTRY);
        assertThat(entry.getAttribute("mimeType")).isEqualTo("text/xml");
        assertThat(SoapResponse.slotValues(entry, "repositoryUniqueId")).containsExactly(Xds.DMP_REPOSITORY_UNIQUE_ID);
        assertThat(SoapResponse.slotValues(entry, "size")).containsExactly(Integer.toString(d1.content().length));
        assertThat(SoapResponse.slotValues(entry, "hash")).containsExactly(d1.sha1());
        assertThat(SoapResponse.slotValues(entry, "creationTime")).containsExactly("20200101120000");
        assertThat(SoapResponse.slotValues(entry, EXTRA_SLOT)).containsExactly(EXTRA_VALUES);

        Xml.assertThatXml(Xml.toString(entry))
                .valueByXPath("//rim:ExternalIdentifier[@identificationScheme='" + Xds.DE_PATIENT_ID + "']/@value")
                .isEqualTo(p.cx());
        Xml.assertThatXml(Xml.toString(entry))
                .valueByXPath("//rim:Classification[@classificationScheme='" + Xds.DE_CLASS_CODE
                        + "']/rim:Slot[@name='codingScheme']/rim:ValueList/rim:Value")
                .isEqualTo(Xds.TRE_A03_CLASS_CODE);
        Xml.assertThatXml(Xml.toString(entry))
                .nodesByXPath("//rim:Classification[@classificationScheme='" + Xds.DE_CLASS_CODE + "']")
                .haveAttribute("nodeRepresentation", "10")
                .haveAttribute("classifiedObject", id);
        Xml.assertThatXml(Xml.toString(entry))
                .nodesByXPath("//rim:Classification[@classificationScheme='" + Xds.DE_EVENT_CODE + "']")
                .extractingAttribute("nodeRepresentation")
                .containsExactlyInAnyOrder(EVENT_1.code(), EVENT_2.code());
        Xml.assertThatXml(Xml.toString(entry))
                .valueByXPath("//rim:Classification[@classificationScheme='" + Xds.DE_AUTHOR
                        + "']/rim:Slot[@name='authorPerson']/rim:ValueList/rim:Value")
                .isEqualTo(AUTHOR_DUPONT);
    }

    @Test
    void objectRefReturnsReferencesToTheSameEntriesAsLeafClass() {
        SoapResponse leafClass = xds.query(findP());
        SoapResponse objectRef = xds.query(findP().objectRef());

        assertSuccess(objectRef);
        assertThat(objectRef.extrinsicObjects()).as("ExtrinsicObjects in an ObjectRef answer %s", objectRef).isEmpty();
        assertThat(objectRef.objectRefIds()).as("ObjectRefs in %s", objectRef).hasSize(3)
                .allSatisfy(id -> assertThat(id).startsWith("urn:uuid:"))
                .containsExactlyInAnyOrderElementsOf(
                        leafClass.extrinsicObjects().stream().map(e -> e.getAttribute("id")).toList());
    }

    // ------------------------------------------------------------------ FindSubmissionSets

    private void assertFindsSubmissionSets(StoredQuery query, Submission... expected) {
        SoapResponse response = xds.query(query);
        assertSuccess(response);
        assertThat(response.registryPackages()).allSatisfy(pkg -> assertThat(pkg.getAttribute("id")).startsWith("urn:uuid:"));
        assertThat(response.submissionSetUniqueIds()).as("submission sets found by %s", query.body())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(expected).map(Submission::uniqueId).toList());
    }

    private StoredQuery findQ() {
        return StoredQuery.findSubmissionSets(q.cx());
    }

    @Test
    void findSubmissionSetsReturnsThePatientsSubmissionSets() {
        assertFindsSubmissionSets(findQ(), submissionA, submissionB);
        assertFindsSubmissionSets(StoredQuery.findSubmissionSets(p.cx()), submissionP);
    }

    @Test
    void findSubmissionSetsSubmissionTimeFromIsInclusiveAndToIsExclusive() {
        assertFindsSubmissionSets(findQ().time("$XDSSubmissionSetSubmissionTimeFrom", "20230601100000"), submissionB);
        assertFindsSubmissionSets(findQ().time("$XDSSubmissionSetSubmissionTimeTo", "20230601100000"), submissionA);
    }

    @Test
    void findSubmissionSetsFiltersOnSourceIdContentTypeAndAuthor() {
        assertFindsSubmissionSets(findQ().list("$XDSSubmissionSetSourceId", SOURCE_A), submissionA);
        assertFindsSubmissionSets(findQ().codes("$XDSSubmissionSetContentType", CONTENT_B), submissionB);
        assertFindsSubmissionSets(findQ().list("$XDSSubmissionSetAuthorPerson", "%ALPHA%"), submissionA);
    }

    // ------------------------------------------------------------------ Get* queries

    @Test
    void getDocumentsFindsEntriesByEntryUuidOrByUniqueId() {
        SoapResponse all = xds.findDocuments(p.cx());

        assertFinds(StoredQuery.getDocumentsByUuid(all.entryUuid(d1.uniqueId()), all.entryUuid(d2.uniqueId())), d1, d2);
        assertFinds(StoredQuery.getDocumentsByUniqueId(d3.uniqueId()), d3);
        assertFinds(StoredQuery.getDocumentsByUniqueId(d1.uniqueId(), d3.uniqueId()), d1, d3);
    }

    @Test
    void getSubmissionSetAndContentsByUniqueIdReturnsTheSetItsDocumentsAndHasMemberAssociations() {
        SoapResponse response = xds.forPatient(p).query(StoredQuery.of(Xds.GET_SUBMISSION_SET_AND_CONTENTS)
                .string("$XDSSubmissionSetUniqueId", submissionP.uniqueId()));

        assertSuccess(response);
        assertSubmissionSetAndContents(response, submissionP, d1, d2, d3);
    }

    @Test
    void getSubmissionSetAndContentsByEntryUuid() {
        SoapResponse sets = xds.query(findQ());
        assertSuccess(sets);
        String uuidOfA = sets.registryPackages().stream()
                .filter(pkg -> Xml.value(pkg, "string(rim:ExternalIdentifier[@identificationScheme='"
                        + Xds.SS_UNIQUE_ID + "']/@value)").equals(submissionA.uniqueId()))
                .map(pkg -> pkg.getAttribute("id")).findFirst()
                .orElseThrow(() -> new AssertionError("submission set A not found by FindSubmissionSets: " + sets));

        SoapResponse response = xds.query(StoredQuery.of(Xds.GET_SUBMISSION_SET_AND_CONTENTS)
                .string("$XDSSubmissionSetEntryUUID", uuidOfA));

        assertSuccess(response);
        assertSubmissionSetAndContents(response, submissionA, docA);
    }

    private static void assertSubmissionSetAndContents(SoapResponse response, Submission set, DocumentEntry... documents) {
        assertThat(response.submissionSetUniqueIds()).as("submission sets in %s", response)
                .containsExactly(set.uniqueId());
        String packageId = response.onlyRegistryPackageId();
        assertThat(response.documentUniqueIds()).as("documents in %s", response)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(documents).map(DocumentEntry::uniqueId).toList());
        List<String> documentIds = response.extrinsicObjects().stream().map(e -> e.getAttribute("id")).toList();
        List<Element> hasMember = response.associations().stream()
                .filter(a -> Xds.HAS_MEMBER.equals(a.getAttribute("associationType"))).toList();
        assertThat(hasMember).allSatisfy(a -> assertThat(a.getAttribute("sourceObject")).isEqualTo(packageId));
        assertThat(hasMember.stream().map(a -> a.getAttribute("targetObject")).toList())
                .as("HasMember targets in %s", response)
                .containsExactlyInAnyOrderElementsOf(documentIds);
    }

    @Test
    void getAssociationsReturnsTheHasMemberAssociationOfADocument() {
        SoapResponse documents = xds.findDocuments(p.cx());
        String d1Uuid = documents.entryUuid(d1.uniqueId());
        SoapResponse set = xds.query(StoredQuery.of(Xds.GET_SUBMISSION_SET_AND_CONTENTS)
                .string("$XDSSubmissionSetUniqueId", submissionP.uniqueId()));
        String packageId = set.onlyRegistryPackageId();

        SoapResponse response = xds.query(StoredQuery.of(Xds.GET_ASSOCIATIONS).list("$uuid", d1Uuid));

        assertSuccess(response);
        assertThat(response.extrinsicObjects()).isEmpty();
        assertThat(response.associations()).as("associations in %s", response).singleElement().satisfies(association -> {
            assertThat(association.getAttribute("associationType")).isEqualTo(Xds.HAS_MEMBER);
            assertThat(association.getAttribute("sourceObject")).isEqualTo(packageId);
            assertThat(association.getAttribute("targetObject")).isEqualTo(d1Uuid);
        });
    }

    @Test
    void getAllReturnsEverySubmissionSetDocumentAndAssociationOfThePatient() {
        SoapResponse response = xds.query(StoredQuery.of(Xds.GET_ALL)
                .string("$patientId", q.cx())
                .list("$XDSDocumentEntryStatus", Xds.APPROVED)
                .list("$XDSSubmissionSetStatus", Xds.APPROVED)
                .list("$XDSFolderStatus", Xds.APPROVED));

        assertSuccess(response);
        assertThat(response.submissionSetUniqueIds()).as("submission sets in %s", response)
                .containsExactlyInAnyOrder(submissionA.uniqueId(), submissionB.uniqueId());
        assertThat(response.documentUniqueIds()).as("documents in %s", response)
                .containsExactlyInAnyOrder(docA.uniqueId(), docB.uniqueId());
        assertThat(response.associations()).as("associations in %s", response)
                .filteredOn(a -> Xds.HAS_MEMBER.equals(a.getAttribute("associationType")))
                .hasSize(2);
    }

    // ------------------------------------------------------------------ errors

    @Test
    void rejectsAnUnknownStoredQueryId() {
        SoapResponse response = xds.query(StoredQuery.of("urn:uuid:00000000-1111-2222-3333-444444444444")
                .string("$XDSDocumentEntryPatientId", p.cx()));

        assertRegistryError(response, Xds.XDS_UNKNOWN_STORED_QUERY);
        assertThat(response.objectCount()).as("objects in %s", response).isZero();
    }

    @Test
    void rejectsFindDocumentsWithoutPatientId() {
        SoapResponse response = xds.query(StoredQuery.of(Xds.FIND_DOCUMENTS)
                .list("$XDSDocumentEntryStatus", Xds.APPROVED));

        assertRegistryError(response, Xds.XDS_STORED_QUERY_MISSING_PARAM);
        assertThat(response.objectCount()).as("objects in %s", response).isZero();
    }

    @Test
    void rejectsASingleValuedParameterGivenTwice() {
        SoapResponse response = xds.query(findP().string("$XDSDocumentEntryPatientId", q.cx()));

        assertRegistryError(response, Xds.XDS_STORED_QUERY_PARAM_NUMBER);
        assertThat(response.objectCount()).as("objects in %s", response).isZero();
    }
}
