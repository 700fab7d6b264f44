package org.opendmp.security.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opendmp.security.access.PatientContext.Authorization.ACTIVE;
import static org.opendmp.security.access.PatientContext.Authorization.BLOCKED;
import static org.opendmp.security.access.PatientContext.Authorization.NONE;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.opendmp.security.actor.Actor;
import org.opendmp.security.actor.PurposeOfUse;

/** Document-level rules of the built-in policy: visibility (TD3.1, TD3.2) and document management (TD3.3). */
class DocumentAccessTest {

    private static final AccessPolicy POLICY = AccessPolicy.defaults();

    private static final String LOINC = "2.16.840.1.113883.6.1";
    private static final String TRE_A05 = "1.2.250.1.213.1.1.4.12";
    private static final String APPROVED = "urn:oasis:names:tc:ebxml-regrep:StatusType:Approved";
    private static final String ARCHIVED = "urn:asip:ci-sis:2010:StatusType:Archived";
    private static final String OTHER_AUTHOR = "810000000099";
    private static final String OTHER_FACILITY = "10B0000099";

    /** A DocumentEntry of another author in another facility. */
    private record Doc(String typeScheme, String typeCode, String classCode, String status, Set<String> confidentiality,
            Set<String> authors, Set<String> institutions) {

        static Doc of(String typeScheme, String typeCode) {
            return new Doc(typeScheme, typeCode, "10", APPROVED, Set.of("N"), Set.of(OTHER_AUTHOR), Set.of(OTHER_FACILITY));
        }

        static Doc labReport() {
            return of(LOINC, "11502-2");
        }

        Doc masked() {
            return new Doc(typeScheme, typeCode, classCode, status, Set.of("N", DocumentFacts.MASQUE_PS), authors,
                    institutions);
        }

        Doc status(String value) {
            return new Doc(typeScheme, typeCode, classCode, value, confidentiality, authors, institutions);
        }

        Doc classCode(String value) {
            return new Doc(typeScheme, typeCode, value, status, confidentiality, authors, institutions);
        }

        Doc by(TestActor author) {
            return new Doc(typeScheme, typeCode, classCode, status, confidentiality, Set.of(author.id()), institutions);
        }

        Doc fromFacility(String facility) {
            return new Doc(typeScheme, typeCode, classCode, status, confidentiality, authors, Set.of(facility));
        }

        DocumentFacts facts() {
            return new DocumentFacts("urn:uuid:5f0c3c1e-8d0a-4b8e-9f51-3a1e0c7d2b10", "1.2.250.1.999.1.1", TestActor.PATIENT,
                    status, classCode, typeCode, typeScheme, confidentiality, authors, institutions);
        }
    }

    private static Visibility visibility(TestActor actor, PurposeOfUse mode, PatientContext.Authorization authorization,
            Doc doc) {
        return POLICY.visibility(actor.in(mode), actor.context(authorization), doc.facts());
    }

    private static Visibility visibility(TestActor actor, PatientContext.Authorization authorization, Doc doc) {
        return visibility(actor, PurposeOfUse.NORMAL, authorization, doc);
    }

    private static Decision onDocument(TestActor actor, DmpTransaction transaction,
            PatientContext.Authorization authorization, Doc doc) {
        return POLICY.decideOnDocument(actor.normal(), transaction, actor.context(authorization), doc.facts());
    }

    // --- the document types grid

    @Test
    void authorizedDoctorSeesAnotherAuthorsLabReport() {
        assertThat(visibility(TestActor.DOCTOR, ACTIVE, Doc.labReport())).isEqualTo(Visibility.VISIBLE);
        assertThat(onDocument(TestActor.DOCTOR, DmpTransaction.TD3_2, ACTIVE, Doc.labReport()).allowed()).isTrue();
    }

    @Test
    void doctorsDoNotSeeProofOfResidence() {
        Doc residence = Doc.of(TRE_A05, "ATTEST-RESID");
        assertThat(visibility(TestActor.MT, ACTIVE, residence)).isEqualTo(Visibility.NOT_VISIBLE);
        assertThat(visibility(TestActor.DOCTOR, ACTIVE, Doc.of(TRE_A05, "ATTEST-HEBGT")))
                .isEqualTo(Visibility.NOT_VISIBLE);
        Decision retrieval = onDocument(TestActor.DOCTOR, DmpTransaction.TD3_2, ACTIVE, residence);
        assertThat(retrieval.reason()).isEqualTo(DenialReason.DOCUMENT_TYPE_NOT_ALLOWED);
        assertThat(retrieval.concealsDocument()).isTrue();
    }

    @Test
    void pharmacistSeesDispensationsButNotImagingReports() {
        assertThat(visibility(TestActor.PHARMACIST, ACTIVE, Doc.of(LOINC, "60593-1"))).isEqualTo(Visibility.VISIBLE);
        assertThat(visibility(TestActor.PHARMACIST, ACTIVE, Doc.of(LOINC, "18748-4"))).isEqualTo(Visibility.NOT_VISIBLE);
    }

    @Test
    void nurseSeesVaccinationNotesButNotOperativeReports() {
        assertThat(visibility(TestActor.NURSE, ACTIVE, Doc.of(LOINC, "87273-9"))).isEqualTo(Visibility.VISIBLE);
        assertThat(visibility(TestActor.NURSE, ACTIVE, Doc.of(LOINC, "34874-8"))).isEqualTo(Visibility.NOT_VISIBLE);
    }

    @Test
    void typesOfAnUnknownSchemeAreDeniedToNonDoctors() {
        assertThat(visibility(TestActor.NURSE, ACTIVE, Doc.of("1.2.3.4", "11502-2"))).isEqualTo(Visibility.NOT_VISIBLE);
        assertThat(visibility(TestActor.DOCTOR, ACTIVE, Doc.of("1.2.3.4", "11502-2"))).isEqualTo(Visibility.VISIBLE);
    }

    @Test
    void everyReaderSeesSubmissionSignatures() {
        assertThat(visibility(TestActor.NURSE, ACTIVE, Doc.of("ASTM", "E1762"))).isEqualTo(Visibility.VISIBLE);
    }

    @Test
    void authorsSeeTheirOwnDocumentsWhateverTheGrid() {
        assertThat(visibility(TestActor.PHARMACIST, ACTIVE, Doc.of(LOINC, "18748-4").by(TestActor.PHARMACIST)))
                .isEqualTo(Visibility.VISIBLE);
    }

    // --- MASQUE_PS

    @Test
    void documentHiddenFromProfessionalsIsHiddenFromAnotherAuthorizedDoctor() {
        Decision retrieval = onDocument(TestActor.DOCTOR, DmpTransaction.TD3_2, ACTIVE, Doc.labReport().masked());
        assertThat(visibility(TestActor.DOCTOR, ACTIVE, Doc.labReport().masked())).isEqualTo(Visibility.NOT_VISIBLE);
        assertThat(retrieval.reason()).isEqualTo(DenialReason.DOCUMENT_MASKED);
        assertThat(retrieval.concealsDocument()).isTrue();
    }

    @Test
    void documentHiddenFromProfessionalsIsVisibleToTheTreatingDoctorAndToItsAuthor() {
        assertThat(visibility(TestActor.MT, NONE, Doc.labReport().masked())).isEqualTo(Visibility.VISIBLE);
        assertThat(visibility(TestActor.NURSE, ACTIVE, Doc.labReport().masked().by(TestActor.NURSE)))
                .isEqualTo(Visibility.VISIBLE);
    }

    @Test
    void inEmergencyModesHiddenDocumentsAreVisibleOnlyToTheirAuthor() {
        Doc masked = Doc.labReport().masked();
        assertThat(visibility(TestActor.MT, PurposeOfUse.BRIS_DE_GLACE, NONE, masked)).isEqualTo(Visibility.NOT_VISIBLE);
        assertThat(visibility(TestActor.DOCTOR, PurposeOfUse.CENTRE_15, ACTIVE, masked)).isEqualTo(Visibility.NOT_VISIBLE);
        assertThat(visibility(TestActor.DOCTOR, PurposeOfUse.BRIS_DE_GLACE, NONE, masked.by(TestActor.DOCTOR)))
                .isEqualTo(Visibility.VISIBLE);
    }

    @Test
    void facilityActorsOwnTheirFacilitysDocuments() {
        Doc hospitalDocument = Doc.labReport().masked().fromFacility(TestActor.FACILITY);
        assertThat(visibility(TestActor.AIR_DOCTOR, ACTIVE, hospitalDocument)).isEqualTo(Visibility.VISIBLE);
        assertThat(visibility(TestActor.DOCTOR, ACTIVE, hospitalDocument)).as("a CPS user acts for himself")
                .isEqualTo(Visibility.NOT_VISIBLE);
    }

    // --- emergency access, blocks, statuses, roles

    @Test
    void emergencyModesReadWithoutAuthorizationUnlessThePatientOpposed() {
        PatientContext opposed = TestActor.DOCTOR.context(NONE).withOppositions(true, false);
        assertThat(visibility(TestActor.DOCTOR, PurposeOfUse.BRIS_DE_GLACE, NONE, Doc.labReport()))
                .isEqualTo(Visibility.VISIBLE);
        assertThat(POLICY.visibility(TestActor.DOCTOR.in(PurposeOfUse.BRIS_DE_GLACE), opposed, Doc.labReport().facts()))
                .isEqualTo(Visibility.NOT_VISIBLE);
        assertThat(POLICY.decideOnDocument(TestActor.DOCTOR.in(PurposeOfUse.BRIS_DE_GLACE), DmpTransaction.TD3_2,
                opposed, Doc.labReport().facts()).reason()).isEqualTo(DenialReason.PATIENT_OPPOSED_EMERGENCY_ACCESS);
    }

    @Test
    void aBlockedProfessionalSeesNotEvenHisOwnDocuments() {
        assertThat(visibility(TestActor.MT, BLOCKED, Doc.labReport().by(TestActor.MT))).isEqualTo(Visibility.NOT_VISIBLE);
        assertThat(visibility(TestActor.DOCTOR, PurposeOfUse.BRIS_DE_GLACE, BLOCKED, Doc.labReport()))
                .isEqualTo(Visibility.NOT_VISIBLE);
    }

    @Test
    void deletedDocumentsAreNeverVisibleAndArchivedOnesAre() {
        Doc deleted = Doc.labReport().by(TestActor.MT).status(AccessPolicy.DELETED_STATUS);
        assertThat(visibility(TestActor.MT, ACTIVE, deleted)).isEqualTo(Visibility.NOT_VISIBLE);
        assertThat(onDocument(TestActor.MT, DmpTransaction.TD3_2, ACTIVE, deleted).reason())
                .isEqualTo(DenialReason.DOCUMENT_DELETED);
        assertThat(visibility(TestActor.DOCTOR, ACTIVE, Doc.labReport().status(ARCHIVED))).isEqualTo(Visibility.VISIBLE);
    }

    @Test
    void occupationalPhysiciansSeeNothingNotEvenTheirOwnDocuments() {
        assertThat(visibility(TestActor.OCCUPATIONAL, ACTIVE, Doc.labReport().by(TestActor.OCCUPATIONAL)))
                .isEqualTo(Visibility.NOT_VISIBLE);
    }

    @Test
    void cpeAndFacilityCertificateUsersFindOnlyTheirFacilitysReferences() {
        Doc own = Doc.labReport().masked().fromFacility(TestActor.FACILITY);
        for (TestActor actor : new TestActor[] {TestActor.SECRETARY, TestActor.INDIRECT_DOCTOR}) {
            assertThat(visibility(actor, NONE, own)).as("%s, own facility", actor).isEqualTo(Visibility.REFERENCE_ONLY);
            assertThat(visibility(actor, ACTIVE, Doc.labReport())).as("%s, other facility", actor)
                    .isEqualTo(Visibility.NOT_VISIBLE);
            assertThat(onDocument(actor, DmpTransaction.TD3_1, NONE, Doc.labReport()).reason())
                    .isEqualTo(DenialReason.NOT_OWN_DOCUMENT);
            Decision retrieval = onDocument(actor, DmpTransaction.TD3_2, NONE, own);
            assertThat(retrieval.reason()).as("%s retrieval", actor).isEqualTo(DenialReason.TRANSACTION_NOT_ALLOWED);
            assertThat(retrieval.concealsDocument()).isFalse();
        }
    }

    @Test
    void retrievalWithoutAuthorizationIsRefusedForTheTransactionNotTheDocument() {
        Decision retrieval = onDocument(TestActor.DOCTOR, DmpTransaction.TD3_2, NONE, Doc.labReport());
        assertThat(retrieval.reason()).isEqualTo(DenialReason.NO_AUTHORIZATION);
        assertThat(retrieval.concealsDocument()).isFalse();
    }

    @Test
    void concealedRefusalsReadExactlyAsAnUnknownDocument() {
        for (DenialReason reason : DenialReason.values()) {
            Decision decision = Decision.deny(reason);
            if (reason.concealsDocument()) {
                assertThat(decision.clientMessage()).as(reason.name()).isEqualTo(
                        DenialReason.UNKNOWN_DOCUMENT_FR + " | " + DenialReason.UNKNOWN_DOCUMENT_EN);
            } else {
                assertThat(reason.messageFr()).as(reason.name()).isNotEqualTo(DenialReason.UNKNOWN_DOCUMENT_FR);
            }
        }
    }

    @Test
    void canSeeAgreesWithTheSearchDecision() {
        Doc[] docs = {Doc.labReport(), Doc.labReport().masked(), Doc.of(TRE_A05, "ATTEST-RESID"),
            Doc.labReport().fromFacility(TestActor.FACILITY), Doc.labReport().status(AccessPolicy.DELETED_STATUS)};
        for (TestActor actor : TestActor.values()) {
            for (PatientContext.Authorization authorization : PatientContext.Authorization.values()) {
                for (Doc doc : docs) {
                    boolean visible = POLICY.canSee(actor.normal(), actor.context(authorization), doc.facts());
                    assertThat(onDocument(actor, DmpTransaction.TD3_1, authorization, doc).allowed())
                            .as("%s %s %s", actor, authorization, doc).isEqualTo(visible);
                }
            }
        }
    }

    @Test
    void missingIdsDoNotBreakOwnership() {
        Actor anonymous = TestActor.INDIRECT_DOCTOR.actor(null, null, PurposeOfUse.NORMAL);
        assertThat(POLICY.visibility(anonymous, TestActor.INDIRECT_DOCTOR.context(ACTIVE), Doc.labReport().facts()))
                .isEqualTo(Visibility.NOT_VISIBLE);
    }

    // --- TD3.3a / TD3.3b: confidentiality changes

    @Test
    void authorsMayHideTheirDocumentsEvenWithoutAuthorization() {
        assertThat(onDocument(TestActor.NURSE, DmpTransaction.TD3_3A, NONE, Doc.labReport().by(TestActor.NURSE))
                .allowed()).isTrue();
        assertThat(onDocument(TestActor.SECRETARY, DmpTransaction.TD3_3B, NONE,
                Doc.labReport().fromFacility(TestActor.FACILITY)).allowed()).isTrue();
    }

    @Test
    void theTreatingDoctorMayHideOrUnhideAnotherAuthorsDocument() {
        assertThat(onDocument(TestActor.MT, DmpTransaction.TD3_3A, NONE, Doc.labReport()).allowed()).isTrue();
        assertThat(onDocument(TestActor.MT, DmpTransaction.TD3_3A, NONE, Doc.labReport().masked()).allowed()).isTrue();
        assertThat(onDocument(TestActor.MT, DmpTransaction.TD3_3B, NONE, Doc.labReport()).allowed()).isTrue();
    }

    @Test
    void anotherProfessionalWhoSeesTheDocumentMayNotChangeItsConfidentiality() {
        Decision decision = onDocument(TestActor.DOCTOR, DmpTransaction.TD3_3A, ACTIVE, Doc.labReport());
        assertThat(decision.reason()).isEqualTo(DenialReason.NOT_AUTHOR_OR_TREATING_DOCTOR);
        assertThat(decision.concealsDocument()).isFalse();
    }

    @Test
    void unmaskingADocumentOneCannotSeeIsConcealed() {
        Decision decision = onDocument(TestActor.DOCTOR, DmpTransaction.TD3_3A, ACTIVE, Doc.labReport().masked());
        assertThat(decision.reason()).isEqualTo(DenialReason.DOCUMENT_MASKED);
        assertThat(decision.concealsDocument()).isTrue();
    }

    // --- TD3.3c / TD3.3d: delete, archive

    @Test
    void authorsDeleteAndArchiveTheirOwnDocuments() {
        assertThat(onDocument(TestActor.DOCTOR, DmpTransaction.TD3_3C, ACTIVE, Doc.labReport().by(TestActor.DOCTOR))
                .allowed()).isTrue();
        assertThat(onDocument(TestActor.NURSE, DmpTransaction.TD3_3D, NONE, Doc.labReport().by(TestActor.NURSE))
                .allowed()).as("without authorization").isTrue();
        assertThat(onDocument(TestActor.DOCTOR, DmpTransaction.TD3_3D, ACTIVE,
                Doc.labReport().by(TestActor.DOCTOR).status(ARCHIVED)).allowed()).as("unarchive").isTrue();
    }

    @Test
    void facilityActorsDeleteTheirFacilitysDocumentsOnly() {
        Doc own = Doc.labReport().fromFacility(TestActor.FACILITY);
        assertThat(onDocument(TestActor.SECRETARY, DmpTransaction.TD3_3C, NONE, own).allowed()).isTrue();
        assertThat(onDocument(TestActor.INDIRECT_DOCTOR, DmpTransaction.TD3_3D, NONE, own).allowed()).isTrue();
        Decision other = onDocument(TestActor.SECRETARY, DmpTransaction.TD3_3C, NONE, Doc.labReport());
        assertThat(other.reason()).isEqualTo(DenialReason.NOT_OWN_DOCUMENT);
        assertThat(other.concealsDocument()).isTrue();
    }

    @Test
    void theTreatingDoctorMayNotDeleteAnotherAuthorsDocument() {
        Decision decision = onDocument(TestActor.MT, DmpTransaction.TD3_3C, NONE, Doc.labReport());
        assertThat(decision.reason()).isEqualTo(DenialReason.NOT_AUTHOR);
        assertThat(decision.concealsDocument()).isFalse();
    }

    @Test
    void thePatientsOwnDocumentsAreDeletedOrArchivedOnlyByTheTreatingDoctor() {
        Doc patients = Doc.of(TRE_A05, "DOCPAT03").classCode(AccessPolicy.PATIENT_DOCUMENTS_CLASS);
        assertThat(onDocument(TestActor.MT, DmpTransaction.TD3_3C, NONE, patients).allowed()).isTrue();
        assertThat(onDocument(TestActor.MT, DmpTransaction.TD3_3D, NONE, patients).allowed()).isTrue();
        assertThat(onDocument(TestActor.DOCTOR, DmpTransaction.TD3_3C, ACTIVE, patients).reason())
                .isEqualTo(DenialReason.TREATING_DOCTOR_ONLY);
    }

    @Test
    void deletingADocumentOneMayNotReadIsConcealed() {
        Decision noAuthorization = onDocument(TestActor.NURSE, DmpTransaction.TD3_3C, NONE, Doc.labReport());
        assertThat(noAuthorization.reason()).isEqualTo(DenialReason.DOCUMENT_NOT_VISIBLE);
        assertThat(noAuthorization.concealsDocument()).isTrue();
        Decision deleted = onDocument(TestActor.DOCTOR, DmpTransaction.TD3_3C, ACTIVE,
                Doc.labReport().by(TestActor.DOCTOR).status(AccessPolicy.DELETED_STATUS));
        assertThat(deleted.reason()).isEqualTo(DenialReason.DOCUMENT_DELETED);
    }

    @Test
    void documentManagementIsRefusedInEmergencyModes() {
        assertThat(POLICY.decideOnDocument(TestActor.DOCTOR.in(PurposeOfUse.BRIS_DE_GLACE), DmpTransaction.TD3_3C,
                TestActor.DOCTOR.context(NONE), Doc.labReport().by(TestActor.DOCTOR).facts()).reason())
                .isEqualTo(DenialReason.TRANSACTION_NOT_ALLOWED);
    }

    @Test
    void onlyDocumentTransactionsAreDecidedPerDocument() {
        assertThatThrownBy(() -> onDocument(TestActor.DOCTOR, DmpTransaction.TD2_1, ACTIVE, Doc.labReport()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TD2.1");
    }
}
