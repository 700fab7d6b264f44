package org.opendmp.registry.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opendmp.registry.ebrim.XdsVocabulary.APND;
import static org.opendmp.registry.ebrim.XdsVocabulary.STATUS_APPROVED;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opendmp.pixpdq.ins.InsOids;
import org.opendmp.pixpdq.patient.PatientDirectory;
import org.opendmp.pixpdq.patient.PatientId;
import org.opendmp.pixpdq.patient.PatientStatus;
import org.opendmp.registry.access.Access;
import org.opendmp.registry.ebrim.EbrimXml;
import org.opendmp.registry.ebrim.SubmissionReader;
import org.opendmp.registry.error.XdsErrorCode;
import org.opendmp.registry.error.XdsException;
import org.opendmp.registry.hl7.Cx;
import org.opendmp.registry.model.Submission;
import org.opendmp.registry.patient.PatientIdPolicy;
import org.opendmp.registry.store.RegistryStore;
import org.opendmp.registry.testsupport.Submissions;
import org.opendmp.registry.testsupport.TestRegistry;
import org.opendmp.security.access.DocumentFacts;
import org.opendmp.testsupport.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * ITI-42 for a caller with restricted {@link Access}: the SubmissionGuard decides on the new
 * DocumentEntries inside the registration's transaction, after the patient's row is locked; its
 * refusal stores nothing; a registered DocumentEntry the caller may not see is unknown to the
 * submission's Associations.
 */
class SubmissionAccessTest {

    private static final String MASQUE_PS = "MASQUE_PS^^1.2.250.1.213.1.1.4.13";
    private static final Access NO_MASQUE_PS = Access.UNRESTRICTED.withVisibility(
            facts -> !facts.confidentialityCodes().contains(DocumentFacts.MASQUE_PS));

    private final String patient = Submissions.patient(Submissions.nir(2_060_000_000_000L + Submissions.next() % 1_000_000));

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("the SubmissionGuard gets the patient and every new DocumentEntry, in the transaction, after the patient lock")
    void guardSeesThePatientAndEveryNewEntryAfterThePatientLock(TestDatabase database) {
        DataSource dataSource = database.fresh();
        List<String> events = new ArrayList<>();
        PatientDirectory patients = new PatientDirectory() {
            @Override
            public PatientStatus status(PatientId identifier) {
                return PatientStatus.OPEN;
            }

            @Override
            public PatientStatus lockedStatus(PatientId identifier) {
                events.add("patient locked");
                return PatientStatus.OPEN;
            }
        };
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        RegisterDocumentSet registry = new RegisterDocumentSet(
                new SubmissionReader(new PatientIdPolicy(Set.of(InsOids.NIR_TEST), patients)),
                new RegistryStore(jdbc, new EbrimXml()),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)), Clock.systemUTC());
        List<DocumentFacts> seen = new ArrayList<>();
        List<String> patientsSeen = new ArrayList<>();
        Access guarded = Access.UNRESTRICTED.withSubmission((patientId, entries) -> {
            events.add("guard, in a transaction: " + TransactionSynchronizationManager.isActualTransactionActive());
            patientsSeen.add(patientId);
            seen.addAll(entries);
        });
        long second = Submissions.next();
        String xml = Submissions.withConfidentiality(Submissions.withSecondDocument(
                Submissions.template(patient, Submissions.next()), second), "Document02", MASQUE_PS);

        Submission stored = registry.register(Submissions.parse(xml).getRegistryObjectList(), guarded);

        assertThat(events).containsExactly("patient locked", "guard, in a transaction: true");
        assertThat(patientsSeen).containsExactly(Cx.parse(patient, "patientId").canonical());
        assertThat(seen).extracting(DocumentFacts::entryUuid).containsExactly(
                stored.documentEntries().get(0).entryUuid(), stored.documentEntries().get(1).entryUuid());
        assertThat(seen).allSatisfy(facts -> {
            assertThat(facts.availabilityStatus()).isEqualTo(STATUS_APPROVED);
            assertThat(facts.classCode()).isEqualTo("10");
            assertThat(facts.typeCode()).isEqualTo("11488-4");
            assertThat(facts.authorPersonIds()).containsExactly("899900063480");
            assertThat(facts.authorInstitutionIds()).containsExactly("1999999999");
        });
        assertThat(seen.get(0).confidentialityCodes()).containsExactly("N");
        assertThat(seen.get(1).confidentialityCodes()).containsExactlyInAnyOrder("N", "MASQUE_PS");
        assertThat(seen.get(1).uniqueId()).isEqualTo("1.2.250.1.999.2.3." + second);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("a SubmissionGuard refusal is the registry's answer, and nothing is stored")
    void guardRefusalStoresNothing(TestDatabase database) {
        TestRegistry registry = new TestRegistry(database);
        registry.register(Submissions.template(patient, Submissions.next()));
        Access refusing = Access.UNRESTRICTED.withSubmission((patientId, entries) -> {
            throw new XdsException(XdsErrorCode.XDSRegistryError, "this professional may not feed this DMP");
        });
        String xml = Submissions.withFolder(Submissions.template(patient, Submissions.next()), patient, "Folder01",
                "1.2.250.1.999.2.4." + Submissions.next(), List.of("A1^^1.2.250.1.999.9"), "Document01");

        XdsException refusal = registry.as(refusing).assertRegistrationRefused(XdsErrorCode.XDSRegistryError, xml, patient);

        assertThat(refusal.getMessage()).isEqualTo("this professional may not feed this DMP");
        assertThat(registry.snapshot(patient)).hasSize(3); // the first submission only: set, entry, HasMember
        assertThat(registry.register(xml).folders()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("an Association to a registered DocumentEntry the caller may not see is refused as one to an unknown object")
    void hiddenRegisteredDocumentsAreUnknownToAssociations(TestDatabase database) {
        TestRegistry registry = new TestRegistry(database);
        TestRegistry professional = registry.as(NO_MASQUE_PS);
        String hidden = registry.register(Submissions.withConfidentiality(Submissions.template(patient, Submissions.next()),
                "Document01", MASQUE_PS)).documentEntries().get(0).entryUuid();
        String visible = registry.register(Submissions.template(patient, Submissions.next()))
                .documentEntries().get(0).entryUuid();
        String unknown = "urn:uuid:00000000-0000-0000-0000-000000000000";

        XdsException toHidden = professional.assertRegistrationRefused(XdsErrorCode.XDSRegistryMetadataError,
                Submissions.withAssociation(Submissions.template(patient, Submissions.next()), APND, "Document01", hidden),
                patient);
        XdsException toUnknown = professional.assertRegistrationRefused(XdsErrorCode.XDSRegistryMetadataError,
                Submissions.withAssociation(Submissions.template(patient, Submissions.next()), APND, "Document01", unknown),
                patient);
        assertThat(toHidden.getMessage()).isEqualTo(toUnknown.getMessage());
        professional.assertRegistrationRefused(XdsErrorCode.XDSRegistryMetadataError, Submissions.withFolder(
                Submissions.template(patient, Submissions.next()), patient, "Folder01", "1.2.250.1.999.2.4." + Submissions.next(),
                List.of("A1^^1.2.250.1.999.9"), "Document01", hidden), patient);

        assertThat(professional.register(Submissions.withAssociation(Submissions.template(patient, Submissions.next()),
                APND, "Document01", visible)).associations()).anyMatch(a -> a.targetObject().equals(visible));
        assertThat(registry.register(Submissions.withAssociation(Submissions.template(patient, Submissions.next()),
                APND, "Document01", hidden)).associations()).anyMatch(a -> a.targetObject().equals(hidden));
    }
}
