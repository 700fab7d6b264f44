package org.opendmp.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendmp.conformance.XdsAssertions.assertNothingStored;
import static org.opendmp.conformance.XdsAssertions.assertRegistryError;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The document registry relies on the patient registry: documents only for patients it knows
 * with an open DMP; a closed DMP keeps its documents; a merge moves the subsumed patient's
 * documents to the surviving INS (ITI TF-2a 3.8.4.2.3, ITI TF-2b 3.44.4.2.4).
 */
@DmpServerTest
class PatientIdentityIT {

    private final XdsClient xds;

    PatientIdentityIT(XdsClient xds) {
        this.xds = xds;
    }

    @Test
    @DisplayName("XDSUnknownPatientId for a valid INS the patient registry does not know; nothing stored")
    void refusesDocumentsForAnUnknownPatient() {
        Submission submission = Submission.forPatient(TestData.newPatient()).document(DocumentEntry.create());

        SoapResponse response = xds.provideAndRegister(submission);

        assertRegistryError(response, Xds.XDS_UNKNOWN_PATIENT_ID);
        assertThat(response.errors().get(0).codeContext()).contains("does not know this patient")
                .doesNotContain(submission.patient().nir());
        assertNothingStored(xds, submission);
    }

    @Test
    @DisplayName("ITI-42 follows the same rule as ITI-41: an unknown patient is XDSUnknownPatientId")
    void registerRefusesAnUnknownPatient() {
        Submission submission = Submission.forPatient(TestData.newPatient()).document(DocumentEntry.create());

        assertRegistryError(xds.register(submission), Xds.XDS_UNKNOWN_PATIENT_ID);
        assertNothingStored(xds, submission);
    }

    @Test
    @DisplayName("A DMP closed by TD1.4 refuses new documents (XDSUnknownPatientId, saying so) and keeps the ones it has"
            + " (found again once TD1.2 reopens it)")
    void closedDmpRefusesFeedingAndKeepsItsDocuments() {
        TestData.Patient patient = xds.newPatient();
        Submission before = Submission.forPatient(patient).document(DocumentEntry.create());
        xds.provideAndRegisterSuccessfully(before);

        SoapResponse closure = Hl7v3Messages.send(xds, Hl7v3Messages.patients(xds.server()),
                Hl7v3Messages.closure(patient.nir()));
        assertThat(Hl7v3Messages.ackCode(closure)).as("TD1.4\n%s", closure).isEqualTo("AA");

        Submission after = Submission.forPatient(patient).document(DocumentEntry.create());
        SoapResponse refused = xds.provideAndRegister(after);
        assertRegistryError(refused, Xds.XDS_UNKNOWN_PATIENT_ID);
        assertThat(refused.errors().get(0).codeContext()).contains("DMP is closed");
        // a closed DMP is read by no professional (docs/ACCESS-RULES.md): its documents show once it is reopened
        SoapResponse closedRead = xds.query(StoredQuery.findDocuments(patient.cx()));
        XdsAssertions.assertSecurityFault(closedRead, SecurityHeader.FAILED_AUTHENTICATION);
        assertThat(closedRead.faultReason()).contains("The DMP is closed");
        send(Hl7v3Messages.reactivation(patient.nir()));
        assertThat(xds.findDocuments(patient.cx()).documentUniqueIds())
                .containsExactly(before.documents().get(0).uniqueId());
    }

    @Test
    @DisplayName("TD1.2 reactivation opens the DMP again: documents are accepted")
    void reactivatedDmpAcceptsDocumentsAgain() {
        TestData.Patient patient = xds.newPatient();
        send(Hl7v3Messages.closure(patient.nir()));
        send(Hl7v3Messages.reactivation(patient.nir()));

        xds.provideAndRegisterSuccessfully(Submission.forPatient(patient).document(DocumentEntry.create()));
    }

    @Test
    @DisplayName("ITI-44 merge: the subsumed patient's documents are found under the surviving INS, none under the old one, which is refused")
    void mergeMovesDocumentsToTheSurvivingPatient() {
        TestData.Patient surviving = xds.newPatient();
        TestData.Patient subsumed = xds.newPatient();
        Submission ofSurviving = Submission.forPatient(surviving).document(DocumentEntry.create());
        Submission ofSubsumed = Submission.forPatient(subsumed).document(DocumentEntry.create(), DocumentEntry.create());
        xds.provideAndRegisterSuccessfully(ofSurviving);
        xds.provideAndRegisterSuccessfully(ofSubsumed);

        SoapResponse merge = Hl7v3Messages.send(xds, Hl7v3Messages.pix(xds.server()),
                Hl7v3Messages.merge(surviving.nir(), "IPP-" + surviving.nir(), Xds.INS_NIR_TEST_OID, subsumed.nir()));
        assertThat(Hl7v3Messages.ackCode(merge)).as("ITI-44 merge\n%s", merge).isEqualTo("AA");

        SoapResponse found = xds.findDocuments(surviving.cx());
        assertThat(found.documentUniqueIds()).containsExactlyInAnyOrder(ofSurviving.documents().get(0).uniqueId(),
                ofSubsumed.documents().get(0).uniqueId(), ofSubsumed.documents().get(1).uniqueId());
        assertThat(XdsAssertions.emergencyReader(xds).findDocuments(subsumed.cx()).objectCount()).isZero();

        SoapResponse refused = xds.provideAndRegister(Submission.forPatient(subsumed).document(DocumentEntry.create()));
        assertRegistryError(refused, Xds.XDS_UNKNOWN_PATIENT_ID);
        assertThat(refused.errors().get(0).codeContext()).contains("merged into another");
    }

    @Test
    @DisplayName("ITI-8 A40 over MLLP: a hospital's merge moves the subsumed patient's documents to the surviving INS")
    void a40MergeMovesDocumentsToTheSurvivingPatient() throws Exception {
        TestData.Patient surviving = TestData.newPatient();
        TestData.Patient subsumed = TestData.newPatient();
        Hl7v2Client.feed(xds.server(), surviving);
        Hl7v2Client.feed(xds.server(), subsumed);
        HabilitationMessages.authorize(xds, surviving);
        Submission ofSubsumed = Submission.forPatient(subsumed).document(DocumentEntry.create());
        xds.provideAndRegisterSuccessfully(ofSubsumed);

        Hl7v2Client.Hl7Message ack = Hl7v2Client.send(xds.server(), Hl7v2Client.msh("ADT^A40^ADT_A39", "2.5")
                + "EVN||" + TestData.now() + "\r"
                + "PID|1||" + surviving.cx() + "^NH||TEST^PATIENT^^^^^L\rMRG|" + subsumed.cx() + "^NH\r");
        assertThat(ack.ackCode()).as("%s", ack).isEqualTo("AA");

        assertThat(xds.findDocuments(surviving.cx()).documentUniqueIds())
                .containsExactly(ofSubsumed.documents().get(0).uniqueId());
        assertThat(XdsAssertions.emergencyReader(xds).findDocuments(subsumed.cx()).objectCount()).isZero();
    }

    private void send(String message) {
        SoapResponse response = Hl7v3Messages.send(xds, Hl7v3Messages.patients(xds.server()), message);
        assertThat(Hl7v3Messages.ackCode(response)).as("%s", response).isEqualTo("AA");
    }
}
