package org.opendmp.registry.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendmp.registry.ebrim.XdsVocabulary.APND;
import static org.opendmp.registry.ebrim.XdsVocabulary.HAS_MEMBER;
import static org.opendmp.registry.ebrim.XdsVocabulary.STATUS_APPROVED;
import static org.opendmp.registry.testsupport.TestRegistry.list;
import static org.opendmp.registry.testsupport.TestRegistry.string;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opendmp.registry.access.Access;
import org.opendmp.registry.error.XdsErrorCode;
import org.opendmp.registry.model.Association;
import org.opendmp.registry.model.Submission;
import org.opendmp.registry.testsupport.Submissions;
import org.opendmp.registry.testsupport.TestRegistry;
import org.opendmp.security.access.DocumentFacts;
import org.opendmp.testsupport.TestDatabase;
import org.opendmp.wsdl.rim.AssociationType1;
import org.opendmp.wsdl.rim.IdentifiableType;

/**
 * ITI-18 for a caller who may not see some DocumentEntries: a hidden DocumentEntry never shows
 * up, in LeafClass or ObjectRef, nor does any Association having it as source or target; queries
 * starting from it answer as for an unknown object; the cap counts what is returned.
 *
 * <p>Fixture, patient P (hidden to {@link #NO_MASQUE_PS}: H1 and B, both MASQUE_PS):
 * <ul>
 *   <li>SubmissionSet S1: V1 and H1, both in Folder F1, both with referenceId ORDER;</li>
 *   <li>S2: A, appending to H1; S3: B, appending to V1; S6: E, appending to V1;</li>
 *   <li>S4: C in a new Folder F2, which also gets the registered H1 (a HasMember that S4 has as member);</li>
 *   <li>S5: D, a discharge summary (hidden to {@link #NO_DISCHARGE_SUMMARY} only).</li>
 * </ul>
 */
class HiddenDocumentQueriesTest {

    private static final String MASQUE_PS = "MASQUE_PS^^1.2.250.1.213.1.1.4.13";
    private static final String LOINC = "2.16.840.1.113883.6.1";
    private static final String DISCHARGE_SUMMARY = "11490-0";
    private static final String ORDER = "ORD-9^^^&1.2.250.1.999.5&ISO^urn:ihe:iti:xds:2013:order";
    private static final String UNKNOWN = "urn:uuid:00000000-0000-0000-0000-000000000000";

    /** Hides what is masked from professionals. */
    static final Access NO_MASQUE_PS = Access.UNRESTRICTED.withVisibility(
            facts -> !facts.confidentialityCodes().contains(DocumentFacts.MASQUE_PS));
    /** Hides discharge summaries (LOINC typeCode). */
    static final Access NO_DISCHARGE_SUMMARY = Access.UNRESTRICTED.withVisibility(
            facts -> !(DISCHARGE_SUMMARY.equals(facts.typeCode()) && LOINC.equals(facts.typeCodeScheme())));

    private TestRegistry registry;
    private TestRegistry professional;
    private final String p = FolderQueriesTest.newPatient();
    private Submission s1;
    private Submission s2;
    private Submission s3;
    private Submission s4;
    private Submission s6;
    private String v1;
    private String h1;
    private String h1UniqueId;
    private String a;
    private String b;
    private String c;
    private String d;
    private String e;
    private String f1;
    private String f2;

    private void start(TestDatabase database) {
        start(database, 100);
    }

    private void start(TestDatabase database, int maxResults) {
        registry = new TestRegistry(database, maxResults);
        professional = registry.as(NO_MASQUE_PS);
        long h1Id = Submissions.next();
        h1UniqueId = "1.2.250.1.999.2.3." + h1Id;
        String first = Submissions.withSecondDocument(Submissions.template(p, Submissions.next()), h1Id);
        first = Submissions.withConfidentiality(Submissions.withReferenceIds(first, ORDER), "Document02", MASQUE_PS);
        s1 = registry.register(Submissions.withFolder(first, p, "Folder01", "1.2.250.1.999.2.4." + Submissions.next(),
                List.of("A1^^1.2.250.1.999.9"), "Document01", "Document02"));
        v1 = document(s1, 0);
        h1 = document(s1, 1);
        f1 = s1.folders().get(0).entryUuid();

        s2 = registry.register(Submissions.withAssociation(Submissions.template(p, Submissions.next()), APND,
                "Document01", h1));
        a = document(s2, 0);
        s3 = registry.register(Submissions.withAssociation(Submissions.withConfidentiality(
                Submissions.template(p, Submissions.next()), "Document01", MASQUE_PS), APND, "Document01", v1));
        b = document(s3, 0);
        String withFolder = Submissions.withFolder(Submissions.template(p, Submissions.next()), p, "Folder02",
                "1.2.250.1.999.2.4." + Submissions.next(), List.of("A1^^1.2.250.1.999.9"), "Document01");
        s4 = registry.register(Submissions.withSetMember(
                Submissions.withAssociation(withFolder, "addH1", HAS_MEMBER, "Folder02", h1), "addH1", "Original"));
        c = document(s4, 0);
        f2 = s4.folders().get(0).entryUuid();
        d = document(registry.register(Submissions.withTypeCode(Submissions.template(p, Submissions.next()),
                "Document01", DISCHARGE_SUMMARY, LOINC)), 0);
        s6 = registry.register(Submissions.withAssociation(Submissions.template(p, Submissions.next()), APND,
                "Document01", v1));
        e = document(s6, 0);
    }

    // ------------------------------------------------------------------ Find queries

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("FindDocuments: hidden DocumentEntries are left out, in LeafClass and ObjectRef")
    void findDocumentsLeavesHiddenDocumentsOut(TestDatabase database) {
        start(database);
        String[] query = {"$XDSDocumentEntryPatientId", string(p), "$XDSDocumentEntryStatus", list(STATUS_APPROVED)};

        assertThat(registry.ids(FindDocuments.ID, query)).containsExactlyInAnyOrder(v1, h1, a, b, c, d, e);
        assertAnswersWithout(FindDocuments.ID, query, Set.of(h1, b));
        assertThat(professional.ids(FindDocuments.ID, query)).containsExactlyInAnyOrder(v1, a, c, d, e);
        assertThat(registry.as(NO_DISCHARGE_SUMMARY).ids(FindDocuments.ID, query))
                .containsExactlyInAnyOrder(v1, h1, a, b, c, e);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("FindDocumentsByReferenceId: a hidden DocumentEntry with the referenceId is left out")
    void findDocumentsByReferenceIdLeavesHiddenDocumentsOut(TestDatabase database) {
        start(database);
        String[] query = {"$XDSDocumentEntryPatientId", string(p), "$XDSDocumentEntryStatus", list(STATUS_APPROVED),
            "$XDSDocumentEntryReferenceIdList", list(ORDER)};

        assertThat(registry.ids(FindDocumentsByReferenceId.ID, query)).containsExactlyInAnyOrder(v1, h1);
        assertAnswersWithout(FindDocumentsByReferenceId.ID, query, Set.of(h1, b));
        assertThat(professional.ids(FindDocumentsByReferenceId.ID, query)).containsExactly(v1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("FindSubmissionSets, FindFolders, GetFolders: SubmissionSets and Folders are not DocumentEntries")
    void packagesStayVisible(TestDatabase database) {
        start(database);
        String[] sets = {"$XDSSubmissionSetPatientId", string(p), "$XDSSubmissionSetStatus", list(STATUS_APPROVED)};
        String[] folders = {"$XDSFolderPatientId", string(p), "$XDSFolderStatus", list(STATUS_APPROVED)};

        assertThat(professional.ids(FindSubmissionSets.ID, sets)).isEqualTo(registry.ids(FindSubmissionSets.ID, sets))
                .hasSize(6);
        assertThat(professional.ids(FindFolders.ID, folders)).containsExactlyInAnyOrder(f1, f2);
        assertThat(professional.ids(GetFolders.ID, "$XDSFolderEntryUUID", list(f1, f2))).containsExactlyInAnyOrder(f1, f2);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("GetAll: neither hidden DocumentEntries nor the Associations to or from them")
    void getAllLeavesHiddenDocumentsAndTheirAssociationsOut(TestDatabase database) {
        start(database);
        String[] query = {"$patientId", string(p), "$XDSDocumentEntryStatus", list(STATUS_APPROVED),
            "$XDSSubmissionSetStatus", list(STATUS_APPROVED), "$XDSFolderStatus", list(STATUS_APPROVED)};

        assertThat(registry.ids(GetAll.ID, query)).contains(h1, b, membership(s1, f1, h1), apnd(s2), apnd(s3));
        List<String> seen = assertAnswersWithout(GetAll.ID, query, Set.of(h1, b));
        assertThat(seen).contains(v1, a, c, d, e, f1, f2, membership(s1, f1, v1), apnd(s6),
                        s3.submissionSet().entryUuid())
                .doesNotContain(membership(s1, f1, h1), membership(s1, s1.submissionSet().entryUuid(), h1),
                        apnd(s2), apnd(s3), membership(s3, s3.submissionSet().entryUuid(), b));
    }

    // ------------------------------------------------------------------ Get queries by id

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("GetDocuments: a hidden DocumentEntry is not found, by entryUUID or by uniqueId")
    void getDocumentsLeavesHiddenDocumentsOut(TestDatabase database) {
        start(database);

        assertThat(professional.ids(GetDocuments.ID, "$XDSDocumentEntryEntryUUID", list(v1, h1, b)))
                .containsExactly(v1);
        assertThat(professional.objectRefs(GetDocuments.ID, "$XDSDocumentEntryEntryUUID", list(v1, h1, b)))
                .containsExactly(v1);
        assertThat(professional.ids(GetDocuments.ID, "$XDSDocumentEntryUniqueId", list(h1UniqueId))).isEmpty();
        assertThat(registry.ids(GetDocuments.ID, "$XDSDocumentEntryUniqueId", list(h1UniqueId))).containsExactly(h1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("GetDocuments: a hidden DocumentEntry of another patient does not make the answer XDSResultNotSinglePatient")
    void hiddenDocumentsOfAnotherPatientAreNotCounted(TestDatabase database) {
        start(database);
        String q = FolderQueriesTest.newPatient();
        String ofQ = document(registry.register(Submissions.withConfidentiality(
                Submissions.template(q, Submissions.next()), "Document01", MASQUE_PS)), 0);

        registry.assertRefused(XdsErrorCode.XDSResultNotSinglePatient, GetDocuments.ID,
                "$XDSDocumentEntryEntryUUID", list(v1, ofQ));
        assertThat(professional.ids(GetDocuments.ID, "$XDSDocumentEntryEntryUUID", list(v1, ofQ))).containsExactly(v1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("GetAssociations: no Association to or from a hidden DocumentEntry")
    void getAssociationsLeavesAssociationsOfHiddenDocumentsOut(TestDatabase database) {
        start(database);
        String[] ofV1 = {"$uuid", list(v1)};

        assertThat(registry.ids(GetAssociations.ID, ofV1)).containsExactlyInAnyOrder(
                membership(s1, s1.submissionSet().entryUuid(), v1), membership(s1, f1, v1), apnd(s3), apnd(s6));
        assertAnswersWithout(GetAssociations.ID, ofV1, Set.of(h1, b));
        assertThat(professional.ids(GetAssociations.ID, ofV1)).containsExactlyInAnyOrder(
                membership(s1, s1.submissionSet().entryUuid(), v1), membership(s1, f1, v1), apnd(s6));
        assertThat(professional.ids(GetAssociations.ID, "$uuid", list(h1))).isEmpty();
        assertThat(professional.ids(GetAssociations.ID, "$uuid", list(f1))).containsExactlyInAnyOrder(
                membership(s1, s1.submissionSet().entryUuid(), f1), membership(s1, f1, v1));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("GetDocumentsAndAssociations: hidden DocumentEntries and the Associations touching them are left out")
    void getDocumentsAndAssociationsLeavesHiddenDocumentsOut(TestDatabase database) {
        start(database);
        String[] query = {"$XDSDocumentEntryEntryUUID", list(v1, h1)};

        assertAnswersWithout(GetDocumentsAndAssociations.ID, query, Set.of(h1, b));
        assertThat(professional.ids(GetDocumentsAndAssociations.ID, query)).containsExactlyInAnyOrder(v1,
                membership(s1, s1.submissionSet().entryUuid(), v1), membership(s1, f1, v1), apnd(s6));
        assertThat(professional.ids(GetDocumentsAndAssociations.ID, "$XDSDocumentEntryEntryUUID", list(h1))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("GetSubmissionSets: a hidden DocumentEntry is unknown, its SubmissionSet not revealed through it")
    void getSubmissionSetsTreatsHiddenDocumentsAsUnknown(TestDatabase database) {
        start(database);
        String set1 = s1.submissionSet().entryUuid();

        assertThat(professional.ids(GetSubmissionSets.ID, "$uuid", list(h1)))
                .isEqualTo(professional.ids(GetSubmissionSets.ID, "$uuid", list(UNKNOWN))).isEmpty();
        assertThat(professional.ids(GetSubmissionSets.ID, "$uuid", list(b))).isEmpty();
        assertThat(registry.ids(GetSubmissionSets.ID, "$uuid", list(v1, h1)))
                .containsExactlyInAnyOrder(set1, membership(s1, set1, v1), membership(s1, set1, h1));
        assertThat(professional.ids(GetSubmissionSets.ID, "$uuid", list(v1, h1)))
                .containsExactlyInAnyOrder(set1, membership(s1, set1, v1));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("GetSubmissionSetAndContents: hidden members and the Associations to them are left out")
    void getSubmissionSetAndContentsLeavesHiddenMembersOut(TestDatabase database) {
        start(database);
        String set1 = s1.submissionSet().entryUuid();
        String set4 = s4.submissionSet().entryUuid();
        String addH1 = membership(s4, f2, h1);

        assertAnswersWithout(GetSubmissionSetAndContents.ID, new String[] {"$XDSSubmissionSetEntryUUID", string(set1)},
                Set.of(h1, b));
        assertThat(professional.ids(GetSubmissionSetAndContents.ID, "$XDSSubmissionSetEntryUUID", string(set1)))
                .containsExactlyInAnyOrder(set1, v1, f1, membership(s1, set1, v1), membership(s1, set1, f1),
                        membership(s1, f1, v1));
        assertThat(registry.ids(GetSubmissionSetAndContents.ID, "$XDSSubmissionSetEntryUUID", string(set4)))
                .contains(addH1, membership(s4, set4, addH1));
        assertThat(professional.ids(GetSubmissionSetAndContents.ID, "$XDSSubmissionSetEntryUUID", string(set4)))
                .containsExactlyInAnyOrder(set4, c, f2, membership(s4, set4, c), membership(s4, set4, f2),
                        membership(s4, f2, c));
        assertThat(professional.ids(GetSubmissionSetAndContents.ID, "$XDSSubmissionSetEntryUUID",
                string(s3.submissionSet().entryUuid()))).containsExactly(s3.submissionSet().entryUuid());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("GetFolderAndContents: hidden members and the HasMember to them are left out")
    void getFolderAndContentsLeavesHiddenMembersOut(TestDatabase database) {
        start(database);

        assertThat(registry.ids(GetFolderAndContents.ID, "$XDSFolderEntryUUID", string(f1)))
                .containsExactlyInAnyOrder(f1, v1, h1, membership(s1, f1, v1), membership(s1, f1, h1));
        assertAnswersWithout(GetFolderAndContents.ID, new String[] {"$XDSFolderEntryUUID", string(f1)}, Set.of(h1, b));
        assertThat(professional.ids(GetFolderAndContents.ID, "$XDSFolderEntryUUID", string(f1)))
                .containsExactlyInAnyOrder(f1, v1, membership(s1, f1, v1));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("GetFoldersForDocument: a hidden DocumentEntry answers as an unknown one, by entryUUID or uniqueId")
    void getFoldersForDocumentTreatsHiddenDocumentsAsUnknown(TestDatabase database) {
        start(database);

        assertThat(registry.ids(GetFoldersForDocument.ID, "$XDSDocumentEntryEntryUUID", string(h1)))
                .containsExactlyInAnyOrder(f1, f2);
        assertThat(registry.ids(GetFoldersForDocument.ID, "$XDSDocumentEntryUniqueId", string(h1UniqueId)))
                .containsExactlyInAnyOrder(f1, f2);
        List<String> unknown = professional.ids(GetFoldersForDocument.ID, "$XDSDocumentEntryEntryUUID", string(UNKNOWN));
        assertThat(professional.ids(GetFoldersForDocument.ID, "$XDSDocumentEntryEntryUUID", string(h1)))
                .isEqualTo(unknown).isEmpty();
        assertThat(professional.objectRefs(GetFoldersForDocument.ID, "$XDSDocumentEntryEntryUUID", string(h1)))
                .isEmpty();
        assertThat(professional.ids(GetFoldersForDocument.ID, "$XDSDocumentEntryUniqueId", string(h1UniqueId)))
                .isEqualTo(professional.ids(GetFoldersForDocument.ID, "$XDSDocumentEntryUniqueId",
                        string("1.2.250.1.999.2.3.0"))).isEmpty();
        assertThat(professional.ids(GetFoldersForDocument.ID, "$XDSDocumentEntryEntryUUID", string(v1)))
                .containsExactly(f1);
        assertThat(professional.ids(GetFoldersForDocument.ID, "$XDSDocumentEntryUniqueId",
                string(s1.documentEntries().get(0).uniqueId()))).containsExactly(f1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("GetRelatedDocuments: hidden related documents are left out; a hidden document answers as an unknown one")
    void getRelatedDocumentsLeavesHiddenDocumentsOut(TestDatabase database) {
        start(database);
        String[] ofV1 = {"$XDSDocumentEntryEntryUUID", string(v1), "$AssociationTypes", list(APND)};

        assertThat(registry.ids(GetRelatedDocuments.ID, ofV1)).containsExactlyInAnyOrder(v1, b, e, apnd(s3), apnd(s6));
        assertAnswersWithout(GetRelatedDocuments.ID, ofV1, Set.of(h1, b));
        assertThat(professional.ids(GetRelatedDocuments.ID, ofV1)).containsExactly(v1, e, apnd(s6));

        List<String> unknown = professional.ids(GetRelatedDocuments.ID, "$XDSDocumentEntryEntryUUID", string(UNKNOWN),
                "$AssociationTypes", list(APND));
        assertThat(professional.ids(GetRelatedDocuments.ID, "$XDSDocumentEntryEntryUUID", string(h1),
                "$AssociationTypes", list(APND))).isEqualTo(unknown).isEmpty();
        assertThat(professional.ids(GetRelatedDocuments.ID, "$XDSDocumentEntryUniqueId", string(h1UniqueId),
                "$AssociationTypes", list(APND))).isEmpty();
        // A's only related document is hidden: as for a document without relations
        assertThat(registry.ids(GetRelatedDocuments.ID, "$XDSDocumentEntryEntryUUID", string(a),
                "$AssociationTypes", list(APND))).containsExactlyInAnyOrder(a, h1, apnd(s2));
        assertThat(professional.ids(GetRelatedDocuments.ID, "$XDSDocumentEntryEntryUUID", string(a),
                "$AssociationTypes", list(APND))).isEmpty();
    }

    // ------------------------------------------------------------------ the cap

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("XDSTooManyResults: the cap counts the visible objects only")
    void theCapCountsVisibleDocumentsOnly(TestDatabase database) {
        start(database, 5);
        String[] query = {"$XDSDocumentEntryPatientId", string(p), "$XDSDocumentEntryStatus", list(STATUS_APPROVED)};

        registry.assertRefused(XdsErrorCode.XDSTooManyResults, FindDocuments.ID, query);
        assertThat(professional.ids(FindDocuments.ID, query)).containsExactlyInAnyOrder(v1, a, c, d, e);
        assertThat(professional.objectRefs(FindDocuments.ID, query)).containsExactlyInAnyOrder(v1, a, c, d, e);

        registry.register(Submissions.template(p, Submissions.next()));
        professional.assertRefused(XdsErrorCode.XDSTooManyResults, FindDocuments.ID, query);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("XDSTooManyResults: hidden documents first in the answer order do not shorten it (read page after page)")
    void hiddenDocumentsFirstInOrderDoNotShortenTheAnswer(TestDatabase database) {
        TestRegistry small = new TestRegistry(database, 3);
        TestRegistry restricted = small.as(NO_MASQUE_PS);
        String patient = FolderQueriesTest.newPatient();
        for (int i = 0; i < 7; i++) { // older, so first in creationTime order
            small.register(Submissions.withConfidentiality(Submissions.template(patient, Submissions.next())
                    .replace("<Value>20261123100000</Value>", "<Value>2020010100000" + i + "</Value>"),
                    "Document01", MASQUE_PS));
        }
        List<String> visible = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            visible.add(document(small.register(Submissions.template(patient, Submissions.next())), 0));
        }
        String[] query = {"$XDSDocumentEntryPatientId", string(patient), "$XDSDocumentEntryStatus", list(STATUS_APPROVED)};

        assertThat(restricted.ids(FindDocuments.ID, query)).containsExactlyInAnyOrderElementsOf(visible);
        assertThat(restricted.objectRefs(FindDocuments.ID, query)).containsExactlyInAnyOrderElementsOf(visible);
        small.register(Submissions.template(patient, Submissions.next()));
        restricted.assertRefused(XdsErrorCode.XDSTooManyResults, FindDocuments.ID, query);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("Access.UNRESTRICTED and a visibility hiding nothing answer alike")
    void aVisibilityHidingNothingAnswersAsUnrestricted(TestDatabase database) {
        start(database);
        TestRegistry everything = registry.as(Access.UNRESTRICTED.withVisibility(facts -> true));
        String[] query = {"$patientId", string(p), "$XDSDocumentEntryStatus", list(STATUS_APPROVED),
            "$XDSSubmissionSetStatus", list(STATUS_APPROVED), "$XDSFolderStatus", list(STATUS_APPROVED)};

        assertThat(everything.ids(GetAll.ID, query)).isEqualTo(registry.ids(GetAll.ID, query));
        assertThat(everything.objectRefs(GetAll.ID, query)).isEqualTo(registry.objectRefs(GetAll.ID, query));
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Asserts the rule on one query: the professional's answer is the unrestricted one without the
     * hidden DocumentEntries and the Associations touching them, in the same order, and ObjectRef
     * answers the same ids. Returns the professional's answer.
     */
    private List<String> assertAnswersWithout(String queryId, String[] parameters, Set<String> hidden) {
        List<String> expected = new ArrayList<>();
        Set<String> dropped = new HashSet<>(hidden);
        for (IdentifiableType object : registry.objects(queryId, "LeafClass", parameters)) {
            boolean touchesHidden = object instanceof AssociationType1 association
                    && (hidden.contains(association.getSourceObject()) || hidden.contains(association.getTargetObject()));
            if (touchesHidden) {
                dropped.add(object.getId());
            } else if (!hidden.contains(object.getId())) {
                expected.add(object.getId());
            }
        }
        List<String> seen = professional.ids(queryId, parameters);
        assertThat(seen).as("LeafClass").isEqualTo(expected).doesNotContainAnyElementsOf(dropped);
        assertThat(professional.objectRefs(queryId, parameters)).as("ObjectRef").isEqualTo(expected);
        return seen;
    }

    private static String document(Submission submission, int index) {
        return submission.documentEntries().get(index).entryUuid();
    }

    private static String apnd(Submission submission) {
        return submission.associations().stream().filter(x -> x.type().equals(APND)).map(Association::entryUuid)
                .findFirst().orElseThrow();
    }

    private static String membership(Submission submission, String source, String target) {
        return submission.associations().stream()
                .filter(x -> x.type().equals(HAS_MEMBER) && x.sourceObject().equals(source) && x.targetObject().equals(target))
                .map(Association::entryUuid).findFirst().orElseThrow(() -> new AssertionError("no HasMember"));
    }
}
