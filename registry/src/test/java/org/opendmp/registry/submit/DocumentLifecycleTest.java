package org.opendmp.registry.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendmp.registry.ebrim.XdsVocabulary.*;
import static org.opendmp.registry.testsupport.TestRegistry.list;
import static org.opendmp.registry.testsupport.TestRegistry.string;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opendmp.registry.error.XdsErrorCode;
import org.opendmp.registry.error.XdsException;
import org.opendmp.registry.model.Association;
import org.opendmp.registry.model.Submission;
import org.opendmp.registry.query.GetAssociations;
import org.opendmp.registry.query.GetFolders;
import org.opendmp.registry.query.GetFoldersForDocument;
import org.opendmp.registry.testsupport.Submissions;
import org.opendmp.testsupport.TestDatabase;
import org.opendmp.registry.testsupport.TestRegistry;
import org.opendmp.wsdl.rim.AssociationType1;
import org.opendmp.wsdl.rim.ClassificationType;
import org.opendmp.wsdl.rim.RegistryPackageType;
import org.opendmp.wsdl.rim.SlotType1;

/**
 * Document relationships in ITI-42 (ITI TF-3 4.2.2.2, ITI TF-2b 3.42.4.1.3): RPLC, XFRM_RPLC,
 * APND, XFRM and signs, on H2 and PostgreSQL. Every refusal leaves the registry as it was.
 */
class DocumentLifecycleTest {

    private static final List<String> FOLDER_CODES = List.of("A1^^1.2.250.1.999.9");
    private static final String JANUARY = "20240101100000";
    private static final String FEBRUARY = "20240201100000";

    private TestRegistry registry;
    private String patient;
    private String original;

    private void start(TestDatabase database) {
        registry = new TestRegistry(database);
        patient = newPatient();
        original = registerDocument(patient);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-3 4.2.2.2 RPLC: the original becomes Deprecated, in the same transaction; the replacement is Approved")
    void replacementDeprecatesTheOriginal(TestDatabase database) {
        start(database);

        Submission replacement = registry.register(related(patient, RPLC, original));

        assertThat(registry.status(original)).isEqualTo(STATUS_DEPRECATED);
        assertThat(registry.status(replacement.documentEntries().get(0).entryUuid())).isEqualTo(STATUS_APPROVED);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-3 4.2.2.2 XFRM_RPLC: the original becomes Deprecated")
    void transformingReplacementDeprecatesTheOriginal(TestDatabase database) {
        start(database);

        registry.register(related(patient, XFRM_RPLC, original));

        assertThat(registry.status(original)).isEqualTo(STATUS_DEPRECATED);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-3 4.2.2.2 APND, XFRM, signs: the original stays Approved")
    void addendumTransformationAndSignatureLeaveTheOriginalApproved(TestDatabase database) {
        start(database);

        for (String type : List.of(APND, XFRM, SIGNS)) {
            Submission related = registry.register(related(patient, type, original));
            assertThat(registry.status(original)).as(type).isEqualTo(STATUS_APPROVED);
            assertThat(registry.ids(GetAssociations.ID, "$uuid", list(related.documentEntries().get(0).entryUuid())))
                    .as(type).contains(relationship(related, type));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-3 4.2.2.2 signs: a signature document may sign its own SubmissionSet")
    void signatureMaySignItsSubmissionSet(TestDatabase database) {
        start(database);

        Submission signed = registry.register(Submissions.withAssociation(
                Submissions.template(patient, Submissions.next()), SIGNS, "Document01", "SubmissionSet01"));

        assertThat(relationship(signed, SIGNS)).isNotNull();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-3 4.2.2.2: the original must be registered, else XDSRegistryMetadataError")
    void rejectsRelationshipToAnUnknownDocument(TestDatabase database) {
        start(database);

        for (String type : List.of(RPLC, XFRM_RPLC, APND, XFRM, SIGNS)) {
            registry.assertRegistrationRefused(XdsErrorCode.XDSRegistryMetadataError,
                    related(patient, type, URN_UUID + UUID.randomUUID()), patient);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-3 4.2.2.2: original and new document of one patient, else XDSPatientIdDoesNotMatch")
    void rejectsRelationshipToAnotherPatientsDocument(TestDatabase database) {
        start(database);
        String other = newPatient();

        for (String type : List.of(RPLC, XFRM_RPLC, APND, XFRM, SIGNS)) {
            registry.assertRegistrationRefused(XdsErrorCode.XDSPatientIdDoesNotMatch, related(other, type, original),
                    patient, other);
        }
        assertThat(registry.status(original)).isEqualTo(STATUS_APPROVED);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-3 Table 4.2.4.1-2 XDSRegistryDeprecatedDocumentError: no relationship to a Deprecated document")
    void rejectsRelationshipToADeprecatedDocument(TestDatabase database) {
        start(database);
        registry.register(related(patient, RPLC, original));

        for (String type : List.of(RPLC, XFRM_RPLC, APND, XFRM, SIGNS)) {
            registry.assertRegistrationRefused(XdsErrorCode.XDSRegistryDeprecatedDocumentError,
                    related(patient, type, original), patient);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-3 4.2.2.2: a relationship goes from a new DocumentEntry of the submission to a registered one")
    void rejectsRelationshipWhoseEndsAreNotANewAndARegisteredDocument(TestDatabase database) {
        start(database);
        String registered = registerDocument(patient);

        registry.assertRegistrationRefused(XdsErrorCode.XDSRegistryMetadataError, Submissions.withAssociation(
                Submissions.template(patient, Submissions.next()), RPLC, registered, original), patient);
        registry.assertRegistrationRefused(XdsErrorCode.XDSRegistryMetadataError, Submissions.withAssociation(
                Submissions.template(patient, Submissions.next()), RPLC, "Document01", "SubmissionSet01"), patient);
        registry.assertRegistrationRefused(XdsErrorCode.XDSRegistryMetadataError, Submissions.withAssociation(
                Submissions.template(patient, Submissions.next()), APND, "Document01", "Document01"), patient);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("RPLC deprecates the original's addenda and transformations with it (NIST XDS Toolkit registry)")
    void replacementDeprecatesTheOriginalsAddendaAndTransformations(TestDatabase database) {
        start(database);
        String addendum = registry.register(related(patient, APND, original)).documentEntries().get(0).entryUuid();
        String transformation = registry.register(related(patient, XFRM, original)).documentEntries().get(0).entryUuid();
        String unrelated = registerDocument(patient);

        registry.register(related(patient, RPLC, original));

        assertThat(registry.status(addendum)).isEqualTo(STATUS_DEPRECATED);
        assertThat(registry.status(transformation)).isEqualTo(STATUS_DEPRECATED);
        assertThat(registry.status(unrelated)).isEqualTo(STATUS_APPROVED);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("Folder membership of replacement documents: the replacement joins the original's Folders,"
            + " whose lastUpdateTime changes")
    void replacementJoinsTheOriginalsFolders(TestDatabase database) {
        registry = new TestRegistry(database);
        patient = newPatient();
        Submission inFolder = registry.registerAt(JANUARY, Submissions.withFolder(Submissions.template(patient,
                Submissions.next()), patient, "Folder01", "1.2.250.1.999.2.4." + Submissions.next(), FOLDER_CODES,
                "Document01"));
        original = inFolder.documentEntries().get(0).entryUuid();
        String folder = inFolder.folders().get(0).entryUuid();

        Submission replacement = registry.registerAt(FEBRUARY, related(patient, RPLC, original));
        String replacementUuid = replacement.documentEntries().get(0).entryUuid();

        assertThat(registry.ids(GetFoldersForDocument.ID, "$XDSDocumentEntryEntryUUID", string(replacementUuid)))
                .containsExactly(folder);
        assertThat(replacement.associations()).anySatisfy(a -> {
            assertThat(a.type()).isEqualTo(HAS_MEMBER);
            assertThat(a.sourceObject()).isEqualTo(folder);
            assertThat(a.targetObject()).isEqualTo(replacementUuid);
        });
        assertThat(lastUpdateTime(folder)).isEqualTo(FEBRUARY);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-2b 3.42.4.1.3: two submissions replacing one original at once, one wins,"
            + " the other gets XDSRegistryDeprecatedDocumentError and stores nothing")
    void concurrentReplacementsOfOneOriginalLetOneWin(TestDatabase database) throws Exception {
        start(database);
        String first = related(patient, RPLC, original);
        String second = related(patient, RPLC, original);
        CountDownLatch firstRegistered = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);

        CompletableFuture<Void> winner = CompletableFuture.runAsync(() -> registry.inTransaction(() -> {
            registry.register(first);
            firstRegistered.countDown();
            await(commitFirst);
        }));
        assertThat(firstRegistered.await(30, TimeUnit.SECONDS)).isTrue();
        List<String> before = registry.snapshot(patient);
        CompletableFuture<Submission> loser = CompletableFuture.supplyAsync(() -> registry.register(second));
        Thread.sleep(300); // the second waits for the first's lock on the original
        commitFirst.countDown();
        winner.get(30, TimeUnit.SECONDS);

        assertThat(loser).failsWithin(30, TimeUnit.SECONDS).withThrowableThat().havingRootCause()
                .isInstanceOfSatisfying(XdsException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(XdsErrorCode.XDSRegistryDeprecatedDocumentError));
        assertThat(registry.status(original)).isEqualTo(STATUS_DEPRECATED);
        assertThat(registry.snapshot(patient).size()).isEqualTo(before.size() + 4); // the winner: set, entry, HasMember, RPLC
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-3 4.2.2.2: a document relationship may carry the association documentation Classification;"
            + " HasMember may not")
    void documentationClassificationOnRelationshipsOnly(TestDatabase database) {
        start(database);
        String documented = Submissions.template(patient, Submissions.next()).replace("</RegistryObjectList>",
                "<Association associationType=\"" + RPLC + "\" id=\"rplc\" sourceObject=\"Document01\" targetObject=\""
                        + original + "\">" + documentation("rplc") + "</Association></RegistryObjectList>");

        Submission replacement = registry.register(documented);

        AssociationType1 stored = (AssociationType1) registry.objects(GetAssociations.ID, "LeafClass", "$uuid",
                list(original)).stream().filter(o -> o.getId().equals(relationship(replacement, RPLC))).findFirst()
                .orElseThrow();
        assertThat(stored.getClassification()).extracting(ClassificationType::getClassificationScheme)
                .containsExactly(ASSOCIATION_DOCUMENTATION);

        String onHasMember = Submissions.template(patient, Submissions.next()).replace(
                "targetObject=\"Document01\">", "targetObject=\"Document01\">" + documentation("member01"));
        registry.assertRegistrationRefused(XdsErrorCode.XDSRegistryMetadataError, onHasMember, patient);
    }

    // ------------------------------------------------------------------ helpers

    private String registerDocument(String patientId) {
        return registry.register(Submissions.template(patientId, Submissions.next())).documentEntries().get(0).entryUuid();
    }

    /** A new document of the patient linked to {@code target} by an Association of this type. */
    private static String related(String patientId, String type, String target) {
        return Submissions.withAssociation(Submissions.template(patientId, Submissions.next()), type, "Document01", target);
    }

    private static String relationship(Submission submission, String type) {
        return submission.associations().stream().filter(a -> a.type().equals(type)).map(Association::entryUuid)
                .findFirst().orElseThrow();
    }

    private static String documentation(String associationId) {
        return "<Classification classificationScheme=\"" + ASSOCIATION_DOCUMENTATION + "\" classifiedObject=\""
                + associationId + "\" id=\"" + associationId + "-why\" nodeRepresentation=\"CORRECTION\">"
                + "<Slot name=\"codingScheme\"><ValueList><Value>1.2.250.1.999.9.1</Value></ValueList></Slot>"
                + "<Name><LocalizedString value=\"Correction\"/></Name></Classification>";
    }

    private String lastUpdateTime(String folder) {
        RegistryPackageType stored = (RegistryPackageType) registry.objects(GetFolders.ID, "LeafClass",
                "$XDSFolderEntryUUID", list(folder)).get(0);
        return stored.getSlot().stream().filter(slot -> slot.getName().equals(LAST_UPDATE_TIME))
                .map(SlotType1::getValueList).map(values -> values.getValue().get(0)).findFirst().orElseThrow();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String newPatient() {
        return Submissions.patient(Submissions.nir(1_000_000_000_000L + Submissions.next() % 8_000_000_000_000L));
    }
}
