package org.opendmp.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * HL7v3 requests of the DMP patient service ({@code /patients}) and the PIXv3 Manager ({@code /pix}),
 * built from the templates in {@code messages/hl7v3/} (shaped after the DMP's example messages), sent
 * in a SOAP 1.2 envelope with WS-Addressing, to which the client adds its signed VIHF (naming the
 * patient of the message's INS id or value), as DMP software sends them. {@link #create} makes a
 * patient known to the server (TD1.1) for any test.
 */
public final class Hl7v3Messages {

    public static final String ACTION_PREFIX = "urn:hl7-org:v3:";
    public static final String LOCAL_DOMAIN = "1.2.250.1.999.77.9";

    private Hl7v3Messages() {
    }

    public static URI patients(DmpServer server) {
        return URI.create("https://localhost:" + server.port() + DmpServer.CONTEXT + "/patients");
    }

    public static URI pix(DmpServer server) {
        return URI.create("https://localhost:" + server.port() + DmpServer.CONTEXT + "/pix");
    }

    // ------------------------------------------------------------------ sending

    /** Sends an HL7v3 body in the SOAP 1.2 envelope; the action is {@code urn:hl7-org:v3:<root element>}. */
    public static SoapResponse send(XdsClient client, URI endpoint, String body) {
        return send(client, endpoint, body, "envelope-soap12.xml", "application/soap+xml; charset=UTF-8");
    }

    /** The same in a SOAP 1.1 envelope. */
    public static SoapResponse sendSoap11(XdsClient client, URI endpoint, String body) {
        return send(client, endpoint, body, "envelope-soap11.xml", "text/xml; charset=UTF-8");
    }

    private static SoapResponse send(XdsClient client, URI endpoint, String body, String envelope, String contentType) {
        String messageId = TestData.uuid();
        String xml = Template.of("hl7v3/" + envelope).with("messageId", messageId).with("to", endpoint.toString())
                .with("action", ACTION_PREFIX + rootName(body)).withXml("body", body).render();
        Xml.parse(xml);
        Map<String, String> headers = contentType.startsWith("text/xml")
                ? Map.of("SOAPAction", "\"" + ACTION_PREFIX + rootName(body) + "\"") : Map.of();
        return client.post(endpoint, contentType, xml.getBytes(StandardCharsets.UTF_8), headers)
                .requestMessageId(messageId);
    }

    private static String rootName(String body) {
        String start = body.substring(body.indexOf('<') + 1);
        return start.substring(0, start.indexOf(' '));
    }

    // ------------------------------------------------------------------ DMP transactions

    /**
     * Creates the patient's DMP over SOAP (TD1.1) and fails unless it is accepted: the way any test
     * makes a patient known to the server.
     */
    public static SoapResponse create(DmpServer server, String nir) {
        return create(new XdsClient(server, MtlsClient.trusted(server.pkiDir())), nir);
    }

    /** {@link #create(DmpServer, String)} with a client at hand. */
    public static SoapResponse create(XdsClient client, String nir) {
        SoapResponse response = send(client, patients(client.server()), creation(nir, false, false));
        assertThat(ackCode(response)).as("TD1.1 of a new patient\n%s", response).isEqualTo("AA");
        return response;
    }

    /** TD1.1 (PRPA_IN201311UV02, CREA_RD) with the patient's consent and these oppositions. */
    public static String creation(String nir, boolean oppositionBrisDeGlace, boolean oppositionAccesUrgence) {
        return creation(nir, "true", oppositionBrisDeGlace, oppositionAccesUrgence);
    }

    public static String creation(String nir, String consent, boolean oppositionBrisDeGlace,
                                  boolean oppositionAccesUrgence) {
        return Template.of("hl7v3/td11-create.xml").with("messageId", UUID.randomUUID()).with("now", TestData.now())
                .with("insRoot", Xds.INS_NIR_TEST_OID).with("nir", nir).with("given", "IRENE")
                .with("family", "ENCHAINE").with("sex", "F").with("birthTime", "19570628").with("consent", consent)
                .with("oppositionBrisDeGlace", oppositionBrisDeGlace)
                .with("oppositionAccesUrgence", oppositionAccesUrgence).render();
    }

    /** PRPA_IN201307UV02: TD0.2 ({@code TEST_EXST}) or TD1.3a ({@code CNSLT_DATA}). */
    public static String demographics(String reasonCode, String root, String nir) {
        return Template.of("hl7v3/prpa-in201307.xml").with("messageId", UUID.randomUUID()).with("now", TestData.now())
                .with("queryId", UUID.randomUUID()).with("reasonCode", reasonCode).with("insRoot", root)
                .with("nir", nir).render();
    }

    public static String existenceTest(String nir) {
        return demographics("TEST_EXST", Xds.INS_NIR_TEST_OID, nir);
    }

    /**
     * PRPA_IN201314UV02: TD1.3b ({@code MODIF_DATA}), TD1.4 ({@code FERM}) or TD1.2 ({@code REAC}).
     *
     * @param person       patientPerson content (XML)
     * @param observations subjectOf elements (XML), or empty
     * @param reasonOf     the control act's reasonOf (XML), or empty
     */
    public static String revision(String reasonCode, String nir, String patientStatus, String person,
                                  String observations, String reasonOf) {
        return Template.of("hl7v3/prpa-in201314.xml").with("messageId", UUID.randomUUID()).with("now", TestData.now())
                .with("reasonCode", reasonCode).with("insRoot", Xds.INS_NIR_TEST_OID).with("nir", nir)
                .with("patientStatus", patientStatus).withXml("person", person)
                .withXml("observations", observations).withXml("reasonOf", reasonOf).render();
    }

    public static final String NAME_ONLY = "<name><family qualifier=\"SP\">ENCHAINE</family><given>IRENE</given></name>";

    public static String closure(String nir) {
        return revision("FERM", nir, "terminated", NAME_ONLY, "", """
                <reasonOf typeCode="RSON">
                  <detectedIssueEvent classCode="ALRT" moodCode="EVN">
                    <code code="FERMETURE_DEMANDE_PATIENT" codeSystem="1.2.250.1.213.4.1.2.4"/>
                    <text>FERMETURE_DEMANDE_PATIENT</text>
                  </detectedIssueEvent>
                </reasonOf>""");
    }

    public static String reactivation(String nir) {
        return revision("REAC", nir, "active", NAME_ONLY, "", "");
    }

    /** An administrativeObservation subjectOf with a BL value. */
    public static String observation(String code, boolean value) {
        return "<subjectOf typeCode=\"SBJ\"><administrativeObservation classCode=\"OBS\" moodCode=\"EVN\">"
                + "<code code=\"" + code + "\" codeSystem=\"1.2.250.1.213.4.1.2.3\"/>"
                + "<value xsi:type=\"BL\" value=\"" + value + "\"/></administrativeObservation></subjectOf>";
    }

    // ------------------------------------------------------------------ IHE ITI-44, ITI-45, ITI-47

    /** ITI-44 add (PRPA_IN201301UV02) of an INS with a local identifier in {@link #LOCAL_DOMAIN}. */
    public static String feed(String nir, String localId, String family) {
        return feedTemplate("hl7v3/iti44-add.xml", nir, localId, family).render();
    }

    /** ITI-44 revise (PRPA_IN201302UV02). */
    public static String revise(String nir, String localId, String family) {
        return feedTemplate("hl7v3/iti44-revise.xml", nir, localId, family).render();
    }

    /** ITI-44 merge (PRPA_IN201304UV02): {@code oldId} of {@code oldRoot} is merged into the INS {@code nir}. */
    public static String merge(String nir, String localId, String oldRoot, String oldId) {
        return feedTemplate("hl7v3/iti44-merge.xml", nir, localId, "MERGED").with("oldRoot", oldRoot)
                .with("oldId", oldId).render();
    }

    private static Template feedTemplate(String template, String nir, String localId, String family) {
        return Template.of(template).with("messageId", UUID.randomUUID()).with("now", TestData.now())
                .with("insRoot", Xds.INS_NIR_TEST_OID).with("nir", nir).with("given", "JEAN").with("family", family)
                .with("sex", "M").with("birthTime", "19800301").with("localRoot", LOCAL_DOMAIN).with("localId", localId);
    }

    /** ITI-45 query of an identifier, restricted to the given data source domains. */
    public static String pixQuery(String root, String id, String... dataSources) {
        StringBuilder sources = new StringBuilder();
        for (String source : dataSources) {
            sources.append("<dataSource><value root=\"").append(Xml.escape(source))
                    .append("\"/><semanticsText>DataSource.id</semanticsText></dataSource>");
        }
        return Template.of("hl7v3/iti45-query.xml").with("messageId", UUID.randomUUID()).with("now", TestData.now())
                .with("queryId", UUID.randomUUID()).with("idRoot", root).with("id", id)
                .withXml("dataSources", sources.toString()).render();
    }

    /** ITI-47 / TD0.5 query by family name. */
    public static String pdqByName(String family) {
        return pdq("<livingSubjectName><value><family>" + Xml.escape(family) + "</family></value>"
                + "<semanticsText>LivingSubject.name</semanticsText></livingSubjectName>");
    }

    /** ITI-47 query with these parameterList elements. */
    public static String pdq(String parameters) {
        return Template.of("hl7v3/iti47-query.xml").with("messageId", UUID.randomUUID()).with("now", TestData.now())
                .with("queryId", UUID.randomUUID()).withXml("parameters", parameters).render();
    }

    // ------------------------------------------------------------------ reading answers

    /** The acknowledgement type (AA, AE, AR), in either the 2008 (element) or the 2009 (attribute) form. */
    public static String ackCode(SoapResponse response) {
        return Xml.value(response.xml(), "string((//hl7:acknowledgement/@typeCode | "
                + "//hl7:acknowledgement/hl7:typeCode/@code)[1])");
    }

    public static String ackDetailCode(SoapResponse response) {
        return Xml.value(response.xml(), "string(//hl7:acknowledgementDetail/hl7:code/@code)");
    }

    public static String ackDetailText(SoapResponse response) {
        return Xml.value(response.xml(), "string(//hl7:acknowledgementDetail/hl7:text)");
    }

    public static String ackDetailLocation(SoapResponse response) {
        return Xml.value(response.xml(), "string(//hl7:acknowledgementDetail/hl7:location)");
    }

    public static String queryResponseCode(SoapResponse response) {
        return Xml.value(response.xml(), "string(//hl7:queryAck/hl7:queryResponseCode/@code)");
    }

    /** The status of the (first) patient of the answer: active or terminated. */
    public static String patientStatus(SoapResponse response) {
        return Xml.value(response.xml(), "string(//hl7:subject1/hl7:patient/hl7:statusCode/@code)");
    }

    /** The BL value of a DMP administrative observation (opposition...) of the answer's patient. */
    public static String observation(SoapResponse response, String code) {
        return Xml.value(response.xml(), "string(//hl7:patient/*/hl7:administrativeObservation[hl7:code/@code='"
                + code + "']/hl7:value/@value)");
    }
}
