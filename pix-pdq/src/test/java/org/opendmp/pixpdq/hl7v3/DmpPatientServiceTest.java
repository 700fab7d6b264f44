package org.opendmp.pixpdq.hl7v3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendmp.pixpdq.hl7v3.Answers.ack;
import static org.opendmp.pixpdq.hl7v3.Answers.detailCode;
import static org.opendmp.pixpdq.hl7v3.Answers.observation;
import static org.opendmp.pixpdq.hl7v3.Answers.queryResponse;
import static org.opendmp.pixpdq.hl7v3.Answers.value;
import static org.opendmp.pixpdq.hl7v3.Registries.NIR_1;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendmp.pixpdq.habilitation.Habilitations;
import org.opendmp.pixpdq.habilitation.TestActors;
import org.opendmp.pixpdq.patient.Dmp;
import org.opendmp.pixpdq.patient.PatientId;
import org.opendmp.pixpdq.patient.PatientRegistry;
import org.opendmp.security.actor.Actor;

class DmpPatientServiceTest {

    private static final PatientId INS = new PatientId(NIR_1, "1.2.250.1.213.1.4.10");

    private PatientRegistry registry;
    private Habilitations habilitations;
    private DmpPatientService service;

    @BeforeEach
    void freshRegistry() {
        Registries.Dmp dmp = Registries.freshDmp();
        registry = dmp.registry();
        habilitations = dmp.habilitations();
        service = new DmpPatientService(registry, habilitations, Registries.SCHEMAS, Registries.CLOCK);
    }

    private Hl7v3Reply existenceTest() {
        return existenceTest(null);
    }

    private Hl7v3Reply existenceTest(Actor caller) {
        return service.handle(TestMessages.of("prpa-in201307.xml").with("reasonCode", "TEST_EXST").with("nir", NIR_1)
                .element(), caller);
    }

    private static String authorization(Hl7v3Reply reply) {
        return value(reply, "string(/hl7:PRPA_IN201308UV02/hl7:attentionLine[hl7:keyWordText/@code='AUTORISATION']"
                + "/hl7:value/@code)");
    }

    private static String treatingDoctor(Hl7v3Reply reply) {
        return value(reply, "string(/hl7:PRPA_IN201308UV02/hl7:attentionLine[hl7:keyWordText/@code='STATUT_MT']"
                + "/hl7:value/@value)");
    }

    private Hl7v3Reply revision(String reason, String status) {
        return service.handle(TestMessages.of("prpa-in201314.xml").with("reasonCode", reason).with("nir", NIR_1)
                .with("patientStatus", status).with("person", "<name><family qualifier=\"SP\">X</family></name>")
                .with("observations", "").with("reasonOf", "<reasonOf><detectedIssueEvent classCode=\"ALRT\" moodCode=\"EVN\">"
                        + "<code code=\"FERMETURE_DEMANDE_PATIENT\" codeSystem=\"1.2.250.1.213.4.1.2.4\"/>"
                        + "</detectedIssueEvent></reasonOf>").element(), null);
    }

    @Test
    void creationStoresTheOppositionsAndAnswersTheAcceptMessageInTheDmpWrapper() {
        Hl7v3Reply reply = service.handle(TestMessages.creation(NIR_1, true, false).element(), null);

        assertThat(reply.action()).isEqualTo("urn:hl7-org:v3:PRPA_IN201311ResponseUV02");
        assertThat(value(reply, "name(/*)")).isEqualTo("ns2:PRPA_IN201311UV02_Response");
        assertThat(value(reply, "string(/gdp:PRPA_IN201311UV02_Response/hl7:PRPA_IN201312UV02/hl7:acknowledgement/@typeCode)"))
                .isEqualTo("AA");
        Dmp dmp = registry.find(INS).orElseThrow().dmp();
        assertThat(dmp.consent()).isTrue();
        assertThat(dmp.oppositionBrisDeGlace()).isTrue();
        assertThat(dmp.oppositionCentre15()).isFalse();
    }

    @Test
    void theExistenceTestShowsTheStatusTheOppositionsAndTheAuthorization() {
        service.handle(TestMessages.creation(NIR_1, false, true).element(), null);

        Hl7v3Reply reply = existenceTest();

        assertThat(reply.action()).isEqualTo("urn:hl7-org:v3:PRPA_IN201308UV02");
        assertThat(ack(reply)).isEqualTo("AA");
        assertThat(queryResponse(reply)).isEqualTo("OK");
        assertThat(value(reply, "string(//hl7:subject1/hl7:patient/hl7:statusCode/@code)")).isEqualTo("active");
        assertThat(observation(reply, "OPPOSITION_ACCES_URGENCE")).isEqualTo("true");
        assertThat(value(reply, "string(/hl7:PRPA_IN201308UV02/hl7:attentionLine[hl7:keyWordText/@code='AUTORISATION']"
                + "/hl7:value/@code)")).isEqualTo("VALIDE");
    }

    @Test
    void theExistenceTestTellsTheCallerWhetherTheyAreAuthorizedBlockedOrTreatingDoctor() {
        service.handle(TestMessages.creation(NIR_1, false, false).element(), null);
        Actor doctor = TestActors.doctor("899900063480", INS);
        Actor nurse = TestActors.nurse("899900012345", INS);

        assertThat(authorization(existenceTest(doctor))).isEqualTo("NON_EXISTANTE");
        assertThat(treatingDoctor(existenceTest(doctor))).isEqualTo("false");

        habilitations.add(doctor, INS);
        assertThat(authorization(existenceTest(doctor))).isEqualTo("VALIDE");
        assertThat(treatingDoctor(existenceTest(doctor))).isEqualTo("false");

        habilitations.declareTreatingDoctor(doctor, INS);
        assertThat(treatingDoctor(existenceTest(doctor))).isEqualTo("true");

        habilitations.block(INS, "899900012345");
        assertThat(authorization(existenceTest(nurse))).isEqualTo("INTERDITE");
        assertThat(treatingDoctor(existenceTest(nurse))).isEqualTo("false");
    }

    @Test
    void withoutCallerTheExistenceTestAnswersValideAndNotTreatingDoctor() {
        service.handle(TestMessages.creation(NIR_1, false, false).element(), null);
        habilitations.block(INS, "899900063480");

        Hl7v3Reply reply = existenceTest(null);

        assertThat(authorization(reply)).isEqualTo("VALIDE");
        assertThat(treatingDoctor(reply)).isEqualTo("false");
    }

    @Test
    void theExistenceTestOfAPatientWithoutDmpIsNfWithoutPatient() {
        Hl7v3Reply reply = existenceTest();

        assertThat(ack(reply)).isEqualTo("AA");
        assertThat(queryResponse(reply)).isEqualTo("NF");
        assertThat(value(reply, "count(//hl7:patient)")).isEqualTo("0");
    }

    @Test
    void closureTerminatesTheDmpWithItsReasonAndReactivationReopensIt() {
        service.handle(TestMessages.creation(NIR_1, false, false).element(), null);

        Hl7v3Reply closed = revision("FERM", "terminated");

        assertThat(value(closed, "string(/gdp:PRPA_IN201314UV02_Response/hl7:PRPA_IN201315UV02//hl7:patient/hl7:statusCode/@code)"))
                .isEqualTo("terminated");
        assertThat(registry.find(INS).orElseThrow().dmp().closureReason()).isEqualTo("FERMETURE_DEMANDE_PATIENT");
        assertThat(value(existenceTest(), "string(//hl7:subject1/hl7:patient/hl7:statusCode/@code)")).isEqualTo("terminated");

        assertThat(ack(revision("REAC", "active"))).isEqualTo("AA");
        assertThat(registry.find(INS).orElseThrow().dmp().isOpen()).isTrue();
    }

    @Test
    void aRefusedRevisionIsTheRefuseMessageAndChangesNothing() {
        service.handle(TestMessages.creation(NIR_1, false, false).element(), null);

        Hl7v3Reply reply = revision("REAC", "active");

        assertThat(value(reply, "name(/*/*)")).isEqualTo("PRPA_IN201316UV02");
        assertThat(ack(reply)).isEqualTo("AE");
        assertThat(detailCode(reply)).isEqualTo("206");
        assertThat(registry.find(INS).orElseThrow().dmp().isOpen()).isTrue();
    }

    @Test
    void creatingAnExistingDmpIsAe205AndKeepsItsOppositions() {
        service.handle(TestMessages.creation(NIR_1, false, false).element(), null);

        Hl7v3Reply reply = service.handle(TestMessages.creation(NIR_1, true, true).element(), null);

        assertThat(value(reply, "name(/*/*)")).isEqualTo("PRPA_IN201313UV02");
        assertThat(detailCode(reply)).isEqualTo("205");
        assertThat(registry.find(INS).orElseThrow().dmp().oppositionBrisDeGlace()).isFalse();
    }

    @Test
    void modificationChangesTheUsedNameAndOppositionsAndKeepsWhatItLeavesOut() {
        service.handle(TestMessages.creation(NIR_1, false, false).element(), null);

        Hl7v3Reply reply = service.handle(TestMessages.of("prpa-in201314.xml").with("reasonCode", "MODIF_DATA")
                .with("nir", NIR_1).with("patientStatus", "active")
                .with("person", "<name><family qualifier=\"SP\">MARIEE</family></name>").with("reasonOf", "")
                .with("observations", "<subjectOf><administrativeObservation><code code=\"OPPOSITION_BRIS_DE_GLACE\"/>"
                        + "<value xsi:type=\"BL\" value=\"true\"/></administrativeObservation></subjectOf>").element(), null);

        assertThat(ack(reply)).isEqualTo("AA");
        var patient = registry.find(INS).orElseThrow();
        assertThat(patient.traits().usedName()).isEqualTo("MARIEE");
        assertThat(patient.traits().birthName()).isEqualTo("ENCHAINE");
        assertThat(patient.traits().givenNames()).containsExactly("IRENE");
        assertThat(patient.dmp().oppositionBrisDeGlace()).isTrue();
        assertThat(patient.dmp().oppositionCentre15()).isFalse();
    }

    @Test
    void anUnknownReasonCodeIsAr201() {
        Hl7v3Reply reply = revision("SUPPR", "active");

        assertThat(ack(reply)).isEqualTo("AR");
        assertThat(detailCode(reply)).isEqualTo("201");
    }

    @Test
    void pdqFindsByBirthNameAndEchoesTheQuery() {
        service.handle(TestMessages.creation(NIR_1, false, false).element(), null);

        Hl7v3Reply reply = service.handle(TestMessages.of("iti47-query.xml").with("parameters",
                "<livingSubjectName><value><family>ENCHAINE</family></value><semanticsText>LivingSubject.name</semanticsText>"
                        + "</livingSubjectName>").element(), null);

        assertThat(reply.action()).isEqualTo("urn:hl7-org:v3:PRPA_IN201306UV02");
        assertThat(value(reply, "string(/hl7:PRPA_IN201306UV02/hl7:acknowledgement/hl7:typeCode/@code)")).isEqualTo("AA");
        assertThat(value(reply, "string(//hl7:subject1/hl7:patient/hl7:id/@extension)")).isEqualTo(NIR_1);
        assertThat(value(reply, "string(//hl7:queryAck/hl7:resultTotalQuantity/@value)")).isEqualTo("1");
        assertThat(value(reply, "count(//hl7:controlActProcess/hl7:queryByParameter)")).isEqualTo("1");
    }

    private static final String BY_NAME = "<livingSubjectName><value><family>ENCHAINE</family></value>"
            + "<semanticsText>LivingSubject.name</semanticsText></livingSubjectName>";

    private static String scopedTo(String domain) {
        return "<otherIDsScopingOrganization><value root=\"" + domain + "\"/>"
                + "<semanticsText>OtherIDs.scopingOrganization.id</semanticsText></otherIDsScopingOrganization>";
    }

    @Test
    void pdqWithAnUnknownOtherIdsDomainIsAe204AtThatParameter() {
        service.handle(TestMessages.creation(NIR_1, false, false).element(), null);

        Hl7v3Reply reply = service.handle(TestMessages.of("iti47-query.xml")
                .with("parameters", BY_NAME + scopedTo("1.2.250.1.999.404")).element(), null);

        assertThat(value(reply, "string(/hl7:PRPA_IN201306UV02/hl7:acknowledgement/hl7:typeCode/@code)")).isEqualTo("AE");
        assertThat(detailCode(reply)).isEqualTo("204");
        assertThat(queryResponse(reply)).isEqualTo("AE");
        assertThat(value(reply, "count(//hl7:subject1)")).isEqualTo("0");
    }

    @Test
    void pdqWithOtherIdsDomainsReturnsTheInsAndOnlyThoseDomainsIdentifiers() {
        service.handle(TestMessages.creation(NIR_1, false, false).element(), null);
        registry.feed(java.util.List.of(INS, new PatientId("IPP-1", "1.2.250.1.999.5.1"),
                new PatientId("C-2", "1.2.250.1.999.5.2")), registry.find(INS).orElseThrow().traits(), java.util.List.of());

        Hl7v3Reply reply = service.handle(TestMessages.of("iti47-query.xml")
                .with("parameters", BY_NAME + scopedTo("1.2.250.1.999.5.2")).element(), null);

        assertThat(value(reply, "string(/hl7:PRPA_IN201306UV02/hl7:acknowledgement/hl7:typeCode/@code)")).isEqualTo("AA");
        assertThat(value(reply, "count(//hl7:subject1/hl7:patient/hl7:id)")).isEqualTo("2");
        assertThat(value(reply, "string(//hl7:subject1/hl7:patient/hl7:id[2]/@extension)")).isEqualTo("C-2");
    }
}
