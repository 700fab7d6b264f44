package org.opendmp.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;
import org.opendmp.security.tls.DevelopmentPki;
import org.w3c.dom.Element;

/**
 * The DMP's authorizations over the wire: the habilitations service (TD0.3 {@code setAuthorization},
 * TD1.6 {@code listAuthorizationByPatient}), TD0.4 {@code patientList} on the patient service, and the
 * patient portal API (block and unblock a professional, designate the treating doctor, oppositions).
 *
 * <p>The SOAP transactions act for the VIHF's professional. The server under test validates no VIHF yet
 * (no {@code Actor} in the exchange), so they can only be seen refusing: a SOAP 1.2 Sender fault with
 * subcode {@code DMPVihfRequired}, changing nothing. The portal API is the patient's and needs no VIHF,
 * only a client certificate the server is configured to accept (the development PKI's demo client here).
 */
@DmpServerTest
class HabilitationsIT {

    private static final String HABILITATIONS_NS = "urn:si-dmp-habilitations";
    private static final String PATIENTS_NS = "urn:si-dmp-patients";
    private static final String SET_AUTHORIZATION = HABILITATIONS_NS + ":HabilitationsEndPoint:setAuthorization";
    private static final String LIST_AUTHORIZATIONS = HABILITATIONS_NS + ":HabilitationsEndPoint:listAuthorizationByPatient";
    private static final String PATIENT_LIST = PATIENTS_NS + ":PatientSpecificEndPoint:patientList";
    private static final String FAULT_ACTION = "http://www.w3.org/2005/08/addressing/soap/fault";
    private static final String DR_LIBRE = "899900063480";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final XdsClient client;
    private final DmpServer server;
    private final HttpClient portal;

    HabilitationsIT(XdsClient client, DmpServer server) {
        this.client = client;
        this.server = server;
        this.portal = https(MtlsClient.sslContext(server.pkiDir().resolve("client.p12"), server.pkiDir().resolve("ca.pem")));
    }

    // ------------------------------------------------------------------ SOAP without VIHF

    @Test
    void td03WithoutValidatedVihfIsASenderFaultNamingTheVihfAndChangesNothing() throws Exception {
        String nir = TestData.newNir();
        Hl7v3Messages.create(client, nir);

        SoapResponse response = soap(habilitations(), SET_AUTHORIZATION,
                "<setAuthorization xmlns=\"urn:si-dmp-habilitations\"><action>AJOUT</action></setAuthorization>");

        assertVihfRequiredFault(response, HABILITATIONS_NS);
        assertThat(getJson(authorizations(nir)).body()).isEmpty();
    }

    @Test
    void td03WithTheTreatingDoctorRoleWithoutVihfIsTheSameFault() {
        SoapResponse response = soap(habilitations(), SET_AUTHORIZATION, "<setAuthorization xmlns=\"urn:si-dmp-habilitations\">"
                + "<action>SUPPRESSION</action><role>MEDECIN_TRAITANT</role></setAuthorization>");

        assertVihfRequiredFault(response, HABILITATIONS_NS);
    }

    @Test
    void td16WithoutValidatedVihfIsASenderFaultNamingTheVihf() {
        SoapResponse response = soap(habilitations(), LIST_AUTHORIZATIONS,
                "<listAuthorizationByPatient xmlns=\"urn:si-dmp-habilitations\"><mode>TOUTE</mode>"
                        + "</listAuthorizationByPatient>");

        assertVihfRequiredFault(response, HABILITATIONS_NS);
    }

    @Test
    void td04WithoutValidatedVihfIsASenderFaultOnThePatientService() {
        SoapResponse response = soap(Hl7v3Messages.patients(server), PATIENT_LIST,
                "<patientList xmlns=\"urn:si-dmp-patients\"><startDate>20101010202010</startDate>"
                        + "<dateType>LASTDOC</dateType></patientList>");

        assertVihfRequiredFault(response, PATIENTS_NS);
    }

    @Test
    void theHabilitationsServicePublishesItsWsdl() throws Exception {
        HttpResponse<String> wsdl = portal.send(HttpRequest.newBuilder(URI.create(habilitations() + "?wsdl"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(wsdl.statusCode()).isEqualTo(200);
        assertThat(wsdl.body()).contains("targetNamespace=\"urn:si-dmp-habilitations\"", SET_AUTHORIZATION,
                LIST_AUTHORIZATIONS + "Response", "MEDECIN_TRAITANT", "INTERDITE");
    }

    private void assertVihfRequiredFault(SoapResponse response, String namespace) {
        assertThat(response.isFault()).as("a SOAP fault\n%s", response).isTrue();
        assertThat(Xml.value(response.xml(), "normalize-space(//soap12:Fault/soap12:Code/soap12:Value)"))
                .endsWith(":Sender");
        Element subcode = Xml.elements(response.xml(), "//soap12:Fault/soap12:Code/soap12:Subcode/soap12:Value").get(0);
        String qname = subcode.getTextContent().trim();
        String prefix = qname.contains(":") ? qname.substring(0, qname.indexOf(':')) : null;
        assertThat(subcode.lookupNamespaceURI(prefix)).isEqualTo(namespace);
        assertThat(qname.substring(qname.indexOf(':') + 1)).isEqualTo("DMPVihfRequired");
        assertThat(response.faultText()).contains("VIHF").doesNotContain("Exception").doesNotContain("at org.");
        assertThat(response.action()).isEqualTo(FAULT_ACTION);
        assertThat(response.relatesTo()).isEqualTo(response.requestMessageId());
    }

    // ------------------------------------------------------------------ patient portal

    @Test
    void thePatientBlocksAProfessionalAndLiftsTheBlock() throws Exception {
        String nir = TestData.newNir();
        Hl7v3Messages.create(client, nir);

        Json blocked = put(authorizations(nir) + "/" + DR_LIBRE, "{\"mode\":\"INTERDITE\"}");

        assertThat(blocked.status()).as("%s", blocked).isEqualTo(200);
        assertThat(blocked.body().path("professionalId").asText()).isEqualTo(DR_LIBRE);
        assertThat(blocked.body().path("professionalIdType").asText()).isEqualTo("1.2.250.1.71.4.2.1");
        assertThat(blocked.body().path("mode").asText()).isEqualTo("INTERDITE");
        assertThat(blocked.body().path("treatingDoctor").asBoolean()).isFalse();
        Json listed = getJson(authorizations(nir) + "?mode=INTERDITE");
        assertThat(listed.body()).hasSize(1);
        assertThat(listed.body().get(0).path("professionalId").asText()).isEqualTo(DR_LIBRE);
        assertThat(getJson(authorizations(nir) + "?mode=ACTIVE").body()).isEmpty();

        HttpResponse<String> unblocked = send(HttpRequest.newBuilder(URI.create(authorizations(nir) + "/" + DR_LIBRE))
                .DELETE());

        assertThat(unblocked.statusCode()).isEqualTo(204);
        assertThat(getJson(authorizations(nir)).body()).isEmpty();
        Json again = json(send(HttpRequest.newBuilder(URI.create(authorizations(nir) + "/" + DR_LIBRE)).DELETE()));
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.body().path("error").asText()).isEqualTo("not_blocked");
    }

    @Test
    void thePatientDesignatesTheTreatingDoctorAndBlockingThemDropsTheStatus() throws Exception {
        String nir = TestData.newNir();
        Hl7v3Messages.create(client, nir);

        Json designated = put(patientPath(nir) + "/treating-doctor", "{\"professionalId\":\"" + DR_LIBRE + "\"}");

        assertThat(designated.status()).as("%s", designated).isEqualTo(200);
        assertThat(designated.body().path("mode").asText()).isEqualTo("ACTIVE");
        assertThat(designated.body().path("treatingDoctor").asBoolean()).isTrue();
        JsonNode active = getJson(authorizations(nir) + "?mode=ACTIVE").body();
        assertThat(active).hasSize(1);
        assertThat(active.get(0).path("treatingDoctor").asBoolean()).isTrue();

        Json blocked = put(authorizations(nir) + "/" + DR_LIBRE, "{\"mode\":\"INTERDITE\"}");

        assertThat(blocked.body().path("mode").asText()).isEqualTo("INTERDITE");
        assertThat(blocked.body().path("treatingDoctor").asBoolean()).isFalse();
        Json refused = put(patientPath(nir) + "/treating-doctor", "{\"professionalId\":\"" + DR_LIBRE + "\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().path("error").asText()).isEqualTo("blocked_by_patient");
    }

    @Test
    void thePatientsOppositionsAreThoseTheExistenceTestShows() throws Exception {
        String nir = TestData.newNir();
        Hl7v3Messages.create(client, nir);

        Json set = put(patientPath(nir) + "/oppositions", "{\"brisDeGlace\":true,\"centre15\":false}");

        assertThat(set.status()).as("%s", set).isEqualTo(200);
        assertThat(set.body().path("brisDeGlace").asBoolean()).isTrue();
        assertThat(set.body().path("centre15").asBoolean()).isFalse();
        SoapResponse existence = Hl7v3Messages.send(client, Hl7v3Messages.patients(server), Hl7v3Messages.existenceTest(nir));
        assertThat(Hl7v3Messages.observation(existence, "OPPOSITION_BRIS_DE_GLACE")).isEqualTo("true");
        assertThat(Hl7v3Messages.observation(existence, "OPPOSITION_ACCES_URGENCE")).isEqualTo("false");

        put(patientPath(nir) + "/oppositions", "{\"brisDeGlace\":false,\"centre15\":true}");

        JsonNode read = getJson(patientPath(nir) + "/oppositions").body();
        assertThat(read.path("brisDeGlace").asBoolean()).isFalse();
        assertThat(read.path("centre15").asBoolean()).isTrue();
    }

    @Test
    void thePortalRefusesBadRequestsWithJsonErrorsAndChangesNothing() throws Exception {
        String nir = TestData.newNir();
        Hl7v3Messages.create(client, nir);

        assertError(getJson(authorizations(TestData.newNir())), 404, "unknown_patient");
        assertError(getJson(authorizations(TestData.withWrongKey(nir))), 400, "invalid_ins");
        assertError(put(authorizations(nir) + "/" + DR_LIBRE, "{\"mode\":\"ACTIVE\"}"), 400, "invalid_mode");
        assertError(put(authorizations(nir) + "/" + DR_LIBRE, "{\"mode\":"), 400, "invalid_body");
        assertError(put(patientPath(nir) + "/oppositions", "{\"brisDeGlace\":true}"), 400, "invalid_request");
        assertError(put(authorizations(nir) + "/89990006%20OR%201", "{\"mode\":\"INTERDITE\"}"), 400, "invalid_request");
        assertError(getJson(patientPath(nir) + "/documents"), 404, "not_found");
        assertThat(getJson(authorizations(nir)).body()).isEmpty();
        assertThat(getJson(patientPath(nir) + "/oppositions").body().path("brisDeGlace").asBoolean()).isFalse();
    }

    @Test
    void thePortalRefusesAClientWhoseCertificateSubjectIsNotConfigured() throws Exception {
        String nir = TestData.newNir();
        Hl7v3Messages.create(client, nir);
        Path dir = Files.createDirectories(Path.of("target", "habilitations-it"));
        Path keyStore = dir.resolve("foreign-" + server.database() + "-" + UUID.randomUUID() + ".p12");
        DevelopmentPki.ensure(server.pkiDir()).issueClientCertificate("Another clinical software", keyStore);
        HttpClient foreign = https(MtlsClient.sslContext(keyStore, server.pkiDir().resolve("ca.pem")));

        HttpResponse<String> refused = foreign.send(HttpRequest.newBuilder(URI.create(authorizations(nir) + "/" + DR_LIBRE))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"mode\":\"INTERDITE\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(JSON.readTree(refused.body()).path("error").asText()).isEqualTo("forbidden");
        assertThat(getJson(authorizations(nir)).body()).isEmpty();
        SoapResponse soap = Hl7v3Messages.send(new XdsClient(server, new MtlsClient(MtlsClient.sslContext(keyStore,
                server.pkiDir().resolve("ca.pem")))), Hl7v3Messages.patients(server), Hl7v3Messages.existenceTest(nir));
        assertThat(Hl7v3Messages.ackCode(soap)).as("the SOAP services still serve that client").isEqualTo("AA");
    }

    // ------------------------------------------------------------------ helpers

    private URI habilitations() {
        return URI.create("https://localhost:" + server.port() + DmpServer.CONTEXT + "/habilitations");
    }

    private String patientPath(String nir) {
        return "https://localhost:" + server.port() + "/si-dmp-server/v2/portal/patients/" + nir;
    }

    private String authorizations(String nir) {
        return patientPath(nir) + "/authorizations";
    }

    /** A DMP web service request in the SOAP 1.2 envelope DMP software sends (WS-Addressing, a VIHF-like header). */
    private SoapResponse soap(URI endpoint, String action, String body) {
        String messageId = TestData.uuid();
        String xml = Template.of("hl7v3/envelope-soap12.xml").with("messageId", messageId).with("to", endpoint.toString())
                .with("action", action).with("assertionId", UUID.randomUUID()).withXml("body", body).render();
        return client.post(endpoint, "application/soap+xml; charset=UTF-8", xml.getBytes(StandardCharsets.UTF_8),
                Map.of()).requestMessageId(messageId);
    }

    private static HttpClient https(SSLContext context) {
        SSLParameters parameters = new SSLParameters();
        parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(context)
                .sslParameters(parameters).connectTimeout(Duration.ofSeconds(10)).build();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return portal.send(request.timeout(Duration.ofSeconds(30)).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Json getJson(String uri) throws IOException, InterruptedException {
        return json(send(HttpRequest.newBuilder(URI.create(uri)).GET()));
    }

    private Json put(String uri, String body) throws IOException, InterruptedException {
        return json(send(HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))));
    }

    private static Json json(HttpResponse<String> response) throws IOException {
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .as("JSON answer: HTTP %s %s", response.statusCode(), response.body()).startsWith("application/json");
        return new Json(response.statusCode(), JSON.readTree(response.body()), response.body());
    }

    private static void assertError(Json answer, int status, String error) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(status);
        assertThat(answer.body().path("error").asText()).as("%s", answer).isEqualTo(error);
        assertThat(answer.body().path("message").asText()).isNotBlank();
        assertThat(answer.text()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("trace");
    }

    /** A portal answer: status and parsed JSON body. */
    private record Json(int status, JsonNode body, String text) {
        @Override
        public String toString() {
            return "HTTP " + status + " " + text;
        }
    }
}
