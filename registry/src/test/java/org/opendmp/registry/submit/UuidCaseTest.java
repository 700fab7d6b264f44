package org.opendmp.registry.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendmp.registry.ebrim.XdsVocabulary.RPLC;
import static org.opendmp.registry.ebrim.XdsVocabulary.STATUS_APPROVED;
import static org.opendmp.registry.ebrim.XdsVocabulary.STATUS_DEPRECATED;
import static org.opendmp.registry.testsupport.TestRegistry.list;
import static org.opendmp.registry.testsupport.TestRegistry.string;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opendmp.registry.model.Submission;
import org.opendmp.registry.query.FindDocuments;
import org.opendmp.registry.query.GetDocuments;
import org.opendmp.registry.query.GetFolders;
import org.opendmp.registry.query.GetSubmissionSetAndContents;
import org.opendmp.registry.testsupport.Submissions;
import org.opendmp.testsupport.TestDatabase;
import org.opendmp.registry.testsupport.TestRegistry;

/**
 * {@code urn:uuid:} ids are UUIDs and compare case-insensitively (RFC 4122 3: output lower case,
 * input case-insensitive): stored lower-case, matched whatever case a source or consumer writes.
 */
class UuidCaseTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("Stored query entryUUID parameters match whatever their case")
    void storedQueryUuidParametersIgnoreCase(TestDatabase database) {
        TestRegistry registry = new TestRegistry(database);
        String patient = DocumentLifecycleTest.newPatient();
        Submission submission = registry.register(Submissions.withFolder(Submissions.template(patient, Submissions.next()),
                patient, "Folder01", "1.2.250.1.999.2.4." + Submissions.next(), List.of("A1^^1.2.250.1.999.9"),
                "Document01"));
        String document = submission.documentEntries().get(0).entryUuid();
        String folder = submission.folders().get(0).entryUuid();
        String set = submission.submissionSet().entryUuid();

        assertThat(registry.ids(GetDocuments.ID, "$XDSDocumentEntryEntryUUID", list(upper(document))))
                .containsExactly(document);
        assertThat(registry.ids(GetFolders.ID, "$XDSFolderEntryUUID", list(upper(folder)))).containsExactly(folder);
        assertThat(registry.ids(GetSubmissionSetAndContents.ID, "$XDSSubmissionSetEntryUUID", string(upper(set))))
                .contains(set, document, folder);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("Submissions: references to registered objects and scheme UUIDs match whatever their case")
    void submissionUuidsIgnoreCase(TestDatabase database) {
        TestRegistry registry = new TestRegistry(database);
        String patient = DocumentLifecycleTest.newPatient();
        String original = registry.register(Submissions.template(patient, Submissions.next())).documentEntries().get(0)
                .entryUuid();
        String shouting = Submissions.withAssociation(Submissions.template(patient, Submissions.next()), RPLC,
                "Document01", upper(original)).replace("urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a",
                upper("urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a"));

        String replacement = registry.register(shouting).documentEntries().get(0).entryUuid();

        assertThat(registry.status(original)).isEqualTo(STATUS_DEPRECATED);
        assertThat(registry.ids(FindDocuments.ID, "$XDSDocumentEntryPatientId", string(patient),
                "$XDSDocumentEntryStatus", list(STATUS_APPROVED),
                "$XDSDocumentEntryClassCode", list("10^^1.2.250.1.213.1.1.4.1"))).containsExactly(replacement);
    }

    private static String upper(String uuid) {
        return uuid.toUpperCase(Locale.ROOT);
    }
}
