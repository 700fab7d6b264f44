package org.opendmp.pixpdq.hl7v3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendmp.pixpdq.hl7v3.Answers.ack;
import static org.opendmp.pixpdq.hl7v3.Answers.detailCode;
import static org.opendmp.pixpdq.hl7v3.Answers.queryResponse;
import static org.opendmp.pixpdq.hl7v3.Answers.value;
import static org.opendmp.pixpdq.hl7v3.Registries.NIR_1;
import static org.opendmp.pixpdq.hl7v3.Registries.NIR_2;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendmp.pixpdq.patient.PatientId;
import org.opendmp.pixpdq.patient.PatientRegistry;

class PixV3ManagerTest {

    private static final String LOCAL = "1.2.250.1.999.9";

    private PatientRegistry registry;
    private PixV3Manager manager;

    @BeforeEach
    void freshRegistry() {
        registry = Registries.fresh();
        manager = new PixV3Manager(registry, Registries.SCHEMAS, Registries.CLOCK);
    }

    private Hl7v3Reply feed(String nir, String localId) {
        return manager.handle(TestMessages.iti44("iti44-add.xml", nir, LOCAL, localId).element());
    }

    private Hl7v3Reply query(String root, String id, String dataSources) {
        return manager.handle(TestMessages.of("iti45-query.xml").with("idRoot", root).with("id", id)
                .with("dataSources", dataSources).element());
    }

    @Test
    void anAddIsAcknowledgedAaAndCrossReferencesTheLocalIdToTheIns() {
        Hl7v3Reply reply = feed(NIR_1, "A1");

        assertThat(reply.action()).isEqualTo("urn:hl7-org:v3:MCCI_IN000002UV01");
        assertThat(value(reply, "string(/hl7:MCCI_IN000002UV01/hl7:acknowledgement/hl7:typeCode/@code)")).isEqualTo("AA");
        assertThat(registry.find(new PatientId("A1", LOCAL)).orElseThrow().ins().id()).isEqualTo(NIR_1);
    }

    @Test
    void aQueryByLocalIdReturnsTheInsButNotTheQueriedId() {
        feed(NIR_1, "A1");

        Hl7v3Reply reply = query(LOCAL, "A1", "");

        assertThat(queryResponse(reply)).isEqualTo("OK");
        assertThat(value(reply, "string(//hl7:subject1/hl7:patient/hl7:id[@root='1.2.250.1.213.1.4.10']/@extension)"))
                .isEqualTo(NIR_1);
        assertThat(value(reply, "count(//hl7:subject1/hl7:patient/hl7:id[@root='" + LOCAL + "'])")).isEqualTo("0");
    }

    @Test
    void anUnknownIdentifierIsAe204LocatedAtThePatientIdentifier() {
        Hl7v3Reply reply = query(LOCAL, "NOBODY", "");

        assertThat(ack(reply)).isEqualTo("AE");
        assertThat(queryResponse(reply)).isEqualTo("AE");
        assertThat(detailCode(reply)).isEqualTo("204");
        assertThat(value(reply, "string(//hl7:acknowledgementDetail/hl7:location)"))
                .isEqualTo("/controlActProcess/queryByParameter/parameterList/patientIdentifier/value");
    }

    @Test
    void anUnknownDataSourceIsAe204LocatedAtThatDataSource() {
        feed(NIR_1, "A1");

        Hl7v3Reply reply = query(LOCAL, "A1", "<dataSource><value root=\"1.2.3.4\"/><semanticsText>DataSource.id</semanticsText></dataSource>");

        assertThat(detailCode(reply)).isEqualTo("204");
        assertThat(value(reply, "string(//hl7:acknowledgementDetail/hl7:location)"))
                .isEqualTo("/controlActProcess/queryByParameter/parameterList/dataSource[1]/value");
    }

    @Test
    void aMergeRetiresTheSubsumedInsAndMovesItsLocalIds() {
        feed(NIR_1, "A1");
        feed(NIR_2, "B1");

        Hl7v3Reply reply = manager.handle(TestMessages.iti44("iti44-merge.xml", NIR_2, LOCAL, "B1")
                .with("oldRoot", "1.2.250.1.213.1.4.10").with("oldId", NIR_1).element());

        assertThat(ack(reply)).isEqualTo("AA");
        assertThat(registry.find(new PatientId(NIR_1, "1.2.250.1.213.1.4.10"))).isEmpty();
        assertThat(registry.find(new PatientId("A1", LOCAL)).orElseThrow().ins().id()).isEqualTo(NIR_2);
    }

    @Test
    void aFeedWithAWrongInsKeyIsAe102AndStoresNothing() {
        Hl7v3Reply reply = feed("207058575627096", "A1");

        assertThat(ack(reply)).isEqualTo("AE");
        assertThat(detailCode(reply)).isEqualTo("102");
        assertThat(registry.find(new PatientId("A1", LOCAL))).isEmpty();
    }

    @Test
    void aFeedThatDoesNotMatchItsSchemaIsAr() {
        var message = TestMessages.iti44("iti44-add.xml", NIR_1, LOCAL, "A1").element();
        var custodian = message.getElementsByTagNameNS(Hl7v3Xml.NS, "custodian").item(0);
        custodian.getParentNode().removeChild(custodian);

        Hl7v3Reply reply = manager.handle(message);

        assertThat(ack(reply)).isEqualTo("AR");
        assertThat(registry.find(new PatientId("A1", LOCAL))).isEmpty();
    }
}
