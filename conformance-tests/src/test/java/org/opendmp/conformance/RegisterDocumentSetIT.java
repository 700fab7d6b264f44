package org.opendmp.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendmp.conformance.XdsAssertions.assertAddressedResponse;
import static org.opendmp.conformance.XdsAssertions.assertNothingStored;
import static org.opendmp.conformance.XdsAssertions.assertRegistryError;
import static org.opendmp.conformance.XdsAssertions.assertSuccess;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;

/** ITI-42 Register Document Set-b sent directly to the registry endpoint (ITI TF-2b 3.42). */
@DmpServerTest
class RegisterDocumentSetIT {

    /** Another Document Repository registering its documents in this registry. */
    private static final String OTHER_REPOSITORY = "1.2.250.1.999.77.500";

    private final XdsClient xds;

    RegisterDocumentSetIT(XdsClient xds) {
        this.xds = xds;
    }

    @Test
    void registersMetadataCarryingRepositoryUniqueIdHashAndSize() {
        TestData.Patient patient = xds.newPatient();
        DocumentEntry document = DocumentEntry.create().withRegistryAttributes(OTHER_REPOSITORY);

        SoapResponse response = xds.register(Submission.forPatient(patient).document(document));

        assertSuccess(response);
        assertAddressedResponse(response, Xds.ACTION_ITI42);
        Element stored = xds.findDocuments(patient.cx()).extrinsicObject(document.uniqueId());
        assertThat(stored.getAttribute("id")).startsWith("urn:uuid:");
        assertThat(SoapResponse.slotValues(stored, "repositoryUniqueId")).containsExactly(OTHER_REPOSITORY);
        assertThat(SoapResponse.slotValues(stored, "hash")).containsExactly(document.sha1());
        assertThat(SoapResponse.slotValues(stored, "size"))
                .containsExactly(Integer.toString(document.content().length));
    }

    @ParameterizedTest
    @ValueSource(strings = {"size", "hash", "repositoryUniqueId"})
    void rejectsDocumentEntryWithoutAttributeTheRepositoryMustProvide(String attribute) {
        DocumentEntry document = DocumentEntry.create().withRegistryAttributes(OTHER_REPOSITORY).without(attribute);
        Submission submission = Submission.forPatient(xds.newPatient()).document(document);

        assertRegistryError(xds.register(submission), Xds.XDS_REGISTRY_METADATA_ERROR);
        assertNothingStored(xds, submission);
    }

    @Test
    void rejectsDocumentEntryWithoutClassCode() {
        DocumentEntry document = DocumentEntry.create().withRegistryAttributes(OTHER_REPOSITORY).without("classCode");
        Submission submission = Submission.forPatient(xds.newPatient()).document(document);

        assertRegistryError(xds.register(submission), Xds.XDS_REGISTRY_METADATA_ERROR);
        assertNothingStored(xds, submission);
    }

    @Test
    void rejectsDocumentEntryWhosePatientDiffersFromTheSubmissionSet() {
        TestData.Patient someoneElse = xds.newPatient();
        DocumentEntry document = DocumentEntry.create().withRegistryAttributes(OTHER_REPOSITORY)
                .patientId(someoneElse.cx());
        Submission submission = Submission.forPatient(xds.newPatient()).document(document);

        assertRegistryError(xds.register(submission), Xds.XDS_PATIENT_ID_DOES_NOT_MATCH);
        assertNothingStored(xds, submission);
    }
}
