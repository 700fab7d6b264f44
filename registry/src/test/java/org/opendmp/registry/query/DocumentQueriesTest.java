package org.opendmp.registry.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opendmp.registry.ebrim.XdsVocabulary.APND;
import static org.opendmp.registry.ebrim.XdsVocabulary.DOCUMENT_ENTRY_ON_DEMAND;
import static org.opendmp.registry.ebrim.XdsVocabulary.HAS_MEMBER;
import static org.opendmp.registry.ebrim.XdsVocabulary.RPLC;
import static org.opendmp.registry.ebrim.XdsVocabulary.SIGNS;
import static org.opendmp.registry.ebrim.XdsVocabulary.STATUS_APPROVED;
import static org.opendmp.registry.ebrim.XdsVocabulary.STATUS_DEPRECATED;
import static org.opendmp.registry.ebrim.XdsVocabulary.XFRM;
import static org.opendmp.registry.testsupport.TestRegistry.list;
import static org.opendmp.registry.testsupport.TestRegistry.string;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opendmp.registry.error.XdsErrorCode;
import org.opendmp.registry.error.XdsException;
import org.opendmp.registry.model.Association;
import org.opendmp.registry.model.Submission;
import org.opendmp.registry.testsupport.Submissions;
import org.opendmp.testsupport.TestDatabase;
import org.opendmp.registry.testsupport.TestRegistry;

/**
 * The DocumentEntry stored queries beyond FindDocuments and GetDocuments (ITI TF-2a
 * 3.18.4.1.2.3.7): FindDocumentsByReferenceId, GetDocumentsAndAssociations, GetSubmissionSets
 * and GetRelatedDocuments, each submission registered through ITI-42.
 */
class DocumentQueriesTest {

    private static final String FIND_BY_REFERENCE_ID = "urn:uuid:12941a89-e02e-4be5-967c-ce4bfc8fe492";
    private static final String GET_DOCUMENTS_AND_ASSOCIATIONS = "urn:uuid:bab9529a-4a10-40b3-a01f-f68a615d247a";
    private static final String GET_SUBMISSION_SETS = "urn:uuid:51224314-5390-4169-9b91-b1980040715a";
    private static final String GET_RELATED_DOCUMENTS = "urn:uuid:d90e5407-b356-4d91-a89f-873917b4b0e6";
    private static final String ORDER_1 = "ORD-1^^^&1.2.250.1.999.5&ISO^urn:ihe:iti:xds:2013:order";
    private static final String ORDER_2 = "ORD-2^^^&1.2.250.1.999.5&ISO^urn:ihe:iti:xds:2013:order";
    private static final String ACCESSION = "ACC-7^^^&1.2.250.1.999.6&ISO^urn:ihe:iti:xds:2013:accession";

    private TestRegistry registry;
    private final String p = FolderQueriesTest.newPatient();
    private final String q = FolderQueriesTest.newPatient();

    // ------------------------------------------------------------------ FindDocumentsByReferenceId

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-2a 3.18.4.1.2.3.7.14 FindDocumentsByReferenceId: OR within a slot, AND across slots, whole CXi")
    void findDocumentsByReferenceIdMatchesReferenceIdList(TestDatabase database) {
        registry = new TestRegistry(database);
        String r1 = registerDocument(p, ORDER_1, ACCESSION);
        String r2 = registerDocument(p, ORDER_2);
        registerDocument(p);
        registerDocument(q, ORDER_1);

        assertThat(findByReferenceId(p, "$XDSDocumentEntryReferenceIdList", list(ORDER_1))).containsExactly(r1);
        assertThat(findByReferenceId(p, "$XDSDocumentEntryReferenceIdList", list(ORDER_1, ORDER_2)))
                .containsExactlyInAnyOrder(r1, r2);
        assertThat(findByReferenceId(p, "$XDSDocumentEntryReferenceIdList", list(ACCESSION),
                "$XDSDocumentEntryReferenceIdList", list(ORDER_1))).containsExactly(r1);
        assertThat(findByReferenceId(p, "$XDSDocumentEntryReferenceIdList", list(ACCESSION),
                "$XDSDocumentEntryReferenceIdList", list(ORDER_2))).isEmpty();
        assertThat(findByReferenceId(p, "$XDSDocumentEntryReferenceIdList", list("ORD-1"))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-2a 3.18.4.1.2.3.7.14 FindDocumentsByReferenceId: the FindDocuments parameters still apply")
    void findDocumentsByReferenceIdKeepsTheFindDocumentsParameters(TestDatabase database) {
        registry = new TestRegistry(database);
        String r1 = registerDocument(p, ORDER_1);

        assertThat(findByReferenceId(p, "$XDSDocumentEntryReferenceIdList", list(ORDER_1),
                "$XDSDocumentEntryClassCode", list("10^^1.2.250.1.213.1.1.4.1"))).containsExactly(r1);
        assertThat(findByReferenceId(p, "$XDSDocumentEntryReferenceIdList", list(ORDER_1),
                "$XDSDocumentEntryClassCode", list("11^^1.2.250.1.213.1.1.4.1"))).isEmpty();
        assertThat(registry.ids(FIND_BY_REFERENCE_ID, "$XDSDocumentEntryPatientId", string(p),
                "$XDSDocumentEntryStatus", list(STATUS_DEPRECATED),
                "$XDSDocumentEntryReferenceIdList", list(ORDER_1))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-2a 3.18.4.1.2.3.7.14 FindDocumentsByReferenceId: $XDSDocumentEntryReferenceIdList is required")
    void findDocumentsByReferenceIdRequiresReferenceIds(TestDatabase database) {
        registry = new TestRegistry(database);

        registry.assertRefused(XdsErrorCode.XDSStoredQueryMissingParam, FIND_BY_REFERENCE_ID,
                "$XDSDocumentEntryPatientId", string(p), "$XDSDocumentEntryStatus", list(STATUS_APPROVED));
        registry.assertRefused(XdsErrorCode.XDSStoredQueryMissingParam, FIND_BY_REFERENCE_ID,
                "$XDSDocumentEntryStatus", list(STATUS_APPROVED), "$XDSDocumentEntryReferenceIdList", list(ORDER_1));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-3 4.2.3.2 referenceIdList: an empty value is a metadata error, nothing is stored")
    void rejectsAnEmptyReferenceId(TestDatabase database) {
        registry = new TestRegistry(database);
        String xml = Submissions.withReferenceIds(Submissions.template(p, Submissions.next()), ORDER_1, " ");

        assertThatThrownBy(() -> registry.register(xml)).isInstanceOfSatisfying(XdsException.class,
                e -> assertThat(e.errorCode()).isEqualTo(XdsErrorCode.XDSRegistryMetadataError));
        assertThat(findByReferenceId(p, "$XDSDocumentEntryReferenceIdList", list(ORDER_1))).isEmpty();
    }

    // ------------------------------------------------------------------ related documents fixture

    /** A (original), then C appending to A, S signing A, B replacing A; X unrelated. */
    private record Related(Submission original, Submission replacement, Submission appendix, Submission signature,
                           Submission unrelated, String aUniqueId) {

        String a() {
            return uuid(original);
        }

        String b() {
            return uuid(replacement);
        }

        String c() {
            return uuid(appendix);
        }

        String s() {
            return uuid(signature);
        }

        String x() {
            return uuid(unrelated);
        }

        static String uuid(Submission submission) {
            return submission.documentEntries().get(0).entryUuid();
        }
    }

    private Related related() {
        long aId = Submissions.next();
        Submission a = registry.register(Submissions.template(p, aId));
        String original = Related.uuid(a);
        Submission c = registry.register(Submissions.withAssociation(
                Submissions.template(p, Submissions.next()), APND, "Document01", original));
        Submission s = registry.register(Submissions.withAssociation(
                Submissions.template(p, Submissions.next()), SIGNS, "Document01", original));
        Submission b = registry.register(Submissions.withAssociation(
                Submissions.template(p, Submissions.next()), RPLC, "Document01", original));
        Submission x = registry.register(Submissions.template(p, Submissions.next()));
        return new Related(a, b, c, s, x, "1.2.250.1.999.2.3." + aId);
    }

    private static String association(Submission submission, String type) {
        return submission.associations().stream().filter(a -> a.type().equals(type)).map(Association::entryUuid)
                .findFirst().orElseThrow(() -> new AssertionError("no " + type + " association"));
    }

    // ------------------------------------------------------------------ GetRelatedDocuments

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-2a 3.18.4.1.2.3.7.13 GetRelatedDocuments: the document, its related documents, their associations")
    void getRelatedDocumentsReturnsTheDocumentTheRelatedOnesAndTheAssociations(TestDatabase database) {
        registry = new TestRegistry(database);
        Related r = related();

        assertThat(registry.ids(GET_RELATED_DOCUMENTS, "$XDSDocumentEntryEntryUUID", string(r.a()),
                "$AssociationTypes", list(RPLC))).containsExactly(r.a(), r.b(), association(r.replacement(), RPLC));
        assertThat(registry.ids(GET_RELATED_DOCUMENTS, "$XDSDocumentEntryUniqueId", string(r.aUniqueId()),
                "$AssociationTypes", list(RPLC, APND, SIGNS))).startsWith(r.a()).containsExactlyInAnyOrder(
                r.a(), r.b(), r.c(), r.s(), association(r.replacement(), RPLC), association(r.appendix(), APND),
                association(r.signature(), SIGNS));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-2a 3.18.4.1.2.3.7.13 GetRelatedDocuments: associations are followed in both directions")
    void getRelatedDocumentsFollowsAssociationsInBothDirections(TestDatabase database) {
        registry = new TestRegistry(database);
        Related r = related();

        assertThat(registry.ids(GET_RELATED_DOCUMENTS, "$XDSDocumentEntryEntryUUID", string(r.b()),
                "$AssociationTypes", list(RPLC, APND))).containsExactly(r.b(), r.a(), association(r.replacement(), RPLC));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-2a 3.18.4.1.2.3.7.13 GetRelatedDocuments: nothing related, or unknown document, is an empty answer")
    void getRelatedDocumentsWithoutRelatedDocumentsIsEmpty(TestDatabase database) {
        registry = new TestRegistry(database);
        Related r = related();

        assertThat(registry.ids(GET_RELATED_DOCUMENTS, "$XDSDocumentEntryEntryUUID", string(r.a()),
                "$AssociationTypes", list(XFRM))).isEmpty();
        assertThat(registry.ids(GET_RELATED_DOCUMENTS, "$XDSDocumentEntryEntryUUID", string(r.x()),
                "$AssociationTypes", list(RPLC, APND, XFRM, SIGNS))).isEmpty();
        assertThat(registry.ids(GET_RELATED_DOCUMENTS, "$XDSDocumentEntryEntryUUID",
                string("urn:uuid:00000000-0000-0000-0000-000000000000"), "$AssociationTypes", list(RPLC))).isEmpty();
        assertThat(registry.ids(GET_RELATED_DOCUMENTS, "$XDSDocumentEntryEntryUUID", string(r.a()),
                "$AssociationTypes", list(RPLC), "$XDSDocumentEntryType", list(DOCUMENT_ENTRY_ON_DEMAND))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-2a 3.18.4.1.2.3.7.13 GetRelatedDocuments: $AssociationTypes required, one document by one form")
    void getRelatedDocumentsParameterErrors(TestDatabase database) {
        registry = new TestRegistry(database);
        Related r = related();

        registry.assertRefused(XdsErrorCode.XDSStoredQueryMissingParam, GET_RELATED_DOCUMENTS,
                "$XDSDocumentEntryEntryUUID", string(r.a()));
        registry.assertRefused(XdsErrorCode.XDSStoredQueryMissingParam, GET_RELATED_DOCUMENTS,
                "$AssociationTypes", list(RPLC));
        registry.assertRefused(XdsErrorCode.XDSStoredQueryParamNumber, GET_RELATED_DOCUMENTS,
                "$XDSDocumentEntryEntryUUID", string(r.a()), "$XDSDocumentEntryUniqueId", string(r.aUniqueId()),
                "$AssociationTypes", list(RPLC));
        registry.assertRefused(XdsErrorCode.XDSStoredQueryParamNumber, GET_RELATED_DOCUMENTS,
                "$XDSDocumentEntryEntryUUID", list(r.a(), r.b()), "$AssociationTypes", list(RPLC));
    }

    // ------------------------------------------------------------------ GetDocumentsAndAssociations

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-2a 3.18.4.1.2.3.7.8 GetDocumentsAndAssociations: the documents and every association to or from them")
    void getDocumentsAndAssociationsReturnsTheDocumentsAndAllTheirAssociations(TestDatabase database) {
        registry = new TestRegistry(database);
        Related r = related();
        String aInSet = association(r.original(), HAS_MEMBER);

        assertThat(registry.ids(GET_DOCUMENTS_AND_ASSOCIATIONS, "$XDSDocumentEntryEntryUUID", list(r.a())))
                .startsWith(r.a()).containsExactlyInAnyOrder(r.a(), aInSet, association(r.replacement(), RPLC),
                        association(r.appendix(), APND), association(r.signature(), SIGNS));
        assertThat(registry.ids(GET_DOCUMENTS_AND_ASSOCIATIONS, "$XDSDocumentEntryUniqueId",
                list(r.aUniqueId(), "1.2.250.1.999.2.3.0")))
                .containsExactlyInAnyOrder(r.a(), aInSet, association(r.replacement(), RPLC), association(r.appendix(), APND),
                        association(r.signature(), SIGNS));
        assertThat(registry.ids(GET_DOCUMENTS_AND_ASSOCIATIONS, "$XDSDocumentEntryEntryUUID", list(r.x(), r.s())))
                .containsExactlyInAnyOrder(r.x(), r.s(), association(r.unrelated(), HAS_MEMBER),
                        association(r.signature(), HAS_MEMBER),
                        association(r.signature(), SIGNS));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-2a 3.18.4.1.2.3.7.8 GetDocumentsAndAssociations: one form, of one patient (XDSResultNotSinglePatient)")
    void getDocumentsAndAssociationsParameterErrors(TestDatabase database) {
        registry = new TestRegistry(database);
        String ofP = registerDocument(p);
        String ofQ = registerDocument(q);

        registry.assertRefused(XdsErrorCode.XDSStoredQueryMissingParam, GET_DOCUMENTS_AND_ASSOCIATIONS);
        registry.assertRefused(XdsErrorCode.XDSStoredQueryParamNumber, GET_DOCUMENTS_AND_ASSOCIATIONS,
                "$XDSDocumentEntryEntryUUID", list(ofP), "$XDSDocumentEntryUniqueId", list("1.2.250.1.999.2.3.0"));
        registry.assertRefused(XdsErrorCode.XDSResultNotSinglePatient, GET_DOCUMENTS_AND_ASSOCIATIONS,
                "$XDSDocumentEntryEntryUUID", list(ofP, ofQ));
    }

    // ------------------------------------------------------------------ GetSubmissionSets

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-2a 3.18.4.1.2.3.7.9 GetSubmissionSets: the sets having the objects as members, and those HasMembers")
    void getSubmissionSetsReturnsTheSetsAndTheirHasMemberAssociations(TestDatabase database) {
        registry = new TestRegistry(database);
        Related r = related();
        String setOfA = r.original().submissionSet().entryUuid();
        String setOfB = r.replacement().submissionSet().entryUuid();

        assertThat(registry.ids(GET_SUBMISSION_SETS, "$uuid", list(r.a())))
                .containsExactly(setOfA, association(r.original(), HAS_MEMBER));
        assertThat(registry.ids(GET_SUBMISSION_SETS, "$uuid", list(r.a(), r.b())))
                .containsExactlyInAnyOrder(setOfA, setOfB, association(r.original(), HAS_MEMBER),
                        association(r.replacement(), HAS_MEMBER));
        assertThat(registry.ids(GET_SUBMISSION_SETS, "$uuid", list("urn:uuid:00000000-0000-0000-0000-000000000000")))
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-2a 3.18.4.1.2.3.7.9 GetSubmissionSets: $uuid required; one patient (XDSResultNotSinglePatient)")
    void getSubmissionSetsParameterErrors(TestDatabase database) {
        registry = new TestRegistry(database);
        String ofP = registerDocument(p);
        String ofQ = registerDocument(q);

        registry.assertRefused(XdsErrorCode.XDSStoredQueryMissingParam, GET_SUBMISSION_SETS);
        registry.assertRefused(XdsErrorCode.XDSResultNotSinglePatient, GET_SUBMISSION_SETS, "$uuid", list(ofP, ofQ));
    }

    // ------------------------------------------------------------------ helpers

    private String registerDocument(String patient, String... referenceIds) {
        String xml = Submissions.template(patient, Submissions.next());
        if (referenceIds.length > 0) {
            xml = Submissions.withReferenceIds(xml, referenceIds);
        }
        return registry.register(xml).documentEntries().get(0).entryUuid();
    }

    private List<String> findByReferenceId(String patient, String... extra) {
        List<String> parameters = new ArrayList<>(List.of(
                "$XDSDocumentEntryPatientId", string(patient), "$XDSDocumentEntryStatus", list(STATUS_APPROVED)));
        parameters.addAll(List.of(extra));
        return registry.ids(FIND_BY_REFERENCE_ID, parameters.toArray(String[]::new));
    }
}
