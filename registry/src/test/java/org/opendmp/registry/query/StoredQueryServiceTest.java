package org.opendmp.registry.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendmp.registry.testsupport.TestRegistry.list;
import static org.opendmp.registry.testsupport.TestRegistry.string;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opendmp.registry.ebrim.XdsVocabulary;
import org.opendmp.registry.error.XdsErrorCode;
import org.opendmp.registry.model.Submission;
import org.opendmp.registry.testsupport.Submissions;
import org.opendmp.testsupport.TestDatabase;
import org.opendmp.registry.testsupport.TestRegistry;

/** What every ITI-18 stored query shares: the query id, the return type, the answer cap, $homeCommunityId. */
class StoredQueryServiceTest {

    private static final String GET_DOCUMENTS_AND_ASSOCIATIONS = "urn:uuid:bab9529a-4a10-40b3-a01f-f68a615d247a";
    private static final String GET_RELATED_DOCUMENTS = "urn:uuid:d90e5407-b356-4d91-a89f-873917b4b0e6";

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-3 Table 4.2.4.1-2: an unknown query id is XDSUnknownStoredQuery")
    void rejectsAnUnknownStoredQueryId(TestDatabase database) {
        TestRegistry registry = new TestRegistry(database);

        registry.assertRefused(XdsErrorCode.XDSUnknownStoredQuery, "urn:uuid:958f3006-baad-4929-a4deb-c8bbbc42b7e8",
                "$XDSFolderPatientId", string(FolderQueriesTest.newPatient()));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-2a 3.18.4.1.2.3.7: $homeCommunityId is accepted and ignored by a single-community registry")
    void acceptsAndIgnoresHomeCommunityId(TestDatabase database) {
        TestRegistry registry = new TestRegistry(database);
        Submission submission = registry.register(
                Submissions.template(FolderQueriesTest.newPatient(), Submissions.next()));
        String document = submission.documentEntries().get(0).entryUuid();

        assertThat(registry.ids(GET_DOCUMENTS_AND_ASSOCIATIONS, "$XDSDocumentEntryEntryUUID", list(document),
                "$homeCommunityId", string("urn:oid:1.2.250.1.999.1"))).hasSize(2).startsWith(document);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-2a 3.18.4.1.2 returnType: ObjectRef answers the same objects as LeafClass, as references")
    void objectRefAnswersTheSameObjectsAsLeafClass(TestDatabase database) {
        TestRegistry registry = new TestRegistry(database);
        String patient = FolderQueriesTest.newPatient();
        String original = registry.register(Submissions.template(patient, Submissions.next()))
                .documentEntries().get(0).entryUuid();
        registry.register(Submissions.withAssociation(Submissions.template(patient, Submissions.next()),
                XdsVocabulary.RPLC, "Document01", original));
        String[] parameters = {"$XDSDocumentEntryEntryUUID", string(original),
            "$AssociationTypes", list(XdsVocabulary.RPLC)};

        assertThat(registry.objectRefs(GET_RELATED_DOCUMENTS, parameters)).hasSize(3)
                .containsExactlyElementsOf(registry.ids(GET_RELATED_DOCUMENTS, parameters));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-3 Table 4.2.4.1-2: an answer over the registry's cap is XDSTooManyResults")
    void refusesAnAnswerLargerThanTheCap(TestDatabase database) {
        TestRegistry registry = new TestRegistry(database, 1);
        String document = registry.register(Submissions.template(FolderQueriesTest.newPatient(), Submissions.next()))
                .documentEntries().get(0).entryUuid();

        registry.assertRefused(XdsErrorCode.XDSTooManyResults, GET_DOCUMENTS_AND_ASSOCIATIONS,
                "$XDSDocumentEntryEntryUUID", list(document));
    }
}
