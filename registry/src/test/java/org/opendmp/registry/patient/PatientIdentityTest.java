package org.opendmp.registry.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opendmp.registry.testsupport.TestRegistry.list;
import static org.opendmp.registry.testsupport.TestRegistry.string;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opendmp.pixpdq.ins.InsOids;
import org.opendmp.pixpdq.patient.IdentityTraits;
import org.opendmp.pixpdq.patient.PatientId;
import org.opendmp.pixpdq.patient.PatientRegistry;
import org.opendmp.pixpdq.patient.Sex;
import org.opendmp.registry.ebrim.EbrimXml;
import org.opendmp.registry.ebrim.SubmissionReader;
import org.opendmp.registry.ebrim.XdsVocabulary;
import org.opendmp.registry.error.XdsErrorCode;
import org.opendmp.registry.error.XdsException;
import org.opendmp.registry.model.Submission;
import org.opendmp.registry.query.FindDocuments;
import org.opendmp.registry.query.GetAll;
import org.opendmp.registry.store.RegistryStore;
import org.opendmp.registry.submit.RegisterDocumentSet;
import org.opendmp.registry.testsupport.Submissions;
import org.opendmp.registry.testsupport.TestRegistry;
import org.opendmp.testsupport.TestDatabase;
import org.opendmp.wsdl.rim.ExternalIdentifierType;
import org.opendmp.wsdl.rim.IdentifiableType;
import org.opendmp.wsdl.rim.RegistryObjectType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The document registry on the real patient registry: only patients it knows with an open DMP
 * may be fed, and a merge moves the subsumed patient's entries to the surviving INS.
 */
class PatientIdentityTest {

    private static final java.util.concurrent.atomic.AtomicLong NUMBERS = new java.util.concurrent.atomic.AtomicLong(
            2_800_175_000_000L);

    private TestRegistry registry;
    private PatientRegistry patients;
    private RegisterDocumentSet register;

    private void start(TestDatabase database) {
        registry = new TestRegistry(database);
        JdbcTemplate jdbc = new JdbcTemplate(registry.dataSource());
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(registry.dataSource());
        EbrimXml ebrimXml = new EbrimXml();
        patients = new PatientRegistry(jdbc, transactions, Set.of(InsOids.NIR_TEST),
                List.of(new PatientMerge(jdbc, ebrimXml)), Clock.systemUTC());
        register = new RegisterDocumentSet(new SubmissionReader(new PatientIdPolicy(Set.of(InsOids.NIR_TEST), patients)),
                new RegistryStore(jdbc, ebrimXml), new TransactionTemplate(transactions), Clock.systemUTC());
    }

    private String knownPatient() {
        String nir = Submissions.nir(NUMBERS.incrementAndGet());
        patients.feed(List.of(new PatientId(nir, InsOids.NIR_TEST)),
                new IdentityTraits("DUPONT", null, List.of("MARIE"), Sex.F, LocalDate.of(1980, 1, 2), "75056"), List.of());
        return nir;
    }

    private Submission submit(String nir) {
        return register.register(Submissions.parse(Submissions.template(Submissions.patient(nir), Submissions.next()))
                .getRegistryObjectList());
    }

    private void assertRefused(String nir, String because) {
        assertThatThrownBy(() -> submit(nir))
                .isInstanceOfSatisfying(XdsException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(XdsErrorCode.XDSUnknownPatientId);
                    assertThat(e.getMessage()).contains(because).doesNotContain(nir);
                });
        assertThat(registry.snapshot(Submissions.patient(nir))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI-42 for a patient the patient registry knows, DMP open: registered")
    void knownPatientIsFed(TestDatabase database) {
        start(database);
        String nir = knownPatient();
        Submission submission = submit(nir);
        assertThat(registry.ids(FindDocuments.ID, "$XDSDocumentEntryPatientId", string(Submissions.patient(nir)),
                "$XDSDocumentEntryStatus", list(XdsVocabulary.STATUS_APPROVED)))
                .containsExactly(submission.documentEntries().get(0).entryUuid());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("XDSUnknownPatientId for a valid INS the patient registry does not know; nothing stored")
    void unknownPatientIsRefused(TestDatabase database) {
        start(database);
        assertRefused(Submissions.nir(NUMBERS.incrementAndGet()), "does not know this patient");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("A closed DMP refuses feeding with XDSUnknownPatientId saying it is closed, and keeps its documents")
    void closedDmpRefusesFeedingAndKeepsItsDocuments(TestDatabase database) {
        start(database);
        String nir = knownPatient();
        submit(nir);
        List<String> before = registry.snapshot(Submissions.patient(nir));

        patients.close(new PatientId(nir, InsOids.NIR_TEST), "FERMETURE_DEMANDE_PATIENT");

        assertThatThrownBy(() -> submit(nir)).isInstanceOfSatisfying(XdsException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(XdsErrorCode.XDSUnknownPatientId);
            assertThat(e.getMessage()).contains("DMP is closed");
        });
        assertThat(registry.snapshot(Submissions.patient(nir))).isEqualTo(before).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("Merge (ITI TF-2a 3.8.4.2.3): the subsumed patient's entries move to the surviving INS, patientId rewritten; the old id finds nothing and is refused")
    void mergeMovesDocumentsToSurvivingPatient(TestDatabase database) {
        start(database);
        String surviving = knownPatient();
        String subsumed = knownPatient();
        Submission first = submit(subsumed);
        Submission second = submit(surviving);

        patients.merge(List.of(new PatientId(surviving, InsOids.NIR_TEST)), new PatientId(subsumed, InsOids.NIR_TEST));

        List<IdentifiableType> all = registry.objects(GetAll.ID, "LeafClass",
                "$patientId", string(Submissions.patient(surviving)),
                "$XDSDocumentEntryStatus", list(XdsVocabulary.STATUS_APPROVED),
                "$XDSSubmissionSetStatus", list(XdsVocabulary.STATUS_APPROVED),
                "$XDSFolderStatus", list(XdsVocabulary.STATUS_APPROVED));
        assertThat(all.stream().map(IdentifiableType::getId)).contains(
                first.documentEntries().get(0).entryUuid(), first.submissionSet().entryUuid(),
                second.documentEntries().get(0).entryUuid());
        for (IdentifiableType object : all) {
            if (object instanceof RegistryObjectType registryObject) {
                for (ExternalIdentifierType identifier : registryObject.getExternalIdentifier()) {
                    if (identifier.getIdentificationScheme().equals(XdsVocabulary.DE_PATIENT_ID)
                            || identifier.getIdentificationScheme().equals(XdsVocabulary.SS_PATIENT_ID)) {
                        assertThat(identifier.getValue()).isEqualTo(Submissions.patient(surviving));
                    }
                }
            }
        }
        assertThat(registry.snapshot(Submissions.patient(subsumed))).isEmpty();
        assertRefused(subsumed, "merged into another");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("A registration holds its patient's row: a merge waits for it to commit, then moves what it registered")
    void mergeWaitsForARegistrationInProgress(TestDatabase database) throws Exception {
        start(database);
        String surviving = knownPatient();
        String subsumed = knownPatient();
        PatientIdPolicy policy = new PatientIdPolicy(Set.of(InsOids.NIR_TEST), patients);
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(registry.dataSource()));
        java.util.concurrent.CountDownLatch locked = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<?> registration = threads.submit(() -> transaction.executeWithoutResult(tx -> {
                policy.recheckLocked(new org.opendmp.registry.hl7.Cx(subsumed, InsOids.NIR_TEST), "patientId");
                locked.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            locked.await();
            java.util.concurrent.Future<?> merge = threads.submit(() -> patients.merge(
                    List.of(new PatientId(surviving, InsOids.NIR_TEST)), new PatientId(subsumed, InsOids.NIR_TEST)));
            Thread.sleep(300);
            assertThat(merge.isDone()).as("the merge waits for the registration's lock").isFalse();
            release.countDown();
            registration.get(10, java.util.concurrent.TimeUnit.SECONDS);
            merge.get(10, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
        assertRefused(subsumed, "merged into another");
    }
}
