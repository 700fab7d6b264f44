package org.opendmp.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * The DMP's authorization transactions as DMP software sends them (SOAP 1.2, WS-Addressing, the client's signed
 * VIHF): TD0.3 {@code setAuthorization} and TD1.6 {@code listAuthorizationByPatient} on {@code /habilitations},
 * TD0.4 {@code patientList} on {@code /patients}. Their bodies name no patient: the VIHF's resource-id does, so
 * callers pass a client view naming the patient ({@link XdsClient#forPatient(TestData.Patient)}).
 */
public final class HabilitationMessages {

    public static final String HABILITATIONS_NS = "urn:si-dmp-habilitations";
    public static final String PATIENTS_NS = "urn:si-dmp-patients";
    public static final String SET_AUTHORIZATION = HABILITATIONS_NS + ":HabilitationsEndPoint:setAuthorization";
    public static final String LIST_AUTHORIZATIONS = HABILITATIONS_NS + ":HabilitationsEndPoint:listAuthorizationByPatient";
    public static final String PATIENT_LIST = PATIENTS_NS + ":PatientSpecificEndPoint:patientList";
    public static final String DMP_OK = "DMPOk";
    /** TD0.3 context of a new authorization. */
    public static final String AUTHORIZATION_ADDED = "Autorisation ajoutée";

    private HabilitationMessages() {
    }

    public static URI habilitations(DmpServer server) {
        return URI.create("https://localhost:" + server.port() + DmpServer.CONTEXT + "/habilitations");
    }

    /** Sends {@code body} to {@code endpoint} in the SOAP 1.2 envelope of the DMP's web services. */
    public static SoapResponse send(XdsClient client, URI endpoint, String action, String body) {
        String messageId = TestData.uuid();
        String xml = Template.of("hl7v3/envelope-soap12.xml").with("messageId", messageId).with("to", endpoint.toString())
                .with("action", action).withXml("body", body).render();
        return client.post(endpoint, "application/soap+xml; charset=UTF-8", xml.getBytes(StandardCharsets.UTF_8),
                Map.of()).requestMessageId(messageId);
    }

    /**
     * TD0.3 for the client's caller on the client's patient.
     *
     * @param action         {@code AJOUT} or {@code SUPPRESSION}
     * @param treatingDoctor whether the request carries role {@code MEDECIN_TRAITANT}
     */
    public static SoapResponse setAuthorization(XdsClient client, String action, boolean treatingDoctor) {
        return send(client, habilitations(client.server()), SET_AUTHORIZATION,
                "<setAuthorization xmlns=\"" + HABILITATIONS_NS + "\"><action>" + action + "</action>"
                        + (treatingDoctor ? "<role>MEDECIN_TRAITANT</role>" : "") + "</setAuthorization>");
    }

    /**
     * TD0.3 {@code AJOUT}: the client's caller declares that {@code patient} authorized them (what DMP software
     * does once the patient agreed); fails unless the DMP answers {@code DMPOk}.
     */
    public static SoapResponse authorize(XdsClient client, TestData.Patient patient) {
        SoapResponse response = setAuthorization(client.forPatient(patient), "AJOUT", false);
        assertThat(status(response)).as("TD0.3 AJOUT\n%s", response).isEqualTo(DMP_OK);
        return response;
    }

    /** TD0.3 {@code AJOUT} with role {@code MEDECIN_TRAITANT}, asserted {@code DMPOk}. */
    public static SoapResponse declareTreatingDoctor(XdsClient client, TestData.Patient patient) {
        SoapResponse response = setAuthorization(client.forPatient(patient), "AJOUT", true);
        assertThat(status(response)).as("TD0.3 AJOUT MEDECIN_TRAITANT\n%s", response).isEqualTo(DMP_OK);
        return response;
    }

    /** TD1.6 with {@code mode} ({@code ACTIVE}, {@code INTERDITE}, {@code TOUTE}), or none when {@code null}. */
    public static SoapResponse listAuthorizations(XdsClient client, String mode) {
        return send(client, habilitations(client.server()), LIST_AUTHORIZATIONS,
                "<listAuthorizationByPatient xmlns=\"" + HABILITATIONS_NS + "\">"
                        + (mode == null ? "" : "<mode>" + mode + "</mode>") + "</listAuthorizationByPatient>");
    }

    /** TD0.4 with these optional filters ({@code null} leaves one out). */
    public static SoapResponse patientList(XdsClient client, String startDate, String dateType) {
        return send(client, Hl7v3Messages.patients(client.server()), PATIENT_LIST,
                "<patientList xmlns=\"" + PATIENTS_NS + "\">"
                        + (startDate == null ? "" : "<startDate>" + startDate + "</startDate>")
                        + (dateType == null ? "" : "<dateType>" + dateType + "</dateType>") + "</patientList>");
    }

    // ------------------------------------------------------------------ reading answers

    /** {@code output/status} of a TD0.3, TD1.6 or TD0.4 answer; empty when there is none (a fault). */
    public static String status(SoapResponse response) {
        return response.isXml() ? Xml.value(response.xml(), "normalize-space(//*[local-name()='output']"
                + "/*[local-name()='status'])") : "";
    }

    /** {@code output/context} of a TD0.3 answer. */
    public static String context(SoapResponse response) {
        return Xml.value(response.xml(), "normalize-space(//*[local-name()='output']/*[local-name()='context'])");
    }

    /** The TD1.6 entries of the answer. */
    public static List<Element> authorizationEntries(SoapResponse response) {
        return Xml.elements(response.xml(), "//*[local-name()='listOfAuthorizationByPatient']");
    }

    /** The TD1.6 entry of {@code professionalId}, or {@code null}. */
    public static Element authorizationEntry(SoapResponse response, String professionalId) {
        return authorizationEntries(response).stream().filter(e -> professionalId.equals(text(e, "nationalId")))
                .findFirst().orElse(null);
    }

    /** The TD0.4 entries of the answer. */
    public static List<Element> patientListEntries(SoapResponse response) {
        return Xml.elements(response.xml(), "//*[local-name()='patientlistData']");
    }

    /** The TD0.4 entry of the patient with this NIR, or {@code null}. */
    public static Element patientListEntry(SoapResponse response, String nir) {
        return patientListEntries(response).stream()
                .filter(e -> nir.equals(Xml.value(e, "normalize-space(*[local-name()='patientIdentifier']"
                        + "/*[local-name()='nationalId'])")))
                .findFirst().orElse(null);
    }

    /** The text of {@code element}'s child {@code localName} (any namespace), or empty. */
    public static String text(Element element, String localName) {
        return Xml.value(element, "normalize-space(*[local-name()='" + localName + "'])");
    }
}
