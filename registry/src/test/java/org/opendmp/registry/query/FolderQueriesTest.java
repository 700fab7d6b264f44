package org.opendmp.registry.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendmp.registry.ebrim.XdsVocabulary.DOCUMENT_ENTRY_ON_DEMAND;
import static org.opendmp.registry.ebrim.XdsVocabulary.HAS_MEMBER;
import static org.opendmp.registry.ebrim.XdsVocabulary.STATUS_APPROVED;
import static org.opendmp.registry.ebrim.XdsVocabulary.STATUS_DEPRECATED;
import static org.opendmp.registry.testsupport.TestRegistry.list;
import static org.opendmp.registry.testsupport.TestRegistry.string;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opendmp.registry.error.XdsErrorCode;
import org.opendmp.registry.model.Association;
import org.opendmp.registry.model.Submission;
import org.opendmp.registry.testsupport.Submissions;
import org.opendmp.testsupport.TestDatabase;
import org.opendmp.registry.testsupport.TestRegistry;

/**
 * The Folder stored queries (ITI TF-2a 3.18.4.1.2.3.7): FindFolders, GetFolders,
 * GetFolderAndContents, GetFoldersForDocument, and GetSubmissionSets for a Folder. Fixture:
 * patient P with folder F1 (codes A and B, documents A and B: created in January, document B added
 * mid-January) and folder F2 (code A, the registered document B, created in February); patient Q
 * with folder F3; document C of P in no folder.
 */
class FolderQueriesTest {

    private static final String FIND_FOLDERS = "urn:uuid:958f3006-baad-4929-a4de-ff1114824431";
    private static final String GET_FOLDERS = "urn:uuid:5737b14c-8a1a-4539-b659-e03a34a5e1e4";
    private static final String GET_FOLDER_AND_CONTENTS = "urn:uuid:b909a503-523d-4517-8acf-8e5834dfc4c7";
    private static final String GET_FOLDERS_FOR_DOCUMENT = "urn:uuid:10cae35a-c7f9-4cf5-b61e-fc3278ffb578";
    private static final String GET_SUBMISSION_SETS = "urn:uuid:51224314-5390-4169-9b91-b1980040715a";
    private static final String CODE_A = "A1^^1.2.250.1.999.9";
    private static final String CODE_B = "B1^^1.2.250.1.999.9";
    private static final String CODE_C = "C1^^1.2.250.1.999.9";
    private static final String PDF = "urn:ihe:iti:xds-sd:pdf:2008^^1.3.6.1.4.1.19376.1.2.3";
    private static final String RESTRICTED = "R^^2.16.840.1.113883.5.25";
    private static final String JANUARY = "20240101100000";
    private static final String MID_JANUARY = "20240115100000";
    private static final String FEBRUARY = "20240201100000";

    private TestRegistry registry;
    private String p;
    private String q;
    private Submission first;
    private Submission second;
    private Submission third;
    private String f1;
    private String f1UniqueId;
    private String f2;
    private String f3;
    private String documentA;
    private String documentB;
    private String documentBUniqueId;
    private String documentC;

    private void start(TestDatabase database) {
        registry = new TestRegistry(database);
        p = newPatient();
        q = newPatient();
        f1UniqueId = "1.2.250.1.999.2.4." + Submissions.next();
        first = registry.registerAt(JANUARY, Submissions.withFolder(Submissions.template(p, Submissions.next()), p,
                "Folder01", f1UniqueId, List.of(CODE_A, CODE_B), "Document01"));
        f1 = first.folders().get(0).entryUuid();
        documentA = first.documentEntries().get(0).entryUuid();

        long id = Submissions.next();
        String pdfAndRestricted = Submissions.template(p, id)
                .replace("urn:ihe:iti:xds-sd:text:2008", "urn:ihe:iti:xds-sd:pdf:2008")
                .replace("nodeRepresentation=\"N\"", "nodeRepresentation=\"R\"");
        second = registry.registerAt(MID_JANUARY,
                Submissions.withAssociation(pdfAndRestricted, HAS_MEMBER, f1, "Document01"));
        documentB = second.documentEntries().get(0).entryUuid();
        documentBUniqueId = "1.2.250.1.999.2.3." + id;
        third = registry.registerAt(FEBRUARY, Submissions.withFolder(Submissions.template(p, Submissions.next()), p,
                "Folder02", "1.2.250.1.999.2.4." + Submissions.next(), List.of(CODE_A), documentB));
        f2 = third.folders().get(0).entryUuid();

        documentC = registry.register(Submissions.template(p, Submissions.next())).documentEntries().get(0).entryUuid();
        f3 = registry.register(Submissions.withFolder(Submissions.template(q, Submissions.next()), q, "Folder01",
                "1.2.250.1.999.2.4." + Submissions.next(), List.of(CODE_A), "Document01")).folders().get(0).entryUuid();
    }

    // ------------------------------------------------------------------ FindFolders

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-2a 3.18.4.1.2.3.7.3 FindFolders: the patient's folders having one of the statuses")
    void findFoldersReturnsThePatientsFoldersWithTheGivenStatus(TestDatabase database) {
        start(database);

        assertThat(findFolders(p)).containsExactly(f1, f2);
        assertThat(findFolders(q)).containsExactly(f3);
        assertThat(registry.ids(FIND_FOLDERS, "$XDSFolderPatientId", string(p),
                "$XDSFolderStatus", list(STATUS_DEPRECATED))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-2a 3.18.4.1.2.3.7.3 FindFolders: $XDSFolderCodeList ORs the values of a slot, ANDs slots")
    void findFoldersOrsCodesOfOneSlotAndAndsSeveralSlots(TestDatabase database) {
        start(database);

        assertThat(findFolders(p, "$XDSFolderCodeList", list(CODE_B))).containsExactly(f1);
        assertThat(findFolders(p, "$XDSFolderCodeList", list(CODE_A))).containsExactly(f1, f2);
        assertThat(findFolders(p, "$XDSFolderCodeList", list(CODE_B, CODE_C))).containsExactly(f1);
        assertThat(findFolders(p, "$XDSFolderCodeList", list(CODE_A), "$XDSFolderCodeList", list(CODE_B)))
                .containsExactly(f1);
        assertThat(findFolders(p, "$XDSFolderCodeList", list(CODE_B), "$XDSFolderCodeList", list(CODE_C))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-2a 3.18.4.1.2.3.7.3 FindFolders: lastUpdateTime From is inclusive, To exclusive")
    void findFoldersLastUpdateTimeFromIsInclusiveAndToIsExclusive(TestDatabase database) {
        start(database);

        assertThat(findFolders(p, "$XDSFolderLastUpdateTimeFrom", FEBRUARY)).containsExactly(f2);
        assertThat(findFolders(p, "$XDSFolderLastUpdateTimeTo", FEBRUARY)).containsExactly(f1);
        assertThat(findFolders(p, "$XDSFolderLastUpdateTimeFrom", JANUARY, "$XDSFolderLastUpdateTimeTo", "20240201100001"))
                .containsExactly(f1, f2);
        assertThat(findFolders(p, "$XDSFolderLastUpdateTimeFrom", "202402")).containsExactly(f2);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-2a 3.18.4.1.2.3.7.3 FindFolders: $XDSFolderPatientId and $XDSFolderStatus are required")
    void findFoldersRequiresPatientAndStatus(TestDatabase database) {
        start(database);

        registry.assertRefused(XdsErrorCode.XDSStoredQueryMissingParam, FIND_FOLDERS, "$XDSFolderPatientId", string(p));
        registry.assertRefused(XdsErrorCode.XDSStoredQueryMissingParam, FIND_FOLDERS,
                "$XDSFolderStatus", list(STATUS_APPROVED));
        registry.assertRefused(XdsErrorCode.XDSStoredQueryParamNumber, FIND_FOLDERS, "$XDSFolderPatientId", list(p, q),
                "$XDSFolderStatus", list(STATUS_APPROVED));
    }

    // ------------------------------------------------------------------ GetFolders

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-2a 3.18.4.1.2.3.7.6 GetFolders: by $XDSFolderEntryUUID or by $XDSFolderUniqueId, several values")
    void getFoldersByEntryUuidOrByUniqueId(TestDatabase database) {
        start(database);

        assertThat(registry.ids(GET_FOLDERS, "$XDSFolderEntryUUID", list(f2, f1))).containsExactly(f1, f2);
        assertThat(registry.ids(GET_FOLDERS, "$XDSFolderUniqueId", list(f1UniqueId))).containsExactly(f1);
        assertThat(registry.ids(GET_FOLDERS, "$XDSFolderUniqueId", list("1.2.250.1.999.2.4.0"))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-2a 3.18.4.1.2.3.7.6 GetFolders: exactly one of entryUUID and uniqueId")
    void getFoldersTakesExactlyOneOfEntryUuidAndUniqueId(TestDatabase database) {
        start(database);

        registry.assertRefused(XdsErrorCode.XDSStoredQueryParamNumber, GET_FOLDERS,
                "$XDSFolderEntryUUID", list(f1), "$XDSFolderUniqueId", list(f1UniqueId));
        registry.assertRefused(XdsErrorCode.XDSStoredQueryMissingParam, GET_FOLDERS);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-3 Table 4.2.4.1-2 XDSResultNotSinglePatient: GetFolders naming folders of two patients")
    void getFoldersRefusesFoldersOfTwoPatients(TestDatabase database) {
        start(database);

        registry.assertRefused(XdsErrorCode.XDSResultNotSinglePatient, GET_FOLDERS, "$XDSFolderEntryUUID", list(f1, f3));
    }

    // ------------------------------------------------------------------ GetFolderAndContents

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-2a 3.18.4.1.2.3.7.11 GetFolderAndContents: the folder, its documents, the HasMember associations")
    void getFolderAndContentsReturnsTheFolderItsDocumentsAndTheirHasMemberAssociations(TestDatabase database) {
        start(database);
        String f1HasA = hasMember(first, f1, documentA);
        String f1HasB = hasMember(second, f1, documentB);

        assertThat(registry.ids(GET_FOLDER_AND_CONTENTS, "$XDSFolderUniqueId", string(f1UniqueId)))
                .startsWith(f1).containsExactlyInAnyOrder(f1, documentA, documentB, f1HasA, f1HasB);
        assertThat(registry.ids(GET_FOLDER_AND_CONTENTS, "$XDSFolderEntryUUID", string(f2)))
                .containsExactly(f2, documentB, hasMember(third, f2, documentB));
        assertThat(registry.objectRefs(GET_FOLDER_AND_CONTENTS, "$XDSFolderEntryUUID", string(f1)))
                .containsExactlyInAnyOrder(f1, documentA, documentB, f1HasA, f1HasB);
        assertThat(registry.ids(GET_FOLDER_AND_CONTENTS, "$XDSFolderUniqueId", string("1.2.250.1.999.2.4.0"))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-2a 3.18.4.1.2.3.7.11 GetFolderAndContents: format, confidentiality and entry type filter the documents")
    void getFolderAndContentsFiltersDocumentsOnFormatConfidentialityAndType(TestDatabase database) {
        start(database);
        String f1HasB = hasMember(second, f1, documentB);

        assertThat(registry.ids(GET_FOLDER_AND_CONTENTS, "$XDSFolderEntryUUID", string(f1),
                "$XDSDocumentEntryFormatCode", list(PDF))).containsExactly(f1, documentB, f1HasB);
        assertThat(registry.ids(GET_FOLDER_AND_CONTENTS, "$XDSFolderEntryUUID", string(f1),
                "$XDSDocumentEntryConfidentialityCode", list(RESTRICTED))).containsExactly(f1, documentB, f1HasB);
        assertThat(registry.ids(GET_FOLDER_AND_CONTENTS, "$XDSFolderEntryUUID", string(f1),
                "$XDSDocumentEntryType", list(DOCUMENT_ENTRY_ON_DEMAND))).containsExactly(f1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-2a 3.18.4.1.2.3.7.11 GetFolderAndContents: one folder, by exactly one of entryUUID and uniqueId")
    void getFolderAndContentsTakesOneFolderByOneForm(TestDatabase database) {
        start(database);

        registry.assertRefused(XdsErrorCode.XDSStoredQueryParamNumber, GET_FOLDER_AND_CONTENTS,
                "$XDSFolderEntryUUID", string(f1), "$XDSFolderUniqueId", string(f1UniqueId));
        registry.assertRefused(XdsErrorCode.XDSStoredQueryParamNumber, GET_FOLDER_AND_CONTENTS,
                "$XDSFolderEntryUUID", list(f1, f2));
        registry.assertRefused(XdsErrorCode.XDSStoredQueryMissingParam, GET_FOLDER_AND_CONTENTS,
                "$XDSDocumentEntryFormatCode", list(PDF));
    }

    // ------------------------------------------------------------------ GetFoldersForDocument

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-2a 3.18.4.1.2.3.7.12 GetFoldersForDocument: the folders having the document as a member")
    void getFoldersForDocumentReturnsTheFoldersHoldingIt(TestDatabase database) {
        start(database);

        assertThat(registry.ids(GET_FOLDERS_FOR_DOCUMENT, "$XDSDocumentEntryEntryUUID", string(documentA)))
                .containsExactly(f1);
        assertThat(registry.ids(GET_FOLDERS_FOR_DOCUMENT, "$XDSDocumentEntryUniqueId", string(documentBUniqueId)))
                .containsExactly(f1, f2);
        assertThat(registry.ids(GET_FOLDERS_FOR_DOCUMENT, "$XDSDocumentEntryEntryUUID", string(documentC))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-2a 3.18.4.1.2.3.7.12 GetFoldersForDocument: one document, by exactly one of entryUUID and uniqueId")
    void getFoldersForDocumentTakesOneDocumentByOneForm(TestDatabase database) {
        start(database);

        registry.assertRefused(XdsErrorCode.XDSStoredQueryParamNumber, GET_FOLDERS_FOR_DOCUMENT,
                "$XDSDocumentEntryEntryUUID", string(documentB), "$XDSDocumentEntryUniqueId", string(documentBUniqueId));
        registry.assertRefused(XdsErrorCode.XDSStoredQueryParamNumber, GET_FOLDERS_FOR_DOCUMENT,
                "$XDSDocumentEntryEntryUUID", list(documentA, documentB));
        registry.assertRefused(XdsErrorCode.XDSStoredQueryMissingParam, GET_FOLDERS_FOR_DOCUMENT);
    }

    // ------------------------------------------------------------------ GetSubmissionSets

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-2a 3.18.4.1.2.3.7.9 GetSubmissionSets: the set that submitted a folder, and its HasMember")
    void getSubmissionSetsFindsTheSetThatSubmittedAFolder(TestDatabase database) {
        start(database);
        String set = first.submissionSet().entryUuid();

        assertThat(registry.ids(GET_SUBMISSION_SETS, "$uuid", list(f1)))
                .containsExactly(set, hasMember(first, set, f1));
    }

    // ------------------------------------------------------------------ helpers

    private List<String> findFolders(String patient, String... extra) {
        List<String> parameters = new ArrayList<>(List.of(
                "$XDSFolderPatientId", string(patient), "$XDSFolderStatus", list(STATUS_APPROVED)));
        parameters.addAll(List.of(extra));
        return registry.ids(FIND_FOLDERS, parameters.toArray(String[]::new));
    }

    private static String hasMember(Submission submission, String source, String target) {
        return submission.associations().stream()
                .filter(a -> a.type().equals(HAS_MEMBER) && a.sourceObject().equals(source) && a.targetObject().equals(target))
                .map(Association::entryUuid).findFirst()
                .orElseThrow(() -> new AssertionError("no HasMember " + source + " -> " + target));
    }

    static String newPatient() {
        return Submissions.patient(Submissions.nir(1_000_000_000_000L + Submissions.next() % 8_000_000_000_000L));
    }
}
