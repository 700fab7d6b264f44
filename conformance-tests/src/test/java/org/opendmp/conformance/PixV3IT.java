package org.opendmp.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendmp.conformance.Hl7v3Messages.LOCAL_DOMAIN;
import static org.opendmp.conformance.Hl7v3Messages.ackCode;
import static org.opendmp.conformance.Hl7v3Messages.ackDetailCode;
import static org.opendmp.conformance.Hl7v3Messages.ackDetailLocation;
import static org.opendmp.conformance.Hl7v3Messages.patientStatus;
import static org.opendmp.conformance.Hl7v3Messages.queryResponseCode;
import static org.opendmp.conformance.Xml.assertThatXml;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The PIXv3 Manager over the wire: ITI-44 add, revise and merge acknowledged with
 * MCCI_IN000002UV01 (AA, AE, AR), ITI-45 answered with PRPA_IN201310UV02 under IHE's rules for
 * unknown identifiers and domains.
 */
@DmpServerTest
class PixV3IT {

    private static final String ACK = "/soap12:Envelope/soap12:Body/hl7:MCCI_IN000002UV01";
    private static final String PATIENT = "/soap12:Envelope/soap12:Body/hl7:PRPA_IN201310UV02/hl7:controlActProcess"
            + "/hl7:subject/hl7:registrationEvent/hl7:subject1/hl7:patient";

    private final XdsClient client;
    private final DmpServer server;
    private final URI pix;

    PixV3IT(XdsClient client, DmpServer server) {
        this.client = client;
        this.server = server;
        this.pix = Hl7v3Messages.pix(server);
    }

    private SoapResponse send(String body) {
        return Hl7v3Messages.send(client, pix, body);
    }

    private static List<String> returnedIds(SoapResponse response) {
        return Xml.values(response.xml(), PATIENT + "/hl7:id/@extension");
    }

    @Test
    void iti44AddIsAcknowledgedAaAndIti45ByTheLocalIdReturnsTheIns() {
        String nir = TestData.newNir();
        String localId = "IPP-" + nir;

        SoapResponse added = send(Hl7v3Messages.feed(nir, localId, "DUPONT"));

        assertThat(added.action()).isEqualTo("urn:hl7-org:v3:MCCI_IN000002UV01");
        assertThat(added.relatesTo()).isEqualTo(added.requestMessageId());
        assertThatXml(added.rootText()).hasXPath(ACK + "/hl7:acknowledgement/hl7:typeCode[@code='AA']");
        assertThatXml(added.rootText()).hasXPath(ACK + "/hl7:acknowledgement/hl7:targetMessage/hl7:id[@root='1.2.250.1.999.1.1']");

        SoapResponse query = send(Hl7v3Messages.pixQuery(LOCAL_DOMAIN, localId));

        assertThat(query.action()).isEqualTo("urn:hl7-org:v3:PRPA_IN201310UV02");
        assertThat(ackCode(query)).isEqualTo("AA");
        assertThat(queryResponseCode(query)).isEqualTo("OK");
        assertThatXml(query.rootText()).valueByXPath("string(" + PATIENT + "/hl7:id[@root='" + Xds.INS_NIR_TEST_OID
                + "']/@extension)").isEqualTo(nir);
        assertThat(returnedIds(query)).doesNotContain(localId);
        assertThatXml(query.rootText()).hasXPath("//hl7:controlActProcess/hl7:queryByParameter/hl7:parameterList/hl7:patientIdentifier");
    }

    @Test
    void iti44AddOpensTheDmpThatTd02Finds() {
        String nir = TestData.newNir();
        send(Hl7v3Messages.feed(nir, "IPP-" + nir, "DUPONT"));

        SoapResponse existence = Hl7v3Messages.send(client, Hl7v3Messages.patients(server), Hl7v3Messages.existenceTest(nir));

        assertThat(patientStatus(existence)).isEqualTo("active");
    }

    @Test
    void iti45RestrictedToADataSourceReturnsOnlyThatDomain() {
        String nir = TestData.newNir();
        send(Hl7v3Messages.feed(nir, "IPP-" + nir, "DUPONT"));

        SoapResponse onlyLocal = send(Hl7v3Messages.pixQuery(Xds.INS_NIR_TEST_OID, nir, LOCAL_DOMAIN));

        assertThat(returnedIds(onlyLocal)).containsExactly("IPP-" + nir);
    }

    @Test
    void iti45OfAKnownPatientWithNoIdentifierInTheAskedDomainIsAaNf() {
        String nir = TestData.newNir();
        send(Hl7v3Messages.feed(nir, "IPP-" + nir, "DUPONT"));

        SoapResponse none = send(Hl7v3Messages.pixQuery(LOCAL_DOMAIN, "IPP-" + nir, LOCAL_DOMAIN));

        assertThat(ackCode(none)).isEqualTo("AA");
        assertThat(queryResponseCode(none)).isEqualTo("NF");
        assertThatXml(none.rootText()).doesNotHaveXPath("//hl7:registrationEvent");
    }

    @Test
    void iti45OfAnUnknownIdentifierIsAe204AtThePatientIdentifier() {
        SoapResponse unknown = send(Hl7v3Messages.pixQuery(LOCAL_DOMAIN, "NOBODY-" + TestData.newNir()));

        assertThat(ackCode(unknown)).isEqualTo("AE");
        assertThat(queryResponseCode(unknown)).isEqualTo("AE");
        assertThat(ackDetailCode(unknown)).isEqualTo("204");
        assertThat(ackDetailLocation(unknown)).isEqualTo(
                "/controlActProcess/queryByParameter/parameterList/patientIdentifier/value");
    }

    @Test
    void iti45WithAnUnknownDataSourceIsAe204AtThatDataSource() {
        String nir = TestData.newNir();
        send(Hl7v3Messages.feed(nir, "IPP-" + nir, "DUPONT"));

        SoapResponse unknown = send(Hl7v3Messages.pixQuery(Xds.INS_NIR_TEST_OID, nir, "1.2.250.1.999.404.404"));

        assertThat(ackCode(unknown)).isEqualTo("AE");
        assertThat(ackDetailCode(unknown)).isEqualTo("204");
        assertThat(ackDetailLocation(unknown)).isEqualTo(
                "/controlActProcess/queryByParameter/parameterList/dataSource[1]/value");
    }

    @Test
    void iti44MergeMovesTheLocalIdsAndTheOldInsIsNoLongerKnown() {
        String survivor = TestData.newNir();
        String subsumed = TestData.newNir();
        send(Hl7v3Messages.feed(survivor, "IPP-" + survivor, "DUPONT"));
        send(Hl7v3Messages.feed(subsumed, "IPP-" + subsumed, "DUPONT"));

        SoapResponse merged = send(Hl7v3Messages.merge(survivor, "IPP-" + survivor, Xds.INS_NIR_TEST_OID, subsumed));

        assertThat(ackCode(merged)).as("%s", merged).isEqualTo("AA");
        SoapResponse oldIns = send(Hl7v3Messages.pixQuery(Xds.INS_NIR_TEST_OID, subsumed));
        assertThat(ackCode(oldIns)).isEqualTo("AE");
        assertThat(ackDetailCode(oldIns)).isEqualTo("204");
        SoapResponse oldLocalId = send(Hl7v3Messages.pixQuery(LOCAL_DOMAIN, "IPP-" + subsumed));
        assertThat(returnedIds(oldLocalId)).contains(survivor);
    }

    @Test
    void iti44ReviseOfAKnownPatientIsAaAndOfAnUnknownOneAe204() {
        String nir = TestData.newNir();
        send(Hl7v3Messages.feed(nir, "IPP-" + nir, "DUPONT"));

        assertThat(ackCode(send(Hl7v3Messages.revise(nir, "IPP-" + nir, "DURAND")))).isEqualTo("AA");
        SoapResponse unknown = send(Hl7v3Messages.revise(TestData.newNir(), "IPP-X" + nir, "DURAND"));
        assertThat(ackCode(unknown)).isEqualTo("AE");
        assertThat(ackDetailCode(unknown)).isEqualTo("204");
    }

    @Test
    void iti44WithAWrongInsKeyIsAe102AndAddsNothing() {
        String nir = TestData.newNir();

        SoapResponse refused = send(Hl7v3Messages.feed(TestData.withWrongKey(nir), "IPP-" + nir, "DUPONT"));

        assertThat(ackCode(refused)).isEqualTo("AE");
        assertThat(ackDetailCode(refused)).isEqualTo("102");
        assertThat(ackCode(send(Hl7v3Messages.pixQuery(LOCAL_DOMAIN, "IPP-" + nir)))).isEqualTo("AE");
    }

    @Test
    void iti44ThatDoesNotMatchItsSchemaIsAr() {
        String nir = TestData.newNir();
        String body = Hl7v3Messages.feed(nir, "IPP-" + nir, "DUPONT").replaceFirst("<custodian typeCode=\"CST\">", "<custodian>")
                .replaceFirst("(?s)<custodian>.*?</custodian>", "");

        SoapResponse refused = send(body);

        assertThat(ackCode(refused)).isEqualTo("AR");
        assertThat(ackDetailCode(refused)).isEqualTo("102");
        assertThat(ackCode(send(Hl7v3Messages.pixQuery(LOCAL_DOMAIN, "IPP-" + nir)))).isEqualTo("AE");
    }

    @Test
    void aDmpMessageSentToThePixManagerIsACleanSoapFault() {
        SoapResponse refused = send(Hl7v3Messages.existenceTest(TestData.newNir()));

        assertThat(refused.isFault()).as("%s", refused).isTrue();
        assertThat(refused.faultText()).contains("not the one of the operation").doesNotContain("Exception");
    }
}
