package org.opendmp.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendmp.conformance.XdsAssertions.assertAddressedResponse;
import static org.opendmp.conformance.XdsAssertions.assertRefusedWithOneOf;
import static org.opendmp.conformance.XdsAssertions.assertNothingStored;
import static org.opendmp.conformance.XdsAssertions.assertRegistryError;
import static org.opendmp.conformance.XdsAssertions.assertSuccess;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;

/** ITI-41 Provide and Register Document Set-b on the repository endpoint (ITI TF-2b 3.41). */
@DmpServerTest
class ProvideAndRegisterIT {

    private final XdsClient xds;

    ProvideAndRegisterIT(XdsClient xds) {
        this.xds = xds;
    }

    // ------------------------------------------------------------------ accepted submissions

    @Test
    void storesASubmissionAndAnswersSuccessWithIheAddressing() {
        TestData.Patient patient = xds.newPatient();
        DocumentEntry document = DocumentEntry.create();

        SoapResponse response = xds.provideAndRegister(Submission.forPatient(patient).document(document));

        assertSuccess(response);
        assertAddressedResponse(response, Xds.ACTION_ITI41);
        SoapResponse found = xds.findDocuments(patient.cx());
        assertThat(found.documentUniqueIds()).as("documents in %s", found).containsExactly(document.uniqueId());
    }

    @Test
    void replacesSymbolicIdsWithUuidsInObjectsAndAssociations() {
        TestData.Patient patient = xds.newPatient();
        DocumentEntry first = DocumentEntry.create();
        DocumentEntry second = DocumentEntry.create();
        Submission submission = Submission.forPatient(patient).document(first, second);
        xds.provideAndRegisterSuccessfully(submission);

        SoapResponse contents = xds.query(StoredQuery.of(Xds.GET_SUBMISSION_SET_AND_CONTENTS)
                .string("$XDSSubmissionSetUniqueId", submission.uniqueId()));

        assertSuccess(contents);
        String packageId = contents.onlyRegistryPackageId();
        assertThat(packageId).startsWith("urn:uuid:").isNotEqualTo(submission.symbolicId());
        assertThat(contents.documentUniqueIds()).as("documents in %s", contents)
                .containsExactlyInAnyOrder(first.uniqueId(), second.uniqueId());
        List<String> documentIds = contents.extrinsicObjects().stream().map(e -> e.getAttribute("id")).toList();
        assertThat(documentIds).allSatisfy(id -> assertThat(id).startsWith("urn:uuid:")).doesNotHaveDuplicates();
        List<Element> hasMember = contents.associations().stream()
                .filter(a -> Xds.HAS_MEMBER.equals(a.getAttribute("associationType"))).toList();
        assertThat(hasMember).as("HasMember associations in %s", contents).hasSize(2);
        assertThat(hasMember).allSatisfy(association -> {
            assertThat(association.getAttribute("id")).startsWith("urn:uuid:");
            assertThat(association.getAttribute("sourceObject")).isEqualTo(packageId);
        });
        assertThat(hasMember.stream().map(a -> a.getAttribute("targetObject")))
                .containsExactlyInAnyOrderElementsOf(documentIds);
    }

    @Test
    void acceptsHashAndSizeWhenTheSourceSuppliesCorrectOnes() {
        TestData.Patient patient = xds.newPatient();
        DocumentEntry document = DocumentEntry.create().withCorrectHashAndSize();

        assertSuccess(xds.provideAndRegister(Submission.forPatient(patient).document(document)));

        Element stored = xds.findDocuments(patient.cx()).extrinsicObject(document.uniqueId());
        assertThat(SoapResponse.slotValues(stored, "hash")).containsExactly(document.sha1());
    }

    @Test
    void acceptsSoap11EnvelopeInMtomWithTextXmlRootPart() {
        TestData.Patient patient = xds.newPatient();
        DocumentEntry document = DocumentEntry.create();
        Submission submission = Submission.forPatient(patient).document(document);
        SoapMessages.Envelope envelope = SoapMessages.soap11(Xds.ACTION_ITI41, xds.repository().toString(),
                submission.provideAndRegisterBody());

        SoapResponse response = xds.send(xds.repository(),
                Mtom.soap11(envelope.xml(), Xds.ACTION_ITI41).attachAll(submission.parts()).build());

        assertSuccess(response);
        SoapResponse found = xds.findDocuments(patient.cx());
        assertThat(found.documentUniqueIds()).as("documents in %s", found).containsExactly(document.uniqueId());
    }

    /**
     * Shaped like the official DMP TD2.1 example (own data): SOAP 1.1 envelope in an MTOM root part
     * typed application/soap+xml, the example's VIHF assertion (signed with the demo doctor's card) in
     * wsse:Security, default rim namespace, CX with NH and a CX.7 date, authorInstitution with IDNST in
     * XON.10, author Classifications without classifiedObject, a CDA document plus a XAdES signature
     * entry and a signs association.
     */
    @Test
    void acceptsSubmissionShapedLikeTheOfficialDmpTd21Example() throws Exception {
        TestData.Patient patient = xds.newPatient();
        String cdaUniqueId = TestData.uniqueId();
        String signatureUniqueId = TestData.uniqueId();
        String submissionSetUniqueId = TestData.uniqueId();
        byte[] cda = Template.of("td21/cda-document.xml")
                .with("documentUniqueId", cdaUniqueId).with("nir", patient.nir())
                .with("patientAuthority", patient.authorityOid())
                .with("base64Text", Base64.getEncoder().encodeToString(
                        "Consultation de conformité : examen normal.".getBytes(StandardCharsets.UTF_8)))
                .render().getBytes(StandardCharsets.UTF_8);
        String signatureId = UUID.randomUUID().toString();
        byte[] signature = Template.of("td21/xades-signature.xml")
                .with("signatureId", signatureId).with("submissionSetUniqueId", submissionSetUniqueId)
                .with("documentUniqueId", cdaUniqueId)
                .with("documentDigest", Base64.getEncoder().encodeToString(
                        MessageDigest.getInstance("SHA-256").digest(cda)))
                .render().getBytes(StandardCharsets.UTF_8);
        String vihf = xds.vihfSigners().dmpExampleAssertion(patient.cxNh());
        String cdaContentId = "CONFORMITE_TD2.1-CR-" + cdaUniqueId + ".xml";
        String signatureContentId = "CONFORMITE_TD2.1-Signature-" + signatureUniqueId + ".xml";
        String envelope = Template.of("td21/provide-and-register-soap11.xml")
                .with("messageId", TestData.uuid())
                .withXml("vihf", vihf)
                .with("submissionTime", TestData.now())
                .with("authorPerson", "899900077777^DOCTEUR^CAMILLE^^^^^^&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS")
                .with("authorInstitution",
                        "CABINET DE CONFORMITE^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^499900077777001")
                .with("patientIdDated", patient.cxNhDated("20230914"))
                .with("localPatientId", "CONF-" + patient.nir() + "^^^&1.2.250.1.999.77.2&ISO^PI")
                .with("sourceId", "1.2.250.1.999.77.3")
                .with("submissionSetUniqueId", submissionSetUniqueId)
                .with("cdaUniqueId", cdaUniqueId)
                .with("signatureUniqueId", signatureUniqueId)
                .with("cdaContentId", cdaContentId)
                .with("signatureContentId", signatureContentId)
                .render();
        Xml.parse(envelope);
        Mtom.Body body = Mtom.typedAsSoap12(envelope, Xds.ACTION_ITI41)
                .rootContentId("rootpart@opendmp.test")
                .rootContentType("application/xop+xml; charset=UTF-8; type=\"application/soap+xml\"; "
                        + "action=\"DocumentRepository_ProvideAndRegisterDocumentSet-b\"")
                .attach(td21Part(cdaContentId, cda))
                .attach(td21Part(signatureContentId, signature))
                .build();

        SoapResponse response = xds.send(xds.repository(), body);

        assertSuccess(response);
        SoapResponse found = xds.findDocuments(patient.cxNh());
        assertThat(found.documentUniqueIds()).as("documents in %s", found)
                .containsExactlyInAnyOrder(cdaUniqueId, signatureUniqueId);
        SoapResponse.RetrievedDocument retrieved = xds.retrieve(RetrieveRequest.documents(cdaUniqueId))
                .retrievedDocument(cdaUniqueId);
        assertThat(retrieved.content()).isEqualTo(cda);
        assertThat(retrieved.mimeType()).isEqualTo("text/xml");

        SoapResponse contents = xds.query(StoredQuery.of(Xds.GET_SUBMISSION_SET_AND_CONTENTS)
                .string("$XDSSubmissionSetUniqueId", submissionSetUniqueId));
        assertSuccess(contents);
        String packageId = contents.onlyRegistryPackageId();
        SoapResponse associations = xds.query(StoredQuery.of(Xds.GET_ASSOCIATIONS)
                .list("$uuid", found.entryUuid(signatureUniqueId)));
        assertSuccess(associations);
        assertThat(associations.associations()).as("associations in %s", associations)
                .filteredOn(a -> Xds.SIGNS.equals(a.getAttribute("associationType")))
                .singleElement()
                .satisfies(signs -> {
                    assertThat(signs.getAttribute("sourceObject")).isEqualTo(found.entryUuid(signatureUniqueId));
                    assertThat(signs.getAttribute("targetObject")).isEqualTo(packageId);
                });
    }

    private static Mtom.Part td21Part(String contentId, byte[] content) {
        return new Mtom.Part(contentId, "text/xml; charset=UTF-8; name=" + contentId, content,
                Map.of("Content-Disposition", "attachment; name=\"" + contentId + "\"; filename=\"" + contentId + "\""));
    }

    // ------------------------------------------------------------------ documents and metadata

    @Test
    void rejectsDocumentEntryWhoseDocumentIsMissing() {
        DocumentEntry document = DocumentEntry.create();
        Submission submission = Submission.forPatient(xds.newPatient()).document(document)
                .withoutDocumentFor(document);

        assertRegistryError(xds.provideAndRegister(submission), Xds.XDS_MISSING_DOCUMENT);
        assertNothingStored(xds, submission);
    }

    @Test
    void rejectsDocumentThatNoDocumentEntryDescribes() {
        DocumentEntry document = DocumentEntry.create();
        Submission submission = Submission.forPatient(xds.newPatient()).document(document)
                .withDocumentWithoutMetadata("Orphan01", TestData.cdaDocument("orphelin"));

        assertRegistryError(xds.provideAndRegister(submission), Xds.XDS_MISSING_DOCUMENT_METADATA);
        assertNothingStored(xds, submission);
    }

    @Test
    void rejectsSubmissionWhoseHashDoesNotMatch() {
        DocumentEntry document = DocumentEntry.create().withCorrectHashAndSize()
                .hash(TestData.sha1("autre contenu".getBytes(StandardCharsets.UTF_8)));
        Submission submission = Submission.forPatient(xds.newPatient()).document(document);

        assertRegistryError(xds.provideAndRegister(submission), Xds.XDS_NON_IDENTICAL_HASH);
        assertNothingStored(xds, submission);
    }

    @Test
    void rejectsSubmissionWhoseSizeDoesNotMatch() {
        DocumentEntry document = DocumentEntry.create().withCorrectHashAndSize();
        document.size(document.content().length + 1L);
        Submission submission = Submission.forPatient(xds.newPatient()).document(document);

        assertRegistryError(xds.provideAndRegister(submission), Xds.XDS_NON_IDENTICAL_SIZE);
        assertNothingStored(xds, submission);
    }

    // ------------------------------------------------------------------ patient identity

    @Test
    void rejectsDocumentEntryWhosePatientDiffersFromTheSubmissionSet() {
        TestData.Patient patient = xds.newPatient();
        TestData.Patient someoneElse = xds.newPatient();
        DocumentEntry document = DocumentEntry.create().patientId(someoneElse.cx());
        Submission submission = Submission.forPatient(patient).document(document);

        assertRegistryError(xds.provideAndRegister(submission), Xds.XDS_PATIENT_ID_DOES_NOT_MATCH);
        assertNothingStored(xds, submission);
        assertNothingStored(xds, someoneElse.cx());
    }

    @Test
    void rejectsPatientOfAnAssigningAuthorityThatIsNotAccepted() {
        TestData.Patient stranger = TestData.newPatient("1.2.250.1.999.77.41");
        Submission submission = Submission.forPatient(stranger).document(DocumentEntry.create());

        assertRegistryError(xds.provideAndRegister(submission), Xds.XDS_UNKNOWN_PATIENT_ID);
        // no VIHF can name a patient of that authority (the DMP's readers name an INS): prove it otherwise
        XdsAssertions.assertUniqueIdsStillFree(xds, submission);
    }

    @Test
    void rejectsInsWhoseNirKeyIsWrong() {
        TestData.Patient valid = xds.newPatient();
        TestData.Patient wrongKey = new TestData.Patient(TestData.withWrongKey(valid.nir()), valid.authorityOid());
        Submission submission = Submission.forPatient(wrongKey).document(DocumentEntry.create());

        assertRegistryError(xds.provideAndRegister(submission), Xds.XDS_UNKNOWN_PATIENT_ID);
        assertNothingStored(xds, submission);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NIR_ONLY", "^^^&1.2.250.1.213.1.4.10&ISO"})
    void rejectsPatientIdThatIsNotAValidCx(String malformed) {
        TestData.Patient patient = xds.newPatient();
        String cx = malformed.equals("NIR_ONLY") ? patient.nir() : malformed;
        DocumentEntry document = DocumentEntry.create();
        Submission submission = Submission.forPatient(patient).patientCx(cx).document(document);

        assertRegistryError(xds.provideAndRegister(submission), Xds.XDS_REGISTRY_METADATA_ERROR);
        assertNothingStored(xds, patient.cx(), document.uniqueId());
    }

    // ------------------------------------------------------------------ uniqueness

    /**
     * ITI TF-3 4.2.4.1: XDSRegistryDuplicateUniqueIdInMessage, or its repository twin
     * XDSRepositoryDuplicateUniqueIdInMessage since ITI-41 reaches the repository first.
     */
    @Test
    void rejectsTwoDocumentsWithTheSameUniqueIdInOneMessage() {
        String uniqueId = TestData.uniqueId();
        Submission submission = Submission.forPatient(xds.newPatient()).document(
                DocumentEntry.create().uniqueId(uniqueId), DocumentEntry.create().uniqueId(uniqueId));

        SoapResponse response = xds.provideAndRegister(submission);

        assertRefusedWithOneOf(response, Xds.XDS_DUPLICATE_IN_MESSAGE, Xds.XDS_REPOSITORY_DUPLICATE_IN_MESSAGE);
        assertNothingStored(xds, submission);
    }

    /**
     * ITI TF-3 4.2.4.1: a document uniqueId already registered with other content is refused, as
     * XDSDuplicateUniqueIdInRegistry or as XDSNonIdenticalHash (duplicate whose hash differs).
     */
    @Test
    void rejectsDocumentUniqueIdAlreadyInTheRegistryWithOtherContent() {
        TestData.Patient firstPatient = xds.newPatient();
        DocumentEntry original = DocumentEntry.create();
        xds.provideAndRegisterSuccessfully(Submission.forPatient(firstPatient).document(original));
        TestData.Patient secondPatient = xds.newPatient();
        Submission reuse = Submission.forPatient(secondPatient)
                .document(DocumentEntry.create().uniqueId(original.uniqueId()));

        SoapResponse response = xds.provideAndRegister(reuse);

        assertRefusedWithOneOf(response, Xds.XDS_DUPLICATE_IN_REGISTRY, Xds.XDS_NON_IDENTICAL_HASH);
        assertNothingStored(xds, secondPatient.cx());
        XdsClient firstPatientsReader = xds.forPatient(firstPatient);
        SoapResponse stillOne = firstPatientsReader.query(StoredQuery.getDocumentsByUniqueId(original.uniqueId()));
        assertSuccess(stillOne);
        assertThat(stillOne.extrinsicObjects()).as("entries with the reused uniqueId in %s", stillOne).hasSize(1);
        assertThat(Xml.value(stillOne.extrinsicObject(original.uniqueId()), "string(rim:ExternalIdentifier"
                + "[@identificationScheme='" + Xds.DE_PATIENT_ID + "']/@value)")).startsWith(firstPatient.nir());
        assertThat(firstPatientsReader.retrieve(RetrieveRequest.documents(original.uniqueId()))
                .retrievedDocument(original.uniqueId()).content()).isEqualTo(original.content());
    }

    @Test
    void rejectsSubmissionSetUniqueIdAlreadyInTheRegistry() {
        Submission first = Submission.forPatient(xds.newPatient()).document(DocumentEntry.create());
        xds.provideAndRegisterSuccessfully(first);
        Submission reuse = Submission.forPatient(xds.newPatient()).uniqueId(first.uniqueId())
                .document(DocumentEntry.create());

        SoapResponse response = xds.provideAndRegister(reuse);

        assertRegistryError(response, Xds.XDS_DUPLICATE_IN_REGISTRY);
        assertNothingStored(xds, reuse);
    }

    // ------------------------------------------------------------------ metadata validation

    @Test
    void rejectsDocumentEntryWithoutClassCode() {
        Submission submission = Submission.forPatient(xds.newPatient())
                .document(DocumentEntry.create().without("classCode"));

        assertRegistryError(xds.provideAndRegister(submission), Xds.XDS_REGISTRY_METADATA_ERROR);
        assertNothingStored(xds, submission);
    }

    @Test
    void rejectsCreationTimeThatIsNotAnHl7Dtm() {
        Submission submission = Submission.forPatient(xds.newPatient())
                .document(DocumentEntry.create().creationTime("2021-06-04"));

        assertRegistryError(xds.provideAndRegister(submission), Xds.XDS_REGISTRY_METADATA_ERROR);
        assertNothingStored(xds, submission);
    }

    @Test
    void refusesTheWholeSubmissionWhenOneOfItsDocumentsIsInvalid() {
        DocumentEntry valid = DocumentEntry.create();
        DocumentEntry invalid = DocumentEntry.create().without("typeCode");
        Submission submission = Submission.forPatient(xds.newPatient()).document(valid, invalid);

        SoapResponse response = xds.provideAndRegister(submission);

        assertRegistryError(response, Xds.XDS_REGISTRY_METADATA_ERROR);
        assertNothingStored(xds, submission);
    }
}
