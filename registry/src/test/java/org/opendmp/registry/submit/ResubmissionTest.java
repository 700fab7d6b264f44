package org.opendmp.registry.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendmp.registry.ebrim.XdsVocabulary.STATUS_APPROVED;
import static org.opendmp.registry.testsupport.TestRegistry.list;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opendmp.registry.error.XdsErrorCode;
import org.opendmp.registry.model.Submission;
import org.opendmp.registry.query.GetDocuments;
import org.opendmp.registry.testsupport.Submissions;
import org.opendmp.testsupport.TestDatabase;
import org.opendmp.registry.testsupport.TestRegistry;

/**
 * Resubmission of a registered DocumentEntry uniqueId (ITI TF-3 Table 4.2.4.1-2, IHE wiki "XDS
 * Implementation Notes: Duplicate Metadata"): the same document again is registered as another
 * DocumentEntry; another document under that uniqueId is refused. On H2 and PostgreSQL.
 */
class ResubmissionTest {

    private static final String HASH = "da39a3ee5e6b4b0d3255bfef95601890afd80709";

    private TestRegistry registry;
    private String patient;
    private long id;
    private String first;

    private void start(TestDatabase database) {
        registry = new TestRegistry(database);
        patient = DocumentLifecycleTest.newPatient();
        id = Submissions.next();
        first = registry.register(Submissions.template(patient, id)).documentEntries().get(0).entryUuid();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("Resubmission with the same hash and size: accepted as a new DocumentEntry (own entryUUID)")
    void acceptsTheSameDocumentAgainAsAnotherDocumentEntry(TestDatabase database) {
        start(database);

        Submission again = registry.register(Submissions.resubmission(patient, id));

        String second = again.documentEntries().get(0).entryUuid();
        assertThat(second).isNotEqualTo(first);
        assertThat(registry.ids(GetDocuments.ID, "$XDSDocumentEntryUniqueId", list("1.2.250.1.999.2.3." + id)))
                .containsExactlyInAnyOrder(first, second);
        assertThat(registry.status(first)).isEqualTo(STATUS_APPROVED);
        assertThat(registry.status(second)).isEqualTo(STATUS_APPROVED);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-3 Table 4.2.4.1-2 XDSNonIdenticalHash: a registered uniqueId with another hash")
    void rejectsTheUniqueIdOfAnotherDocument(TestDatabase database) {
        start(database);

        registry.assertRegistrationRefused(XdsErrorCode.XDSNonIdenticalHash,
                Submissions.resubmission(patient, id).replace(HASH, "0000000000000000000000000000000000000001"), patient);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-3 Table 4.2.4.1-2 XDSNonIdenticalSize: a registered uniqueId with another size")
    void rejectsTheUniqueIdWithAnotherSize(TestDatabase database) {
        start(database);

        registry.assertRegistrationRefused(XdsErrorCode.XDSNonIdenticalSize, Submissions.resubmission(patient, id)
                .replace("<Slot name=\"size\"><ValueList><Value>0</Value>", "<Slot name=\"size\"><ValueList><Value>1</Value>"),
                patient);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-3 Table 4.2.4.1-2 XDSDuplicateUniqueIdInRegistry: SubmissionSet and Folder uniqueIds are never reused")
    void rejectsReusedSubmissionSetAndFolderUniqueIds(TestDatabase database) {
        start(database);
        String folderUniqueId = "1.2.250.1.999.2.4." + Submissions.next();
        registry.register(Submissions.withFolder(Submissions.template(patient, Submissions.next()), patient, "Folder01",
                folderUniqueId, List.of("A1^^1.2.250.1.999.9"), "Document01"));

        registry.assertRegistrationRefused(XdsErrorCode.XDSDuplicateUniqueIdInRegistry,
                Submissions.template(patient, id).replace("1.2.250.1.999.2.3." + id, "1.2.250.1.999.2.3." + Submissions.next()),
                patient);
        registry.assertRegistrationRefused(XdsErrorCode.XDSDuplicateUniqueIdInRegistry,
                Submissions.withFolder(Submissions.template(patient, Submissions.next()), patient, "Folder01",
                        folderUniqueId, List.of("A1^^1.2.250.1.999.9"), "Document01"), patient);
    }
}
