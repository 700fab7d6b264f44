package org.opendmp.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendmp.conformance.XdsAssertions.assertNothingStored;
import static org.opendmp.conformance.XdsAssertions.assertRegistryError;
import static org.opendmp.conformance.XdsAssertions.assertSuccess;

import org.junit.jupiter.api.Test;

/**
 * Codes checked against the server's affinity domain: the default {@code dmp} profile, the French
 * DMP's value sets (docs/AFFINITY-DOMAIN.md). An unknown code is an XDSRegistryMetadataError naming
 * the attribute and the value, located at the object carrying it.
 */
@DmpServerTest
class AffinityDomainIT {

    /** Another Document Repository registering its documents in this registry (ITI-42). */
    private static final String OTHER_REPOSITORY = "1.2.250.1.999.77.500";
    /** Not a TRE_A03 class code. */
    private static final Code UNKNOWN_CLASS = new Code("77", Xds.TRE_A03_CLASS_CODE, "Classe inconnue");
    /** A LOINC type code sent with the TRE_A05 coding scheme. */
    private static final Code TYPE_WITH_WRONG_SCHEME = new Code("11488-4", "1.2.250.1.213.1.1.4.12", "Note de consultation");

    private final XdsClient xds;

    AffinityDomainIT(XdsClient xds) {
        this.xds = xds;
    }

    @Test
    void acceptsTheDmpCodesOfTheDefaultTestDocument() {
        assertSuccess(xds.provideAndRegister(Submission.forPatient(xds.newPatient()).document(DocumentEntry.create())));
    }

    @Test
    void provideAndRegisterRefusesAnUnknownClassCodeAndStoresNothing() {
        DocumentEntry document = DocumentEntry.create().id("UnknownClass01").classCode(UNKNOWN_CLASS);
        Submission submission = Submission.forPatient(xds.newPatient()).document(document);

        SoapResponse response = xds.provideAndRegister(submission);

        assertRefusedNaming(response, "classCode 77^^" + Xds.TRE_A03_CLASS_CODE, "UnknownClass01");
        assertNothingStored(xds, submission);
    }

    @Test
    void registerRefusesAnUnknownClassCodeAndStoresNothing() {
        DocumentEntry document = DocumentEntry.create().id("UnknownClass02").withRegistryAttributes(OTHER_REPOSITORY)
                .classCode(UNKNOWN_CLASS);
        Submission submission = Submission.forPatient(xds.newPatient()).document(document);

        SoapResponse response = xds.register(submission);

        assertRefusedNaming(response, "classCode 77^^" + Xds.TRE_A03_CLASS_CODE, "UnknownClass02");
        assertNothingStored(xds, submission);
    }

    @Test
    void registerRefusesATypeCodeWithTheWrongCodingSchemeAndStoresNothing() {
        DocumentEntry document = DocumentEntry.create().id("WrongScheme01").withRegistryAttributes(OTHER_REPOSITORY)
                .typeCode(TYPE_WITH_WRONG_SCHEME);
        Submission submission = Submission.forPatient(xds.newPatient()).document(document);

        SoapResponse response = xds.register(submission);

        assertRefusedNaming(response, "typeCode 11488-4^^1.2.250.1.213.1.1.4.12", "WrongScheme01");
        assertNothingStored(xds, submission);
    }

    private static void assertRefusedNaming(SoapResponse response, String attributeAndValue, String location) {
        assertRegistryError(response, Xds.XDS_REGISTRY_METADATA_ERROR);
        SoapResponse.RegistryError error = response.errors().stream()
                .filter(e -> Xds.XDS_REGISTRY_METADATA_ERROR.equals(e.errorCode())).findFirst().orElseThrow();
        assertThat(error.codeContext()).as("codeContext of %s", response)
                .startsWith(attributeAndValue + " is not in the affinity domain's value set ");
        assertThat(error.location()).as("location of %s", response).isEqualTo(location);
    }
}
