package org.opendmp.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendmp.conformance.XdsAssertions.assertRegistryError;
import static org.opendmp.conformance.XdsAssertions.assertSuccess;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * ITI-18 Registry Stored Query (ITI TF-2a 3.18.4.1.2.3.7), the queries beyond StoredQueryIT:
 * FindDocumentsByReferenceId, FindFolders, GetFolders, GetFolderAndContents, GetFoldersForDocument,
 * GetSubmissionSets, GetDocumentsAndAssociations and GetRelatedDocuments. One fixture per class,
 * registered once through ITI-41: patient P with folder F1 (codes A and B; documents d1, d2) and
 * folder F2 (code A; document d3), and an original document with an appendix (APND) and a
 * replacement (RPLC); patient Q with folder F3.
 */
@DmpServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MoreStoredQueriesIT {

    private static final String ORDER_1 = "ORD-1^^^&1.2.250.1.999.77.500&ISO^urn:ihe:iti:xds:2013:order";
    private static final String ORDER_2 = "ORD-2^^^&1.2.250.1.999.77.500&ISO^urn:ihe:iti:xds:2013:order";
    private static final String ACCESSION = "ACC-7^^^&1.2.250.1.999.77.501&ISO^urn:ihe:iti:xds:2013:accession";
    private static final Code CODE_A = new Code("E10", Xds.CIM_10, "Diabète de type 1");
    private static final Code CODE_B = new Code("I10", Xds.CIM_10, "Hypertension essentielle");
    private static final Code FORMAT_PDF = new Code("urn:ihe:iti:xds-sd:pdf:2008", Xds.FORMAT_CODES, "PDF");

    private final XdsClient xds;

    private final TestData.Patient p;
    private final TestData.Patient q;
    private Submission withFolders;
    private DocumentEntry d1;
    private DocumentEntry d2;
    private DocumentEntry d3;
    private Folder f1;
    private Folder f2;
    private Folder f3;
    private DocumentEntry original;
    private DocumentEntry appendix;
    private DocumentEntry replacement;

    MoreStoredQueriesIT(XdsClient xds) {
        this.xds = xds;
        p = xds.newPatient();
        q = xds.newPatient();
    }

    @BeforeAll
    void registerFixture() {
        d1 = DocumentEntry.create().referenceIds(ORDER_1, ACCESSION);
        d2 = DocumentEntry.create().referenceIds(ORDER_2).formatCode(FORMAT_PDF);
        f1 = Folder.create().codes(CODE_A, CODE_B);
        withFolders = Submission.forPatient(p).document(d1, d2).folder(f1, d1, d2);
        xds.provideAndRegisterSuccessfully(withFolders);
        d3 = DocumentEntry.create();
        f2 = Folder.create().codes(CODE_A);
        xds.provideAndRegisterSuccessfully(Submission.forPatient(p).document(d3).folder(f2, d3));

        original = DocumentEntry.create();
        xds.provideAndRegisterSuccessfully(Submission.forPatient(p).document(original));
        String originalUuid = uuidOf(original);
        appendix = DocumentEntry.create();
        xds.provideAndRegisterSuccessfully(Submission.forPatient(p).document(appendix)
                .association(Xds.APND, "Document01", originalUuid));
        replacement = DocumentEntry.create();
        xds.provideAndRegisterSuccessfully(Submission.forPatient(p).document(replacement)
                .association(Xds.RPLC, "Document01", originalUuid));

        f3 = Folder.create().codes(CODE_A);
        DocumentEntry ofQ = DocumentEntry.create();
        xds.provideAndRegisterSuccessfully(Submission.forPatient(q).document(ofQ).folder(f3, ofQ));
    }

    // ------------------------------------------------------------------ FindDocumentsByReferenceId

    private StoredQuery findByReferenceId() {
        return StoredQuery.of(Xds.FIND_DOCUMENTS_BY_REFERENCE_ID).string("$XDSDocumentEntryPatientId", p.cx())
                .list("$XDSDocumentEntryStatus", Xds.APPROVED);
    }

    private void assertFinds(StoredQuery query, DocumentEntry... expected) {
        SoapResponse response = xds.query(query);
        assertSuccess(response);
        assertThat(response.documentUniqueIds()).as("documents found by %s", query.body())
                .containsExactlyInAnyOrderElementsOf(List.of(expected).stream().map(DocumentEntry::uniqueId).toList());
    }

    @Test
    void findDocumentsByReferenceIdOrsValuesOfOneSlotAndAndsSeveralSlots() {
        assertFinds(findByReferenceId().list("$XDSDocumentEntryReferenceIdList", ORDER_1), d1);
        assertFinds(findByReferenceId().list("$XDSDocumentEntryReferenceIdList", ORDER_1, ORDER_2), d1, d2);
        assertFinds(findByReferenceId().list("$XDSDocumentEntryReferenceIdList", ACCESSION)
                .list("$XDSDocumentEntryReferenceIdList", ORDER_1), d1);
        assertFinds(findByReferenceId().list("$XDSDocumentEntryReferenceIdList", ACCESSION)
                .list("$XDSDocumentEntryReferenceIdList", ORDER_2));
    }

    @Test
    void findDocumentsByReferenceIdKeepsTheFindDocumentsFilters() {
        assertFinds(findByReferenceId().list("$XDSDocumentEntryReferenceIdList", ORDER_1, ORDER_2)
                .codes("$XDSDocumentEntryFormatCode", FORMAT_PDF), d2);
    }

    @Test
    void leafClassReturnsTheReferenceIdListAsSubmitted() {
        SoapResponse response = xds.query(findByReferenceId().list("$XDSDocumentEntryReferenceIdList", ORDER_1));

        assertSuccess(response);
        assertThat(SoapResponse.slotValues(response.extrinsicObject(d1.uniqueId()), Xds.REFERENCE_ID_LIST))
                .containsExactly(ORDER_1, ACCESSION);
    }

    @Test
    void rejectsFindDocumentsByReferenceIdWithoutReferenceIds() {
        SoapResponse response = xds.query(findByReferenceId());

        assertRegistryError(response, Xds.XDS_STORED_QUERY_MISSING_PARAM);
        assertThat(response.objectCount()).as("objects in %s", response).isZero();
    }

    // ------------------------------------------------------------------ FindFolders and GetFolders

    private StoredQuery findFolders(TestData.Patient patient) {
        return StoredQuery.of(Xds.FIND_FOLDERS).string("$XDSFolderPatientId", patient.cx())
                .list("$XDSFolderStatus", Xds.APPROVED);
    }

    private void assertFolders(StoredQuery query, Folder... expected) {
        SoapResponse response = xds.query(query);
        assertSuccess(response);
        assertThat(folderUniqueIds(response)).as("folders found by %s", query.body())
                .containsExactlyInAnyOrderElementsOf(List.of(expected).stream().map(Folder::uniqueId).toList());
    }

    @Test
    void findFoldersReturnsThePatientsFoldersFilteredOnCodeList() {
        assertFolders(findFolders(p), f1, f2);
        assertFolders(findFolders(q), f3);
        assertFolders(findFolders(p).codes("$XDSFolderCodeList", CODE_B), f1);
        assertFolders(findFolders(p).codes("$XDSFolderCodeList", CODE_A).codes("$XDSFolderCodeList", CODE_B), f1);
        assertFolders(findFolders(p).time("$XDSFolderLastUpdateTimeFrom", "29990101"));
        assertFolders(findFolders(p).time("$XDSFolderLastUpdateTimeTo", "29990101"), f1, f2);
    }

    @Test
    void getFoldersByUniqueIdOrByEntryUuid() {
        assertFolders(StoredQuery.of(Xds.GET_FOLDERS).list("$XDSFolderUniqueId", f1.uniqueId(), f2.uniqueId()), f1, f2);
        assertFolders(StoredQuery.of(Xds.GET_FOLDERS).list("$XDSFolderEntryUUID", folderUuid(f2)), f2);
    }

    @Test
    void rejectsGetFoldersWithBothForms() {
        SoapResponse response = xds.query(StoredQuery.of(Xds.GET_FOLDERS).list("$XDSFolderUniqueId", f1.uniqueId())
                .list("$XDSFolderEntryUUID", folderUuid(f1)));

        assertRegistryError(response, Xds.XDS_STORED_QUERY_PARAM_NUMBER);
    }

    @Test
    void getFoldersOfTwoPatientsAnswersOnlyTheVihfPatientsFolder() {
        // XDSResultNotSinglePatient cannot arise for a VIHF caller: the access rules confine every stored
        // query to the VIHF's patient, so the other patient's folder is not revealed at all (the IHE rule
        // itself is checked without access rules in registry's FolderQueriesTest).
        SoapResponse response = xds.forPatient(p).query(StoredQuery.of(Xds.GET_FOLDERS)
                .list("$XDSFolderUniqueId", f1.uniqueId(), f3.uniqueId()));

        assertSuccess(response);
        assertThat(folderUniqueIds(response)).as("folders in %s", response).containsExactly(f1.uniqueId());
    }

    // ------------------------------------------------------------------ GetFolderAndContents, GetFoldersForDocument

    @Test
    void getFolderAndContentsReturnsTheFolderItsDocumentsAndHasMemberAssociations() {
        SoapResponse response = xds.query(StoredQuery.of(Xds.GET_FOLDER_AND_CONTENTS)
                .string("$XDSFolderUniqueId", f1.uniqueId()));

        assertSuccess(response);
        assertThat(folderUniqueIds(response)).as("folders in %s", response).containsExactly(f1.uniqueId());
        String folderId = response.onlyRegistryPackageId();
        assertThat(response.documentUniqueIds()).as("documents in %s", response)
                .containsExactlyInAnyOrder(d1.uniqueId(), d2.uniqueId());
        List<String> documentIds = response.extrinsicObjects().stream().map(e -> e.getAttribute("id")).toList();
        assertThat(response.associations()).as("associations in %s", response).hasSize(2).allSatisfy(a -> {
            assertThat(a.getAttribute("associationType")).isEqualTo(Xds.HAS_MEMBER);
            assertThat(a.getAttribute("sourceObject")).isEqualTo(folderId);
            assertThat(a.getAttribute("targetObject")).isIn(documentIds);
        });
    }

    @Test
    void getFolderAndContentsFiltersDocumentsOnFormatCode() {
        SoapResponse response = xds.query(StoredQuery.of(Xds.GET_FOLDER_AND_CONTENTS)
                .string("$XDSFolderEntryUUID", folderUuid(f1)).codes("$XDSDocumentEntryFormatCode", FORMAT_PDF));

        assertSuccess(response);
        assertThat(response.documentUniqueIds()).as("documents in %s", response).containsExactly(d2.uniqueId());
        assertThat(response.associations()).as("associations in %s", response).singleElement()
                .satisfies(a -> assertThat(a.getAttribute("targetObject")).isEqualTo(response.entryUuid(d2.uniqueId())));
    }

    @Test
    void getFolderAndContentsAsObjectRefsNamesTheSameObjects() {
        SoapResponse leafClass = xds.query(StoredQuery.of(Xds.GET_FOLDER_AND_CONTENTS)
                .string("$XDSFolderUniqueId", f2.uniqueId()).leafClass());
        SoapResponse objectRef = xds.query(StoredQuery.of(Xds.GET_FOLDER_AND_CONTENTS)
                .string("$XDSFolderUniqueId", f2.uniqueId()).objectRef());

        assertSuccess(objectRef);
        assertThat(objectRef.objectRefIds()).as("ObjectRefs in %s", objectRef).hasSize(3)
                .containsExactlyInAnyOrderElementsOf(Xml.values(leafClass.xml(), "//rim:RegistryObjectList/*/@id"));
    }

    @Test
    void getFoldersForDocumentReturnsTheFoldersHoldingIt() {
        assertFolders(StoredQuery.of(Xds.GET_FOLDERS_FOR_DOCUMENT).string("$XDSDocumentEntryUniqueId", d3.uniqueId()), f2);
        assertFolders(StoredQuery.of(Xds.GET_FOLDERS_FOR_DOCUMENT).string("$XDSDocumentEntryEntryUUID", uuidOf(d1)), f1);
        assertFolders(StoredQuery.of(Xds.GET_FOLDERS_FOR_DOCUMENT)
                .string("$XDSDocumentEntryUniqueId", original.uniqueId()));
    }

    // ------------------------------------------------------------------ GetSubmissionSets, GetDocumentsAndAssociations

    @Test
    void getSubmissionSetsReturnsTheSetOfADocumentAndItsHasMember() {
        String d1Uuid = uuidOf(d1);

        SoapResponse response = xds.query(StoredQuery.of(Xds.GET_SUBMISSION_SETS).list("$uuid", d1Uuid));

        assertSuccess(response);
        assertThat(response.submissionSetUniqueIds()).as("submission sets in %s", response)
                .containsExactly(withFolders.uniqueId());
        String setId = response.onlyRegistryPackageId();
        assertThat(response.associations()).as("associations in %s", response).singleElement().satisfies(a -> {
            assertThat(a.getAttribute("associationType")).isEqualTo(Xds.HAS_MEMBER);
            assertThat(a.getAttribute("sourceObject")).isEqualTo(setId);
            assertThat(a.getAttribute("targetObject")).isEqualTo(d1Uuid);
        });
    }

    @Test
    void getDocumentsAndAssociationsReturnsTheDocumentAndEveryAssociationOfIt() {
        SoapResponse response = xds.query(StoredQuery.of(Xds.GET_DOCUMENTS_AND_ASSOCIATIONS)
                .list("$XDSDocumentEntryUniqueId", d1.uniqueId()));

        assertSuccess(response);
        assertThat(response.documentUniqueIds()).as("documents in %s", response).containsExactly(d1.uniqueId());
        String d1Uuid = response.entryUuid(d1.uniqueId());
        // HasMember from its SubmissionSet and from folder F1
        assertThat(response.associations()).as("associations in %s", response).hasSize(2)
                .allSatisfy(a -> assertThat(a.getAttribute("targetObject")).isEqualTo(d1Uuid));
    }

    // ------------------------------------------------------------------ GetRelatedDocuments

    private StoredQuery related(String... associationTypes) {
        return StoredQuery.of(Xds.GET_RELATED_DOCUMENTS).string("$XDSDocumentEntryUniqueId", original.uniqueId())
                .list("$AssociationTypes", associationTypes);
    }

    @Test
    void getRelatedDocumentsReturnsTheOriginalTheRelatedDocumentsAndTheirAssociations() {
        SoapResponse response = xds.query(related(Xds.RPLC));

        assertSuccess(response);
        assertThat(response.documentUniqueIds()).as("documents in %s", response)
                .containsExactlyInAnyOrder(original.uniqueId(), replacement.uniqueId());
        assertThat(response.associations()).as("associations in %s", response).singleElement().satisfies(a -> {
            assertThat(a.getAttribute("associationType")).isEqualTo(Xds.RPLC);
            assertThat(a.getAttribute("sourceObject")).isEqualTo(response.entryUuid(replacement.uniqueId()));
            assertThat(a.getAttribute("targetObject")).isEqualTo(response.entryUuid(original.uniqueId()));
        });

        SoapResponse both = xds.query(related(Xds.RPLC, Xds.APND));
        assertSuccess(both);
        assertThat(both.documentUniqueIds()).as("documents in %s", both)
                .containsExactlyInAnyOrder(original.uniqueId(), replacement.uniqueId(), appendix.uniqueId());
        assertThat(both.associations()).as("associations in %s", both).extracting(a -> a.getAttribute("associationType"))
                .containsExactlyInAnyOrder(Xds.RPLC, Xds.APND);
    }

    @Test
    void getRelatedDocumentsWithoutRelatedDocumentIsEmpty() {
        SoapResponse response = xds.query(related(Xds.XFRM, Xds.SIGNS));

        assertSuccess(response);
        assertThat(response.objectCount()).as("objects in %s", response).isZero();
    }

    @Test
    void rejectsGetRelatedDocumentsWithoutAssociationTypes() {
        SoapResponse response = xds.query(StoredQuery.of(Xds.GET_RELATED_DOCUMENTS)
                .string("$XDSDocumentEntryUniqueId", original.uniqueId()));

        assertRegistryError(response, Xds.XDS_STORED_QUERY_MISSING_PARAM);
    }

    // ------------------------------------------------------------------ helpers

    private String uuidOf(DocumentEntry entry) {
        SoapResponse response = xds.query(StoredQuery.getDocumentsByUniqueId(entry.uniqueId()));
        assertSuccess(response);
        return response.entryUuid(entry.uniqueId());
    }

    private String folderUuid(Folder folder) {
        SoapResponse response = xds.query(StoredQuery.of(Xds.GET_FOLDERS).list("$XDSFolderUniqueId", folder.uniqueId()));
        assertSuccess(response);
        return response.onlyRegistryPackageId();
    }

    private static List<String> folderUniqueIds(SoapResponse response) {
        return response.registryPackages().stream()
                .map(pkg -> Xml.value(pkg, "string(rim:ExternalIdentifier[@identificationScheme='"
                        + Xds.FOLDER_UNIQUE_ID + "']/@value)"))
                .filter(value -> !value.isEmpty()).toList();
    }
}
