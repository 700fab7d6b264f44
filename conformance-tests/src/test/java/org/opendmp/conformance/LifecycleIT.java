package org.opendmp.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendmp.conformance.XdsAssertions.assertRegistryError;
import static org.opendmp.conformance.XdsAssertions.assertSuccess;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;

/**
 * Document lifecycle over the wire (ITI TF-2b 3.42.4.1.3, ITI TF-3 4.2.2): replacement, transformation,
 * addendum and signature; Folders holding new and registered documents; resubmission of a registered
 * document. Each test has its own patient; refusals are checked to leave nothing behind.
 */
@DmpServerTest
class LifecycleIT {

    private final XdsClient xds;

    LifecycleIT(XdsClient xds) {
        this.xds = xds;
    }

    // ---------------------------------------------------------------- document relationships

    @ParameterizedTest
    @ValueSource(strings = {Xds.RPLC, Xds.XFRM_RPLC})
    void replacementDeprecatesTheOriginal(String type) {
        TestData.Patient patient = xds.newPatient();
        DocumentEntry original = registered(patient);
        DocumentEntry replacement = DocumentEntry.create();

        xds.provideAndRegisterSuccessfully(Submission.forPatient(patient).document(replacement)
                .association(type, "Document01", uuidOf(original)));

        assertThat(xds.findDocuments(patient.cx()).documentUniqueIds()).containsExactly(replacement.uniqueId());
        assertThat(statusOf(original)).isEqualTo(Xds.DEPRECATED);
    }

    @ParameterizedTest
    @ValueSource(strings = {Xds.APND, Xds.XFRM, Xds.SIGNS})
    void addendumTransformationAndSignatureLeaveTheOriginalApproved(String type) {
        TestData.Patient patient = xds.newPatient();
        DocumentEntry original = registered(patient);
        DocumentEntry related = DocumentEntry.create();

        xds.provideAndRegisterSuccessfully(Submission.forPatient(patient).document(related)
                .association(type, "Document01", uuidOf(original)));

        assertThat(xds.findDocuments(patient.cx()).documentUniqueIds())
                .containsExactlyInAnyOrder(original.uniqueId(), related.uniqueId());
        assertThat(statusOf(original)).isEqualTo(Xds.APPROVED);
    }

    @Test
    void rejectsReplacementOfADeprecatedDocument() {
        TestData.Patient patient = xds.newPatient();
        DocumentEntry original = registered(patient);
        String originalUuid = uuidOf(original);
        xds.provideAndRegisterSuccessfully(Submission.forPatient(patient).document(DocumentEntry.create())
                .association(Xds.RPLC, "Document01", originalUuid));
        DocumentEntry late = DocumentEntry.create();

        SoapResponse response = xds.provideAndRegister(Submission.forPatient(patient).document(late)
                .association(Xds.RPLC, "Document01", originalUuid));

        assertRegistryError(response, Xds.XDS_REGISTRY_DEPRECATED_DOCUMENT_ERROR);
        assertUnknown(late);
    }

    @Test
    void rejectsReplacementOfAnotherPatientsDocument() {
        TestData.Patient owner = xds.newPatient();
        DocumentEntry original = registered(owner);
        String originalUuid = uuidOf(original);
        Submission submission = Submission.forPatient(xds.newPatient()).document(DocumentEntry.create())
                .association(Xds.RPLC, "Document01", originalUuid);

        // the VIHF names the new patient: the other patient's document is unknown to this request, and the
        // answer is that of an unknown entryUUID (rejectsReplacementOfAnUnknownDocument), revealing nothing of it
        assertRegistryError(xds.provideAndRegister(submission), Xds.XDS_REGISTRY_METADATA_ERROR);
        XdsAssertions.assertNothingStored(xds, submission);
        assertThat(statusOf(xds.forPatient(owner), original)).isEqualTo(Xds.APPROVED);
    }

    @Test
    void rejectsReplacementOfAnUnknownDocument() {
        Submission submission = Submission.forPatient(xds.newPatient()).document(DocumentEntry.create())
                .association(Xds.RPLC, "Document01", TestData.uuid());

        assertRegistryError(xds.provideAndRegister(submission), Xds.XDS_REGISTRY_METADATA_ERROR);
        XdsAssertions.assertNothingStored(xds, submission);
    }

    // ---------------------------------------------------------------- folders

    @Test
    void replacementJoinsTheFoldersOfTheOriginal() {
        TestData.Patient patient = xds.newPatient();
        DocumentEntry original = DocumentEntry.create();
        Folder folder = Folder.create();
        xds.provideAndRegisterSuccessfully(Submission.forPatient(patient).document(original).folder(folder, original));
        DocumentEntry replacement = DocumentEntry.create();

        xds.provideAndRegisterSuccessfully(Submission.forPatient(patient).document(replacement)
                .association(Xds.RPLC, "Document01", uuidOf(original)));

        SoapResponse folders = xds.query(StoredQuery.of(Xds.GET_FOLDERS_FOR_DOCUMENT)
                .string("$XDSDocumentEntryEntryUUID", uuidOf(replacement)));
        assertSuccess(folders);
        assertThat(folders.onlyRegistryPackageId()).isEqualTo(folderUuid(folder));
    }

    @Test
    void registeredDocumentJoinsARegisteredFolder() {
        TestData.Patient patient = xds.newPatient();
        DocumentEntry inFolder = DocumentEntry.create();
        Folder folder = Folder.create();
        xds.provideAndRegisterSuccessfully(Submission.forPatient(patient).document(inFolder).folder(folder, inFolder));
        DocumentEntry later = registered(patient);
        String folderUuid = folderUuid(folder);
        String lastUpdateBefore = lastUpdateTime(folder);
        Submission adding = Submission.forPatient(patient)
                .association(Xds.HAS_MEMBER, folderUuid, uuidOf(later)).setMember("Association1", "Original");

        assertSuccess(xds.register(adding));

        SoapResponse contents = xds.query(StoredQuery.of(Xds.GET_FOLDER_AND_CONTENTS)
                .string("$XDSFolderEntryUUID", folderUuid));
        assertSuccess(contents);
        assertThat(contents.documentUniqueIds()).containsExactlyInAnyOrder(inFolder.uniqueId(), later.uniqueId());
        assertThat(lastUpdateTime(folder)).isGreaterThanOrEqualTo(lastUpdateBefore);

        SoapResponse set = xds.query(StoredQuery.of(Xds.GET_SUBMISSION_SET_AND_CONTENTS)
                .string("$XDSSubmissionSetUniqueId", adding.uniqueId()));
        assertSuccess(set);
        Element membership = set.associations().stream()
                .filter(a -> a.getAttribute("sourceObject").equals(folderUuid)).findFirst()
                .orElseThrow(() -> new AssertionError("no Folder HasMember in " + set));
        assertThat(set.associations()).anySatisfy(a -> assertThat(a.getAttribute("targetObject"))
                .isEqualTo(membership.getAttribute("id")));
    }

    @Test
    void rejectsAnotherPatientsDocumentInAFolder() {
        TestData.Patient patient = xds.newPatient();
        DocumentEntry inFolder = DocumentEntry.create();
        Folder folder = Folder.create();
        xds.provideAndRegisterSuccessfully(Submission.forPatient(patient).document(inFolder).folder(folder, inFolder));
        String folderId = folderUuid(folder); // while the patient is the client's current one (the VIHF's)
        DocumentEntry ofSomeoneElse = registered(xds.newPatient());
        Submission adding = Submission.forPatient(patient)
                .association(Xds.HAS_MEMBER, folderId, uuidOf(ofSomeoneElse)).setMember("Association1", "Original");

        // as unknown as in rejectsReplacementOfAnotherPatientsDocument
        assertRegistryError(xds.register(adding), Xds.XDS_REGISTRY_METADATA_ERROR);
        SoapResponse contents = xds.forPatient(patient).query(StoredQuery.of(Xds.GET_FOLDER_AND_CONTENTS)
                .string("$XDSFolderUniqueId", folder.uniqueId()));
        assertSuccess(contents);
        assertThat(contents.documentUniqueIds()).containsExactly(inFolder.uniqueId());
    }

    // ---------------------------------------------------------------- resubmission

    @Test
    void resubmissionOfTheSameDocumentIsAcceptedAsAnotherDocumentEntry() {
        TestData.Patient patient = xds.newPatient();
        DocumentEntry document = registered(patient);

        xds.provideAndRegisterSuccessfully(Submission.forPatient(patient).document(document));

        SoapResponse byUniqueId = xds.query(StoredQuery.getDocumentsByUniqueId(document.uniqueId()));
        assertSuccess(byUniqueId);
        assertThat(byUniqueId.extrinsicObjects()).hasSize(2);
        assertThat(byUniqueId.extrinsicObjects().stream().map(e -> e.getAttribute("id")).distinct()).hasSize(2);
    }

    @Test
    void rejectsAnotherDocumentUnderARegisteredUniqueId() {
        TestData.Patient patient = xds.newPatient();
        DocumentEntry document = registered(patient);
        Submission other = Submission.forPatient(patient).document(DocumentEntry.create().uniqueId(document.uniqueId()));

        assertRegistryError(xds.provideAndRegister(other), Xds.XDS_NON_IDENTICAL_HASH);
        SoapResponse byUniqueId = xds.query(StoredQuery.getDocumentsByUniqueId(document.uniqueId()));
        assertSuccess(byUniqueId);
        assertThat(byUniqueId.extrinsicObjects()).hasSize(1);
    }

    // ---------------------------------------------------------------- UUID case

    @Test
    void entryUuidParametersMatchWhateverTheirCase() {
        DocumentEntry document = registered(xds.newPatient());

        SoapResponse response = xds.query(StoredQuery.getDocumentsByUuid(uuidOf(document).toUpperCase(Locale.ROOT)));

        assertSuccess(response);
        assertThat(response.documentUniqueIds()).containsExactly(document.uniqueId());
    }

    // ---------------------------------------------------------------- helpers

    private DocumentEntry registered(TestData.Patient patient) {
        DocumentEntry document = DocumentEntry.create();
        xds.provideAndRegisterSuccessfully(Submission.forPatient(patient).document(document));
        return document;
    }

    private String uuidOf(DocumentEntry entry) {
        SoapResponse response = xds.query(StoredQuery.getDocumentsByUniqueId(entry.uniqueId()));
        assertSuccess(response);
        return response.entryUuid(entry.uniqueId());
    }

    private String statusOf(DocumentEntry entry) {
        return statusOf(xds, entry);
    }

    /** The entry's status as {@code reader} (a view naming the entry's patient) finds it. */
    private static String statusOf(XdsClient reader, DocumentEntry entry) {
        SoapResponse response = reader.query(StoredQuery.getDocumentsByUniqueId(entry.uniqueId()));
        assertSuccess(response);
        return response.extrinsicObject(entry.uniqueId()).getAttribute("status");
    }

    private void assertUnknown(DocumentEntry entry) {
        SoapResponse response = xds.query(StoredQuery.getDocumentsByUniqueId(entry.uniqueId()));
        assertSuccess(response);
        assertThat(response.objectCount()).as("refused document %s registered: %s", entry.uniqueId(), response).isZero();
    }

    private String folderUuid(Folder folder) {
        SoapResponse response = xds.query(StoredQuery.of(Xds.GET_FOLDERS).list("$XDSFolderUniqueId", folder.uniqueId()));
        assertSuccess(response);
        return response.onlyRegistryPackageId();
    }

    private String lastUpdateTime(Folder folder) {
        SoapResponse response = xds.query(StoredQuery.of(Xds.GET_FOLDERS).list("$XDSFolderUniqueId", folder.uniqueId()));
        assertSuccess(response);
        List<String> values = SoapResponse.slotValues(response.registryPackages().get(0), "lastUpdateTime");
        assertThat(values).as("lastUpdateTime of %s", response).hasSize(1);
        return values.get(0);
    }
}
