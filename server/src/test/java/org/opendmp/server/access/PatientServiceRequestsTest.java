package org.opendmp.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.opendmp.pixpdq.patient.PatientId;
import org.opendmp.security.access.DmpTransaction;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

class PatientServiceRequestsTest {

    @ParameterizedTest(name = "{0} reason {1} is {2}")
    @CsvSource({
            "PRPA_IN201307UV02, TEST_EXST,  TD0_2",
            "PRPA_IN201307UV02, CNSLT_DATA, TD1_3A",
            "PRPA_IN201311UV02, CREA_RD,    TD1_1",
            "PRPA_IN201314UV02, REAC,       TD1_2",
            "PRPA_IN201314UV02, MODIF_DATA, TD1_3B",
            "PRPA_IN201314UV02, FERM,       TD1_4",
            "PRPA_IN201305UV02, '',         TD0_5"})
    void hl7v3InteractionAndReasonNameTheTransaction(String interaction, String reason, DmpTransaction expected) {
        Element message = parse("<" + interaction + " xmlns='urn:hl7-org:v3'><controlActProcess>"
                + (reason.isEmpty() ? "" : "<reasonCode code='" + reason + "'/>") + "</controlActProcess></" + interaction + ">");
        assertThat(PatientServiceRequests.transactionOf(message)).isEqualTo(expected);
    }

    @Test
    void habilitationsOperationsAndPatientList() {
        assertThat(PatientServiceRequests.transactionOf(parse(
                "<setAuthorization xmlns='urn:si-dmp-habilitations'><action>AJOUT</action></setAuthorization>")))
                .isEqualTo(DmpTransaction.TD0_3);
        assertThat(PatientServiceRequests.transactionOf(parse(
                "<listAuthorizationByPatient xmlns='urn:si-dmp-habilitations'/>"))).isEqualTo(DmpTransaction.TD1_6);
        assertThat(PatientServiceRequests.transactionOf(parse("<patientList xmlns='urn:si-dmp-patients'/>")))
                .isEqualTo(DmpTransaction.TD0_4);
        assertThat(PatientServiceRequests.transactionOf(parse("<other xmlns='urn:example'/>"))).isNull();
    }

    @Test
    void onlySuppressionIsARemoval() {
        assertThat(PatientServiceRequests.isRemoval(parse(
                "<setAuthorization xmlns='urn:si-dmp-habilitations'><action> SUPPRESSION </action></setAuthorization>")))
                .isTrue();
        assertThat(PatientServiceRequests.isRemoval(parse(
                "<setAuthorization xmlns='urn:si-dmp-habilitations'><action>AJOUT</action></setAuthorization>")))
                .isFalse();
    }

    @Test
    void theInsIsTheFirstIdUnderAnInsRootAnywhereInTheMessage() {
        Element message = parse("<PRPA_IN201307UV02 xmlns='urn:hl7-org:v3'>"
                + "<sender><device><id root='1.2.250.1.999.1'/></device></sender>"
                + "<controlActProcess><queryByParameter><parameterList><livingSubjectId>"
                + "<value root='1.2.250.1.213.1.4.10' extension='248035938200459'/>"
                + "</livingSubjectId></parameterList></queryByParameter></controlActProcess></PRPA_IN201307UV02>");
        assertThat(PatientServiceRequests.insOf(message))
                .isEqualTo(new PatientId("248035938200459", "1.2.250.1.213.1.4.10"));
        assertThat(PatientServiceRequests.insOf(parse("<PRPA_IN201305UV02 xmlns='urn:hl7-org:v3'>"
                + "<id root='1.2.250.1.999' extension='x'/></PRPA_IN201305UV02>"))).isNull();
    }

    private static Element parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
