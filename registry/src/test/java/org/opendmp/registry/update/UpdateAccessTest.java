package org.opendmp.registry.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendmp.registry.ebrim.XdsVocabulary.STATUS_APPROVED;
import static org.opendmp.registry.ebrim.XdsVocabulary.STATUS_ARCHIVED;
import static org.opendmp.registry.ebrim.XdsVocabulary.STATUS_DELETED;
import static org.opendmp.registry.ebrim.XdsVocabulary.STATUS_DEPRECATED;
import static org.opendmp.registry.testsupport.TestRegistry.list;
import static org.opendmp.registry.testsupport.TestRegistry.string;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opendmp.registry.access.Access;
import org.opendmp.registry.access.UpdateGuard;
import org.opendmp.registry.error.XdsErrorCode;
import org.opendmp.registry.error.XdsException;
import org.opendmp.registry.model.Submission;
import org.opendmp.registry.query.FindDocuments;
import org.opendmp.registry.query.GetDocuments;
import org.opendmp.registry.testsupport.Submissions;
import org.opendmp.registry.testsupport.TestRegistry;
import org.opendmp.security.access.DocumentFacts;
import org.opendmp.testsupport.TestDatabase;

/**
 * ITI-57 for a caller with restricted {@link Access}: the UpdateGuard sees each change of a
 * DocumentEntry (the latest and the new version, or the status change) and its refusal changes
 * nothing; a DocumentEntry the caller may not see is refused as an unknown one; an older version
 * is never visible when its latest version is not.
 */
class UpdateAccessTest {

    private static final String MASQUE_PS = "MASQUE_PS^^1.2.250.1.213.1.1.4.13";
    private static final String UNKNOWN = "urn:uuid:00000000-0000-0000-0000-000000000000";
    private static final Access NO_MASQUE_PS = Access.UNRESTRICTED.withVisibility(
            facts -> !facts.confidentialityCodes().contains(DocumentFacts.MASQUE_PS));

    private TestRegistry registry;
    private String patient;

    /** A registered DocumentEntry: its entryUUID and the template sequence it was made from. */
    private record Registered(String uuid, long sequence) {
    }

    private void start(TestDatabase database) {
        registry = new TestRegistry(database);
        patient = Submissions.patient(Submissions.nir(2_840_375_000_000L + Submissions.next() % 1_000_000));
    }

    private Registered register(String... confidentiality) {
        long sequence = Submissions.next();
        Submission submission = registry.register(Submissions.withConfidentiality(
                Submissions.template(patient, sequence), "Document01", confidentiality));
        return new Registered(submission.documentEntries().get(0).entryUuid(), sequence);
    }

    /** Records what the guard is asked; refuses what {@code refuse} names ("version", "status"). */
    private static final class RecordingGuard implements UpdateGuard {
        final List<DocumentFacts[]> versions = new ArrayList<>();
        final List<String> statusChanges = new ArrayList<>();
        final String refuse;

        RecordingGuard(String refuse) {
            this.refuse = refuse;
        }

        @Override
        public void newVersion(DocumentFacts latest, DocumentFacts next) {
            versions.add(new DocumentFacts[] {latest, next});
            if ("version".equals(refuse)) {
                throw new XdsException(XdsErrorCode.XDSMetadataUpdateError, "only the author may mask this document");
            }
        }

        @Override
        public void statusChange(DocumentFacts entry, String originalStatus, String newStatus) {
            statusChanges.add(entry.entryUuid() + " " + originalStatus + " -> " + newStatus);
            if ("status".equals(refuse)) {
                throw new XdsException(XdsErrorCode.XDSMetadataUpdateError, "only the author may delete this document");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("TD3.3a masking: the guard gets the latest version and the new one, and can tell MASQUE_PS was added")
    void guardSeesTheLatestAndTheNewVersion(TestDatabase database) {
        start(database);
        Registered v1 = register();
        RecordingGuard guard = new RecordingGuard("none");

        String v2 = registry.as(Access.UNRESTRICTED.withUpdate(guard))
                .update(Submissions.newVersion(patient, v1.sequence(), v1.uuid(), 1, MASQUE_PS))
                .documentEntries().get(0).entryUuid();

        assertThat(guard.versions).singleElement().satisfies(pair -> {
            assertThat(pair[0].entryUuid()).isEqualTo(v1.uuid());
            assertThat(pair[0].availabilityStatus()).isEqualTo(STATUS_APPROVED);
            assertThat(pair[0].confidentialityCodes()).containsExactly("N");
            assertThat(pair[1].entryUuid()).isEqualTo(v2);
            assertThat(pair[1].uniqueId()).isEqualTo(pair[0].uniqueId());
            assertThat(pair[1].confidentialityCodes()).containsExactlyInAnyOrder("N", "MASQUE_PS");
            assertThat(pair[1].authorPersonIds()).containsExactly("899900063480");
        });
        assertThat(guard.statusChanges).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("an UpdateGuard refusal of a new version is the answer, and nothing changes")
    void guardRefusingANewVersionChangesNothing(TestDatabase database) {
        start(database);
        Registered v1 = register();
        RecordingGuard guard = new RecordingGuard("version");

        XdsException refusal = registry.as(Access.UNRESTRICTED.withUpdate(guard)).assertUpdateRefused(
                XdsErrorCode.XDSMetadataUpdateError, Submissions.newVersion(patient, v1.sequence(), v1.uuid(), 1, MASQUE_PS),
                patient);

        assertThat(refusal.getMessage()).isEqualTo("only the author may mask this document");
        assertThat(registry.status(v1.uuid())).isEqualTo(STATUS_APPROVED);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("TD3.3c/d: the guard gets the target and both statuses; its refusal changes nothing")
    void guardSeesStatusChangesAndItsRefusalChangesNothing(TestDatabase database) {
        start(database);
        Registered document = register();
        RecordingGuard refusing = new RecordingGuard("status");

        registry.as(Access.UNRESTRICTED.withUpdate(refusing)).assertUpdateRefused(XdsErrorCode.XDSMetadataUpdateError,
                Submissions.statusUpdate(patient, document.uuid(), STATUS_APPROVED, STATUS_DELETED), patient);
        assertThat(refusing.statusChanges).containsExactly(document.uuid() + " " + STATUS_APPROVED + " -> " + STATUS_DELETED);
        assertThat(registry.status(document.uuid())).isEqualTo(STATUS_APPROVED);

        RecordingGuard allowing = new RecordingGuard("none");
        registry.as(Access.UNRESTRICTED.withUpdate(allowing))
                .update(Submissions.statusUpdate(patient, document.uuid(), STATUS_APPROVED, STATUS_ARCHIVED));
        assertThat(allowing.statusChanges).containsExactly(document.uuid() + " " + STATUS_APPROVED + " -> " + STATUS_ARCHIVED);
        assertThat(registry.as(Access.UNRESTRICTED).ids(GetDocuments.ID, "$XDSDocumentEntryEntryUUID",
                list(document.uuid()))).isEmpty(); // archived: only queries asking for the status find it
        assertThat(registry.ids(FindDocuments.ID, "$XDSDocumentEntryPatientId", string(patient),
                "$XDSDocumentEntryStatus", list(STATUS_ARCHIVED))).containsExactly(document.uuid());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("a DocumentEntry the caller may not see is refused as an unknown one: new version and status change")
    void hiddenDocumentsAreRefusedAsUnknown(TestDatabase database) {
        start(database);
        Registered hidden = register(MASQUE_PS);
        TestRegistry professional = registry.as(NO_MASQUE_PS);

        XdsException versionOfHidden = professional.assertUpdateRefused(XdsErrorCode.XDSMetadataUpdateError,
                Submissions.newVersion(patient, hidden.sequence(), hidden.uuid(), 1), patient);
        XdsException versionOfUnknown = professional.assertUpdateRefused(XdsErrorCode.XDSMetadataUpdateError,
                Submissions.newVersion(patient, hidden.sequence(), UNKNOWN, 1), patient);
        assertThat(versionOfHidden.getMessage()).isEqualTo(versionOfUnknown.getMessage());

        XdsException statusOfHidden = professional.assertUpdateRefused(XdsErrorCode.XDSMetadataUpdateError,
                Submissions.statusUpdate(patient, hidden.uuid(), STATUS_APPROVED, STATUS_DELETED), patient);
        XdsException statusOfUnknown = professional.assertUpdateRefused(XdsErrorCode.XDSMetadataUpdateError,
                Submissions.statusUpdate(patient, UNKNOWN, STATUS_APPROVED, STATUS_DELETED), patient);
        assertThat(statusOfHidden.getMessage()).isEqualTo(statusOfUnknown.getMessage());

        registry.update(Submissions.statusUpdate(patient, hidden.uuid(), STATUS_APPROVED, STATUS_DELETED));
        assertThat(registry.ids(FindDocuments.ID, "$XDSDocumentEntryPatientId", string(patient),
                "$XDSDocumentEntryStatus", list(STATUS_DELETED))).containsExactly(hidden.uuid());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("$MetadataLevel 2: a version masked by a later one stays hidden; unmasking shows the versions again")
    void olderVersionsFollowTheLatestVersion(TestDatabase database) {
        start(database);
        Registered v1 = register();
        String v2 = registry.update(Submissions.newVersion(patient, v1.sequence(), v1.uuid(), 1, MASQUE_PS))
                .documentEntries().get(0).entryUuid();
        TestRegistry professional = registry.as(NO_MASQUE_PS);
        String[] allVersions = {"$XDSDocumentEntryPatientId", string(patient),
            "$XDSDocumentEntryStatus", list(STATUS_APPROVED, STATUS_DEPRECATED), "$MetadataLevel", "2"};

        assertThat(registry.ids(FindDocuments.ID, allVersions)).containsExactlyInAnyOrder(v1.uuid(), v2);
        assertThat(professional.ids(FindDocuments.ID, allVersions)).isEmpty();
        assertThat(professional.ids(GetDocuments.ID, "$XDSDocumentEntryLogicalID", list(v1.uuid()),
                "$MetadataLevel", "2")).isEmpty();
        assertThat(professional.ids(GetDocuments.ID, "$XDSDocumentEntryEntryUUID", list(v1.uuid()),
                "$MetadataLevel", "2")).isEmpty();

        String v3 = registry.update(Submissions.newVersion(patient, v1.sequence(), v1.uuid(), 2))
                .documentEntries().get(0).entryUuid();
        assertThat(professional.ids(FindDocuments.ID, allVersions)).containsExactlyInAnyOrder(v1.uuid(), v3);
        assertThat(professional.ids(FindDocuments.ID, "$XDSDocumentEntryPatientId", string(patient),
                "$XDSDocumentEntryStatus", list(STATUS_APPROVED))).containsExactly(v3);
    }
}
