package org.opendmp.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendmp.conformance.XdsAssertions.assertAddressedResponse;
import static org.opendmp.conformance.XdsAssertions.assertRegistryError;
import static org.opendmp.conformance.XdsAssertions.assertSuccess;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * ITI-57 Update Document Set on the registry endpoint (IHE ITI TF-2b 3.57, XDS Metadata Update),
 * with the DMP's TD3.3 operations: TD3.3a/b (hide / show) as new DocumentEntry versions, TD3.3c/d
 * (delete / archive) as UpdateAvailabilityStatus requests shaped like the official DMP examples.
 *
 * <p>The DMP lets a document's author change it: the documents here are written by the caller, the demo
 * doctor for new versions, the official examples' doctor ({@value #EXAMPLE_AUTHOR_ID}) for status changes.
 * AccessRulesIT checks who else may and may not.
 */
@DmpServerTest
class MetadataUpdateIT {

    static final String ACTION_ITI57 = "urn:ihe:iti:2010:UpdateDocumentSet";
    static final String ARCHIVED = "urn:asip:ci-sis:2010:StatusType:Archived";
    static final String DELETED = "urn:asip:ci-sis:2010:StatusType:Deleted";
    static final String XDS_METADATA_VERSION_ERROR = "XDSMetadataVersionError";
    static final String XDS_METADATA_UPDATE_ERROR = "XDSMetadataUpdateError";
    private static final String OTHER_REPOSITORY = "1.2.250.1.999.77.500";
    /** The doctor of the official examples' VIHF ({@code messages/td21/vihf-assertion.xml}). */
    static final String EXAMPLE_AUTHOR_ID = "899900077777";
    private static final String EXAMPLE_AUTHOR = EXAMPLE_AUTHOR_ID
            + "^DOCTEUR^CAMILLE^^^^^^&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS";
    private static final Code MASQUE_PS = new Code("MASQUE_PS", "1.2.250.1.213.1.1.4.13",
            "Masqué aux professionnels de santé");
    private static final Code NORMAL = new Code("N", "2.16.840.1.113883.5.25", "Normal");

    private final XdsClient xds;

    MetadataUpdateIT(XdsClient xds) {
        this.xds = xds;
    }

    @Test
    @DisplayName("TD3.3a: hiding a document from professionals is a new version (MASQUE_PS); version 1 is Deprecated")
    void hidesDocumentWithNewVersion() {
        TestData.Patient patient = xds.newPatient();
        DocumentEntry document = DocumentEntry.create().withRegistryAttributes(OTHER_REPOSITORY)
                .authorPerson(Vihf.DOCTOR_XCN);
        assertSuccess(xds.register(Submission.forPatient(patient).document(document)));
        String v1 = xds.findDocuments(patient.cx()).entryUuid(document.uniqueId());

        document.confidentialityCodes(NORMAL, MASQUE_PS);
        SoapResponse response = update(newVersion(patient, document, v1, "1"));

        assertSuccess(response);
        assertAddressedResponse(response, ACTION_ITI57);
        Element current = xds.findDocuments(patient.cx()).extrinsicObject(document.uniqueId());
        assertThat(current.getAttribute("id")).isNotEqualTo(v1);
        assertThat(current.getAttribute("lid")).isEqualTo(v1);
        assertThat(versionName(current)).isEqualTo("2");
        SoapResponse masked = xds.query(StoredQuery.findDocuments(patient.cx())
                .codes("$XDSDocumentEntryConfidentialityCode", MASQUE_PS));
        assertThat(masked.documentUniqueIds()).containsExactly(document.uniqueId());
        SoapResponse allVersions = xds.query(StoredQuery.getDocumentsByUniqueId(document.uniqueId())
                .raw("$MetadataLevel", "2"));
        assertSuccess(allVersions);
        assertThat(allVersions.extrinsicObjects()).extracting(e -> e.getAttribute("status"))
                .containsExactlyInAnyOrder(Xds.APPROVED, Xds.DEPRECATED);
    }

    @Test
    @DisplayName("ITI TF-2b 3.57.4.1.3.3.1.3: a PreviousVersion that is not the latest is XDSMetadataVersionError")
    void rejectsStalePreviousVersion() {
        TestData.Patient patient = xds.newPatient();
        DocumentEntry document = DocumentEntry.create().withRegistryAttributes(OTHER_REPOSITORY)
                .authorPerson(Vihf.DOCTOR_XCN);
        assertSuccess(xds.register(Submission.forPatient(patient).document(document)));
        String v1 = xds.findDocuments(patient.cx()).entryUuid(document.uniqueId());
        assertSuccess(update(newVersion(patient, document, v1, "1")));

        assertRegistryError(update(newVersion(patient, document, v1, "1")), XDS_METADATA_VERSION_ERROR);
        SoapResponse allVersions = xds.query(StoredQuery.getDocumentsByUniqueId(document.uniqueId())
                .raw("$MetadataLevel", "2"));
        assertThat(allVersions.extrinsicObjects()).hasSize(2);
    }

    @Test
    @DisplayName("TD3.3d then TD3.3c, shaped like the official examples (SOAP 1.2, WS-Addressing, VIHF, no action "
            + "media-type parameter): Approved -> Archived -> Deleted")
    void archivesThenDeletesLikeTheOfficialExamples() {
        TestData.Patient patient = xds.newPatient();
        authorizeTheExamplesDoctor(patient);
        DocumentEntry document = DocumentEntry.create().withRegistryAttributes(OTHER_REPOSITORY)
                .authorPerson(EXAMPLE_AUTHOR);
        assertSuccess(xds.register(Submission.forPatient(patient).document(document)));
        String uuid = xds.findDocuments(patient.cx()).entryUuid(document.uniqueId());

        SoapResponse archived = postDmpExample(patient, uuid, Xds.APPROVED, ARCHIVED);
        assertSuccess(archived);
        assertAddressedResponse(archived, ACTION_ITI57);
        assertThat(xds.findDocuments(patient.cx()).objectCount()).isZero();
        assertThat(findWithStatus(patient, ARCHIVED).documentUniqueIds()).containsExactly(document.uniqueId());

        assertSuccess(postDmpExample(patient, uuid, ARCHIVED, DELETED));
        assertThat(findWithStatus(patient, ARCHIVED).objectCount()).isZero();
        // a deleted document is shown to no professional, its author included (docs/ACCESS-RULES.md)
        assertThat(findWithStatus(patient, DELETED).objectCount()).isZero();
        SoapResponse byUniqueId = xds.query(StoredQuery.getDocumentsByUniqueId(document.uniqueId())
                .raw("$MetadataLevel", "2"));
        assertSuccess(byUniqueId);
        assertThat(byUniqueId.objectCount()).as("a deleted document in %s", byUniqueId).isZero();
    }

    @Test
    @DisplayName("ITI TF-2b 3.57.4.1.3.3.2.3: OriginalStatus other than the current status is XDSMetadataUpdateError")
    void rejectsWrongOriginalStatus() {
        TestData.Patient patient = xds.newPatient();
        authorizeTheExamplesDoctor(patient);
        DocumentEntry document = DocumentEntry.create().withRegistryAttributes(OTHER_REPOSITORY)
                .authorPerson(EXAMPLE_AUTHOR);
        assertSuccess(xds.register(Submission.forPatient(patient).document(document)));
        String uuid = xds.findDocuments(patient.cx()).entryUuid(document.uniqueId());

        assertRegistryError(postDmpExample(patient, uuid, ARCHIVED, DELETED), XDS_METADATA_UPDATE_ERROR);
        assertThat(xds.findDocuments(patient.cx()).documentUniqueIds()).containsExactly(document.uniqueId());
    }

    @Test
    @DisplayName("The ITI-42 action on the same endpoint still registers: the two operations share the body element")
    void registerAndUpdateShareTheEndpoint() {
        TestData.Patient patient = xds.newPatient();
        DocumentEntry document = DocumentEntry.create().withRegistryAttributes(OTHER_REPOSITORY);
        SoapResponse registered = xds.register(Submission.forPatient(patient).document(document));
        assertSuccess(registered);
        assertAddressedResponse(registered, Xds.ACTION_ITI42);
    }

    // ---------------------------------------------------------------- messages

    private SoapResponse update(String body) {
        return xds.soap12(xds.registry(), ACTION_ITI57, body);
    }

    private static String newVersion(TestData.Patient patient, DocumentEntry document, String lid, String previous) {
        return MetadataUpdates.newVersion(patient, document, lid, previous);
    }

    /**
     * TD3.3c / TD3.3d as DMP software sends them: the official examples' structure with this
     * test's ids, the VIHF in wsse:Security, and only the WS-Addressing Action to tell the
     * operation (Content-Type without the action parameter).
     */
    private SoapResponse postDmpExample(TestData.Patient patient, String target, String original, String newStatus) {
        String vihf = xds.vihfSigners().dmpExampleAssertion(patient.cxNh());
        String messageId = TestData.uuid();
        String envelope = Template.of("td33/update-availability-status-soap12.xml")
                .with("messageId", messageId)
                .withXml("vihf", vihf)
                .with("submissionTime", TestData.now())
                .with("authorPerson", "899900077777^DOCTEUR^CAMILLE^^^^^^&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS")
                .with("authorInstitution", "CABINET DE CONFORMITE^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^499900077777001")
                .with("patientIdDated", patient.cxNhDated("20230914"))
                .with("sourceId", "1.2.250.1.999.77.3")
                .with("submissionSetUniqueId", TestData.uniqueId())
                .with("target", target)
                .with("originalStatus", original)
                .with("newStatus", newStatus)
                .render();
        Xml.parse(envelope);
        return xds.post(xds.registry(), "application/soap+xml; charset=UTF-8",
                envelope.getBytes(StandardCharsets.UTF_8), Map.of()).requestMessageId(messageId);
    }

    /** TD0.3 by the official examples' doctor, with the examples' VIHF, as his software would send it. */
    private void authorizeTheExamplesDoctor(TestData.Patient patient) {
        SoapResponse response = HabilitationMessages.setAuthorization(
                xds.withAssertion(xds.vihfSigners().dmpExampleAssertion(patient.cxNh())), "AJOUT", false);
        assertThat(HabilitationMessages.status(response)).as("TD0.3\n%s", response).isEqualTo(HabilitationMessages.DMP_OK);
    }

    private SoapResponse findWithStatus(TestData.Patient patient, String status) {
        SoapResponse response = xds.query(StoredQuery.of(Xds.FIND_DOCUMENTS)
                .string("$XDSDocumentEntryPatientId", patient.cx()).list("$XDSDocumentEntryStatus", status));
        assertSuccess(response);
        return response;
    }

    private static String versionName(Element registryObject) {
        List<Element> infos = Xml.elements(registryObject, "rim:VersionInfo");
        return infos.isEmpty() ? null : infos.get(0).getAttribute("versionName");
    }
}
