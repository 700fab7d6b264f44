package org.opendmp.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendmp.conformance.Hl7v3Messages.ackCode;
import static org.opendmp.conformance.Hl7v3Messages.ackDetailCode;
import static org.opendmp.conformance.Hl7v3Messages.ackDetailText;
import static org.opendmp.conformance.Hl7v3Messages.observation;
import static org.opendmp.conformance.Hl7v3Messages.patientStatus;
import static org.opendmp.conformance.Hl7v3Messages.queryResponseCode;
import static org.opendmp.conformance.Xml.assertThatXml;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opendmp.security.actor.PurposeOfUse;

/**
 * The DMP patient service over the wire: TD1.1 creation, TD0.2 test of existence, TD1.3a/b read and
 * modify, TD1.4 closure, TD1.2 reactivation and ITI-47 PDQv3 (TD0.5), answered like the DMP (same
 * messages, wrappers and WS-Addressing actions), errors as HL7v3 acknowledgements AE/AR that change
 * nothing, broken XML as a clean SOAP fault.
 *
 * <p>The caller is the demo doctor; closing a DMP (TD1.4) needs his authorization (TD0.3), and PDQ (TD0.5) is
 * for regulating doctors in centre 15 mode, as the access rules say (AccessRulesIT checks the refusals).
 */
@DmpServerTest
class PatientServiceIT {

    private static final String BODY = "/soap12:Envelope/soap12:Body";

    private final XdsClient client;
    private final DmpServer server;
    private final URI patients;

    PatientServiceIT(XdsClient client, DmpServer server) {
        this.client = client;
        this.server = server;
        this.patients = Hl7v3Messages.patients(server);
    }

    private SoapResponse send(String body) {
        return Hl7v3Messages.send(client, patients, body);
    }

    /** TD0.5 as a regulating doctor of the centre 15 sends it. */
    private SoapResponse pdq(String body) {
        return Hl7v3Messages.send(client.as(Vihf.doctor().purposeOfUse(PurposeOfUse.CENTRE_15)), patients, body);
    }

    /** A new DMP (TD1.1) on which the demo doctor is then authorized (TD0.3), as for closing it. */
    private String newAuthorizedDmp() {
        String nir = TestData.newNir();
        Hl7v3Messages.create(server, nir);
        HabilitationMessages.authorize(client, new TestData.Patient(nir, Xds.INS_NIR_TEST_OID));
        return nir;
    }

    // ------------------------------------------------------------------ TD1.1 and TD0.2

    /** Creating a DMP does not authorize its creator: TD0.3 does (HabilitationsIT), hence NON_EXISTANTE. */
    @Test
    void td11CreatesTheDmpWithTheOppositionsThatTd02ThenShows() {
        String nir = TestData.newNir();

        SoapResponse created = send(Hl7v3Messages.creation(nir, true, true));

        assertThat(created.action()).isEqualTo("urn:hl7-org:v3:PRPA_IN201311ResponseUV02");
        assertThat(created.relatesTo()).isEqualTo(created.requestMessageId());
        assertThatXml(created.rootText()).hasXPath(BODY + "/gdp:PRPA_IN201311UV02_Response/hl7:PRPA_IN201312UV02"
                + "[hl7:interactionId/@extension='PRPA_IN201312UV02']/hl7:acknowledgement[@typeCode='AA']");
        assertThatXml(created.rootText()).valueByXPath("string(//hl7:controlActProcess/hl7:reasonCode/@code)")
                .isEqualTo("CREA_RD");
        assertThatXml(created.rootText()).valueByXPath("string(//hl7:registrationEvent/hl7:subject1/hl7:patient/hl7:statusCode/@code)")
                .isEqualTo("active");

        SoapResponse existence = send(Hl7v3Messages.existenceTest(nir));

        assertThat(existence.action()).isEqualTo("urn:hl7-org:v3:PRPA_IN201308UV02");
        assertThat(existence.relatesTo()).isEqualTo(existence.requestMessageId());
        assertThat(ackCode(existence)).isEqualTo("AA");
        assertThat(queryResponseCode(existence)).isEqualTo("OK");
        assertThat(patientStatus(existence)).isEqualTo("active");
        assertThat(observation(existence, "OPPOSITION_BRIS_DE_GLACE")).isEqualTo("true");
        assertThat(observation(existence, "OPPOSITION_ACCES_URGENCE")).isEqualTo("true");
        String message = BODY + "/hl7:PRPA_IN201308UV02";
        assertThatXml(existence.rootText()).hasXPath(message + "/hl7:attentionLine[hl7:keyWordText/@code='AUTORISATION']"
                + "/hl7:value[@code='NON_EXISTANTE']");
        assertThatXml(existence.rootText()).hasXPath(message + "/hl7:attentionLine[hl7:keyWordText/@code='STATUT_MT']");
        assertThatXml(existence.rootText()).valueByXPath("string(" + message + "/hl7:controlActProcess/hl7:subject"
                + "/hl7:registrationEvent/hl7:subject1/hl7:patient/hl7:id[@root='" + Xds.INS_NIR_TEST_OID + "']/@extension)")
                .isEqualTo(nir);
        assertThatXml(existence.rootText()).valueByXPath("string(//hl7:patientPerson/hl7:name/hl7:family[@qualifier='BR'])")
                .isEqualTo("ENCHAINE");
        assertThatXml(existence.rootText()).valueByXPath("string(//hl7:custodian/hl7:assignedEntity/hl7:id/@root)")
                .isEqualTo("1.2.250.1.213.4.1.1.1");
    }

    @Test
    void td02OfAPatientWithoutDmpAnswersNfWithNoPatient() {
        SoapResponse existence = send(Hl7v3Messages.existenceTest(TestData.newNir()));

        assertThat(ackCode(existence)).isEqualTo("AA");
        assertThat(queryResponseCode(existence)).isEqualTo("NF");
        assertThatXml(existence.rootText()).doesNotHaveXPath("//hl7:patient");
    }

    @Test
    void td02OfARootThatIsNoInsAuthorityIsAe204() {
        SoapResponse existence = send(Hl7v3Messages.demographics("TEST_EXST", "1.2.250.1.999.404", "12345"));

        assertThat(ackCode(existence)).isEqualTo("AE");
        assertThat(ackDetailCode(existence)).isEqualTo("204");
        assertThat(queryResponseCode(existence)).isEqualTo("AE");
    }

    @Test
    void td02OfAnInvalidInsIsAe102() {
        SoapResponse existence = send(Hl7v3Messages.existenceTest(TestData.withWrongKey(TestData.newNir())));

        assertThat(ackCode(existence)).isEqualTo("AE");
        assertThat(ackDetailCode(existence)).isEqualTo("102");
        assertThat(ackDetailText(existence)).startsWith("INVALID_INS");
    }

    @Test
    void td11OfAnExistingDmpIsAe205AndChangesNothing() {
        String nir = TestData.newNir();
        send(Hl7v3Messages.creation(nir, false, false));

        SoapResponse again = send(Hl7v3Messages.creation(nir, true, true));

        assertThatXml(again.rootText()).hasXPath(BODY + "/gdp:PRPA_IN201311UV02_Response/hl7:PRPA_IN201313UV02"
                + "/hl7:acknowledgement[@typeCode='AE']/hl7:acknowledgementDetail/hl7:code[@code='205']");
        assertThat(ackDetailText(again)).startsWith("ALREADY_EXISTS");
        SoapResponse existence = send(Hl7v3Messages.existenceTest(nir));
        assertThat(observation(existence, "OPPOSITION_BRIS_DE_GLACE")).isEqualTo("false");
    }

    @Test
    void td11WithoutThePatientsConsentIsAeAndCreatesNothing() {
        String nir = TestData.newNir();

        SoapResponse refused = send(Hl7v3Messages.creation(nir, "false", false, false));

        assertThat(ackCode(refused)).isEqualTo("AE");
        assertThat(ackDetailCode(refused)).isEqualTo("101");
        assertThat(queryResponseCode(send(Hl7v3Messages.existenceTest(nir)))).isEqualTo("NF");
    }

    @Test
    void td11WithAWrongInsKeyIsAe102AndCreatesNothing() {
        String nir = TestData.newNir();

        SoapResponse refused = send(Hl7v3Messages.creation(TestData.withWrongKey(nir), false, false));

        assertThat(ackCode(refused)).isEqualTo("AE");
        assertThat(ackDetailCode(refused)).isEqualTo("102");
        assertThat(queryResponseCode(send(Hl7v3Messages.existenceTest(nir)))).isEqualTo("NF");
    }

    // ------------------------------------------------------------------ TD1.3a and TD1.3b

    @Test
    void td13aReadsTheAdministrativeDataAndAnUnknownPatientIsAe204() {
        String nir = TestData.newNir();
        Hl7v3Messages.create(server, nir);

        SoapResponse read = send(Hl7v3Messages.demographics("CNSLT_DATA", Xds.INS_NIR_TEST_OID, nir));

        assertThat(ackCode(read)).isEqualTo("AA");
        assertThatXml(read.rootText()).valueByXPath("string(//hl7:controlActProcess/hl7:reasonCode/@code)")
                .isEqualTo("CNSLT_DATA");
        assertThatXml(read.rootText()).valueByXPath("string(//hl7:patientPerson/hl7:birthTime/@value)").isEqualTo("19570628");
        assertThatXml(read.rootText()).valueByXPath("string(//hl7:patientPerson/hl7:telecom/@value)")
                .isEqualTo("mailto:patient@example.org");
        assertThatXml(read.rootText()).doesNotHaveXPath("//hl7:attentionLine");

        SoapResponse unknown = send(Hl7v3Messages.demographics("CNSLT_DATA", Xds.INS_NIR_TEST_OID, TestData.newNir()));
        assertThat(ackCode(unknown)).isEqualTo("AE");
        assertThat(ackDetailCode(unknown)).isEqualTo("204");
    }

    @Test
    void td13bChangesTheUsedNameTelecomsAndOppositionsAndKeepsTheBirthName() {
        String nir = TestData.newNir();
        Hl7v3Messages.create(server, nir);

        SoapResponse modified = send(Hl7v3Messages.revision("MODIF_DATA", nir, "active",
                "<name><prefix>Mme</prefix><family qualifier=\"SP\">MARIEE</family><given>IRENE</given></name>"
                        + "<telecom value=\"tel:0607080901\" use=\"MC\"/>",
                Hl7v3Messages.observation("OPPOSITION_BRIS_DE_GLACE", true)
                        + Hl7v3Messages.observation("OPPOSITION_ACCES_URGENCE", false), ""));

        assertThat(modified.action()).isEqualTo("urn:hl7-org:v3:PRPA_IN201314ResponseUV02");
        assertThatXml(modified.rootText()).hasXPath(BODY + "/gdp:PRPA_IN201314UV02_Response/hl7:PRPA_IN201315UV02"
                + "/hl7:acknowledgement[@typeCode='AA']");
        SoapResponse read = send(Hl7v3Messages.demographics("CNSLT_DATA", Xds.INS_NIR_TEST_OID, nir));
        assertThatXml(read.rootText()).valueByXPath("string(//hl7:name/hl7:family[@qualifier='SP'])").isEqualTo("MARIEE");
        assertThatXml(read.rootText()).valueByXPath("string(//hl7:name/hl7:family[@qualifier='BR'])").isEqualTo("ENCHAINE");
        assertThatXml(read.rootText()).valueByXPath("string(//hl7:patientPerson/hl7:telecom/@value)").isEqualTo("tel:0607080901");
        assertThat(observation(read, "OPPOSITION_BRIS_DE_GLACE")).isEqualTo("true");
    }

    @Test
    void td13bOfAnUnknownPatientIsAe204InTheRefuseMessage() {
        SoapResponse refused = send(Hl7v3Messages.revision("MODIF_DATA", TestData.newNir(), "active",
                Hl7v3Messages.NAME_ONLY, "", ""));

        assertThatXml(refused.rootText()).hasXPath(BODY + "/gdp:PRPA_IN201314UV02_Response/hl7:PRPA_IN201316UV02"
                + "/hl7:acknowledgement[@typeCode='AE']/hl7:acknowledgementDetail/hl7:code[@code='204']");
    }

    // ------------------------------------------------------------------ TD1.4 and TD1.2

    @Test
    void td14ClosesTheDmpThenTd02ShowsItTerminatedAndTd12ReopensIt() {
        String nir = newAuthorizedDmp();

        SoapResponse closed = send(Hl7v3Messages.closure(nir));

        assertThat(ackCode(closed)).isEqualTo("AA");
        assertThatXml(closed.rootText()).valueByXPath("string(" + BODY + "/gdp:PRPA_IN201314UV02_Response/hl7:PRPA_IN201315UV02"
                + "/hl7:controlActProcess/hl7:subject/hl7:registrationEvent/hl7:subject1/hl7:patient/hl7:statusCode/@code)")
                .isEqualTo("terminated");
        assertThat(patientStatus(send(Hl7v3Messages.existenceTest(nir)))).isEqualTo("terminated");

        SoapResponse closedAgain = send(Hl7v3Messages.closure(nir));
        assertThat(ackCode(closedAgain)).isEqualTo("AE");
        assertThat(ackDetailText(closedAgain)).startsWith("DMP_CLOSED");
        SoapResponse modifyClosed = send(Hl7v3Messages.revision("MODIF_DATA", nir, "active", Hl7v3Messages.NAME_ONLY, "", ""));
        assertThat(ackCode(modifyClosed)).isEqualTo("AE");
        assertThat(ackDetailCode(modifyClosed)).isEqualTo("206");

        SoapResponse reopened = send(Hl7v3Messages.reactivation(nir));

        assertThat(ackCode(reopened)).isEqualTo("AA");
        assertThat(patientStatus(send(Hl7v3Messages.existenceTest(nir)))).isEqualTo("active");
        SoapResponse reopenedAgain = send(Hl7v3Messages.reactivation(nir));
        assertThat(ackCode(reopenedAgain)).isEqualTo("AE");
        assertThat(ackDetailText(reopenedAgain)).startsWith("DMP_OPEN");
    }

    @Test
    void td14WhosePatientIsNotTerminatedIsAeAndLeavesTheDmpOpen() {
        String nir = newAuthorizedDmp();

        SoapResponse refused = send(Hl7v3Messages.revision("FERM", nir, "active", Hl7v3Messages.NAME_ONLY, "", ""));

        assertThat(ackCode(refused)).isEqualTo("AE");
        assertThat(patientStatus(send(Hl7v3Messages.existenceTest(nir)))).isEqualTo("active");
    }

    @Test
    void anUnknownReasonCodeIsAr201() {
        SoapResponse refused = send(Hl7v3Messages.revision("SUPPR", TestData.newNir(), "active",
                Hl7v3Messages.NAME_ONLY, "", ""));

        assertThat(ackCode(refused)).isEqualTo("AR");
        assertThat(ackDetailCode(refused)).isEqualTo("201");
    }

    // ------------------------------------------------------------------ ITI-47 / TD0.5

    @Test
    void pdqv3FindsAPatientFedByIti44ByName() {
        String family = "PDQ" + TestData.newNir().substring(0, 9).chars()
                .mapToObj(c -> String.valueOf((char) ('A' + (c - '0')))).reduce("", String::concat);
        String nir = TestData.newNir();
        assertThat(ackCode(Hl7v3Messages.send(client, Hl7v3Messages.pix(server),
                Hl7v3Messages.feed(nir, "L" + nir, family)))).isEqualTo("AA");

        SoapResponse found = pdq(Hl7v3Messages.pdqByName(family));

        assertThat(found.action()).isEqualTo("urn:hl7-org:v3:PRPA_IN201306UV02");
        assertThat(ackCode(found)).isEqualTo("AA");
        assertThat(queryResponseCode(found)).isEqualTo("OK");
        String patient = BODY + "/hl7:PRPA_IN201306UV02/hl7:controlActProcess/hl7:subject/hl7:registrationEvent"
                + "/hl7:subject1/hl7:patient";
        assertThatXml(found.rootText()).valueByXPath("string(" + patient + "/hl7:id[@root='" + Xds.INS_NIR_TEST_OID
                + "']/@extension)").isEqualTo(nir);
        assertThatXml(found.rootText()).hasXPath(patient + "/hl7:subjectOf1/hl7:queryMatchObservation");
        assertThatXml(found.rootText()).hasXPath(patient + "/hl7:subjectOf2/hl7:administrativeObservation"
                + "[hl7:code/@code='OPPOSITION_ACCES_URGENCE']");
        assertThatXml(found.rootText()).valueByXPath("string(//hl7:queryAck/hl7:resultCurrentQuantity/@value)").isEqualTo("1");
        assertThatXml(found.rootText()).hasXPath("//hl7:controlActProcess/hl7:queryByParameter/hl7:parameterList/hl7:livingSubjectName");

        SoapResponse none = pdq(Hl7v3Messages.pdqByName(family + "X"));
        assertThat(queryResponseCode(none)).isEqualTo("NF");
    }

    @Test
    void aPdqQueryThatDoesNotMatchItsSchemaIsAr() {
        String body = Hl7v3Messages.pdqByName("DECHAINE").replaceFirst("<statusCode code=\"new\"/>", "");

        SoapResponse refused = pdq(body);

        assertThat(ackCode(refused)).isEqualTo("AR");
        assertThat(ackDetailText(refused)).contains("PRPA_IN201305UV02 schema");
    }

    // ------------------------------------------------------------------ envelopes and broken XML

    @Test
    void aSoap11EnvelopeIsAnsweredInSoap11() {
        SoapResponse existence = Hl7v3Messages.sendSoap11(client, patients, Hl7v3Messages.existenceTest(TestData.newNir()));

        assertThat(Xml.count(existence.xml(), "/soap11:Envelope/soap11:Body/hl7:PRPA_IN201308UV02")).isEqualTo(1);
        assertThat(ackCode(existence)).isEqualTo("AA");
    }

    @Test
    void malformedXmlIsACleanSoapFault() {
        String envelope = Template.of("hl7v3/envelope-soap12.xml").with("messageId", TestData.uuid())
                .with("to", patients.toString()).with("action", "urn:hl7-org:v3:PRPA_IN201307UV02")
                .withXml("body", "<PRPA_IN201307UV02 xmlns=\"urn:hl7-org:v3\"><id></PRPA_IN201307UV02>")
                .render();

        SoapResponse fault = client.post(patients, "application/soap+xml; charset=UTF-8",
                envelope.getBytes(StandardCharsets.UTF_8), Map.of());

        assertThat(fault.isFault()).as("%s", fault).isTrue();
        assertThat(fault.bodyText()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aDoctypeIsRefusedWithACleanSoapFault() {
        String envelope = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + Template.of("hl7v3/envelope-soap12.xml").with("messageId", TestData.uuid())
                        .with("to", patients.toString()).with("action", "urn:hl7-org:v3:PRPA_IN201307UV02")
                        .withXml("body", Hl7v3Messages.existenceTest(TestData.newNir())
                                .replace("<semanticsText>Patient.id</semanticsText>", "<semanticsText>&xxe;</semanticsText>"))
                        .render().replaceFirst("<\\?xml[^>]*\\?>", "");

        SoapResponse fault = client.post(patients, "application/soap+xml; charset=UTF-8",
                envelope.getBytes(StandardCharsets.UTF_8), Map.of());

        assertThat(fault.isFault()).as("%s", fault).isTrue();
        assertThat(fault.bodyText()).doesNotContain("root:");
    }

    @Test
    void theServiceDescribesItselfWithTheProjectsWsdl() throws Exception {
        MtlsClient.HttpResult wsdl = MtlsClient.trusted(server.pkiDir()).get(URI.create(patients + "?wsdl"));

        assertThat(wsdl.status()).isEqualTo(200);
        assertThat(new String(wsdl.body(), StandardCharsets.UTF_8)).contains("PatientRevise_PRPA_IN201314UV02")
                .contains("urn:hl7-org:v3:PRPA_IN201314ResponseUV02");
    }

    @Test
    void noPatientDataReachesTheServerLog() {
        String nir = TestData.newNir();
        send(Hl7v3Messages.creation(nir, false, false));
        send(Hl7v3Messages.creation(nir, false, false));
        send(Hl7v3Messages.closure(nir));

        assertThat(server.logText()).doesNotContain(nir);
    }
}
