package org.opendmp.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendmp.conformance.HabilitationMessages.DMP_OK;
import static org.opendmp.conformance.HabilitationMessages.HABILITATIONS_NS;
import static org.opendmp.conformance.HabilitationMessages.LIST_AUTHORIZATIONS;
import static org.opendmp.conformance.HabilitationMessages.SET_AUTHORIZATION;
import static org.opendmp.conformance.HabilitationMessages.context;
import static org.opendmp.conformance.HabilitationMessages.status;
import static org.opendmp.conformance.HabilitationMessages.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opendmp.security.tls.DevelopmentPki;
import org.w3c.dom.Element;

/**
 * The DMP's authorizations over the wire, with signed VIHFs: the habilitations service (TD0.3
 * {@code setAuthorization}, TD1.6 {@code listAuthorizationByPatient}), TD0.4 {@code patientList} on the patient
 * service, what TD0.2 (test of existence) says of the caller's authorization, and the patient portal API (block
 * and unblock a professional, designate the treating doctor, oppositions).
 *
 * <p>The SOAP transactions act for the VIHF's professional on the VIHF's patient (resource-id); their bodies name
 * no patient. The caller is the demo doctor ({@link Vihf#doctor()}, a general practitioner: profession 10,
 * specialty SM26) unless a test says otherwise.
 */
@DmpServerTest
class HabilitationsIT {

    private static final String FAULT_ACTION = "http://www.w3.org/2005/08/addressing/soap/fault";
    private static final String DR_LIBRE = "899900063480";
    private static final DateTimeFormatter DTM = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private final XdsClient xds;
    private final DmpServer server;
    private final PatientPortal portal;

    HabilitationsIT(XdsClient xds, DmpServer server) {
        this.xds = xds;
        this.server = server;
        this.portal = new PatientPortal(server);
    }

    // ------------------------------------------------------------------ TD0.3 and TD0.2

    @Test
    void td02BeforeAnyTd03SaysTheCallerHasNoAuthorizationAndIsNotTheTreatingDoctor() {
        TestData.Patient patient = xds.newPatientWithoutAuthorization();

        SoapResponse existence = existenceTest(xds, patient);

        assertThat(authorizationOf(existence)).isEqualTo("NON_EXISTANTE");
        assertThat(treatingDoctorStatusOf(existence)).isEqualTo("false");
    }

    @Test
    void td03AddsTheCallersAuthorizationOnceAndTd02AndThePortalThenShowIt() {
        TestData.Patient patient = xds.newPatientWithoutAuthorization();

        SoapResponse added = HabilitationMessages.setAuthorization(xds.forPatient(patient), "AJOUT", false);

        assertThat(added.isFault()).as("%s", added).isFalse();
        assertThat(added.action()).isEqualTo(SET_AUTHORIZATION + "Response");
        assertThat(added.relatesTo()).isEqualTo(added.requestMessageId());
        assertThat(status(added)).isEqualTo(DMP_OK);
        assertThat(context(added)).isEqualTo("Autorisation ajoutée");

        SoapResponse again = HabilitationMessages.setAuthorization(xds.forPatient(patient), "AJOUT", false);

        assertThat(status(again)).as("%s", again).isEqualTo(DMP_OK);
        assertThat(context(again)).isEqualTo("Autorisation déjà présente aucune action effectuée");
        SoapResponse existence = existenceTest(xds, patient);
        assertThat(authorizationOf(existence)).isEqualTo("VALIDE");
        assertThat(treatingDoctorStatusOf(existence)).isEqualTo("false");
        JsonNode entries = portal.getJson(portal.authorizations(patient.nir()) + "?mode=ACTIVE").body();
        assertThat(entries).hasSize(1);
        JsonNode entry = entries.get(0);
        assertThat(entry.path("professionalId").asText()).isEqualTo(Vihf.DOCTOR_ID);
        assertThat(entry.path("professionalIdType").asText()).isEqualTo("1.2.250.1.71.4.2.1");
        assertThat(entry.path("mode").asText()).isEqualTo("ACTIVE");
        assertThat(entry.path("professionCode").asText()).isEqualTo("10");
        assertThat(entry.path("specialtyCode").asText()).isEqualTo("SM26");
        assertThat(entry.path("codeSpeciality").asText()).isEqualTo("G15_10/SM26");
        assertThat(entry.path("facilityId").asText()).isEqualTo(Vihf.FACILITY_ID);
        assertThat(entry.path("treatingDoctor").asBoolean()).isFalse();
    }

    @Test
    void td03DeclaresTheTreatingDoctorWhomTd02AndTd16ShowThenGivesStatusAndAuthorizationUp() {
        TestData.Patient patient = xds.newPatientWithoutAuthorization();
        XdsClient doctor = xds.forPatient(patient);

        SoapResponse declared = HabilitationMessages.setAuthorization(doctor, "AJOUT", true);

        assertThat(status(declared)).as("%s", declared).isEqualTo(DMP_OK);
        assertThat(context(declared)).isEqualTo("Déclaration de médecin traitant enregistrée");
        SoapResponse existence = existenceTest(xds, patient);
        assertThat(authorizationOf(existence)).as("the treating doctor is authorized").isEqualTo("VALIDE");
        assertThat(treatingDoctorStatusOf(existence)).isEqualTo("true");
        Element listed = HabilitationMessages.authorizationEntry(listAuthorizations(doctor, "ACTIVE"), Vihf.DOCTOR_ID);
        assertThat(listed).as("the doctor in TD1.6").isNotNull();
        assertThat(text(listed, "specificRight")).isEqualTo("MEDECIN_TRAITANT");

        SoapResponse withdrawn = HabilitationMessages.setAuthorization(doctor, "SUPPRESSION", true);

        assertThat(status(withdrawn)).as("%s", withdrawn).isEqualTo(DMP_OK);
        assertThat(context(withdrawn)).isEqualTo("Statut de médecin traitant retiré");
        SoapResponse afterWithdrawal = existenceTest(xds, patient);
        assertThat(authorizationOf(afterWithdrawal)).as("still authorized").isEqualTo("VALIDE");
        assertThat(treatingDoctorStatusOf(afterWithdrawal)).isEqualTo("false");
        Element stillListed = HabilitationMessages.authorizationEntry(listAuthorizations(doctor, "ACTIVE"), Vihf.DOCTOR_ID);
        assertThat(text(stillListed, "specificRight")).isEmpty();

        SoapResponse removed = HabilitationMessages.setAuthorization(doctor, "SUPPRESSION", false);

        assertThat(status(removed)).as("%s", removed).isEqualTo(DMP_OK);
        assertThat(context(removed)).isEqualTo("Autorisation supprimée");
        assertThat(authorizationOf(existenceTest(xds, patient))).isEqualTo("NON_EXISTANTE");
        assertThat(portal.getJson(portal.authorizations(patient.nir())).body()).isEmpty();
    }

    @Test
    void aNurseCannotDeclareHerselfTreatingDoctorAndNothingChanges() {
        TestData.Patient patient = xds.newPatientWithoutAuthorization();

        SoapResponse refused = HabilitationMessages.setAuthorization(xds.as(Vihf.nurse()).forPatient(patient), "AJOUT",
                true);

        assertDmpFault(refused, HABILITATIONS_NS, "DMPNotADoctor");
        assertThat(portal.getJson(portal.authorizations(patient.nir())).body()).isEmpty();
    }

    @Test
    void aProfessionalThePatientBlockedCannotAuthorizeThemselvesAndTd02SaysInterdite() {
        TestData.Patient patient = xds.newPatient();
        portal.block(patient.nir(), Vihf.DOCTOR_ID);

        SoapResponse refused = HabilitationMessages.setAuthorization(xds.forPatient(patient), "AJOUT", false);

        // the access rules refuse TD0.3 to a blocked professional before the service would (DMPAccessBlockedByPatient)
        XdsAssertions.assertSecurityFault(refused, SecurityHeader.FAILED_AUTHENTICATION);
        assertThat(refused.faultReason()).startsWith("access denied:").contains("blocked by the patient");
        SoapResponse treatingDoctor = HabilitationMessages.setAuthorization(xds.forPatient(patient), "AJOUT", true);
        XdsAssertions.assertSecurityFault(treatingDoctor, SecurityHeader.FAILED_AUTHENTICATION);
        assertThat(treatingDoctor.faultReason()).contains("blocked by the patient");
        // removing one's own authorization cannot lift the patient's block
        SoapResponse removal = HabilitationMessages.setAuthorization(xds.forPatient(patient), "SUPPRESSION", false);
        assertThat(status(removal)).as("%s", removal).isEqualTo(DMP_OK);
        assertThat(authorizationOf(existenceTest(xds, patient))).isEqualTo("INTERDITE");
        JsonNode entries = portal.getJson(portal.authorizations(patient.nir())).body();
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.path("professionalId").asText()).isEqualTo(Vihf.DOCTOR_ID);
            assertThat(entry.path("mode").asText()).isEqualTo("INTERDITE");
        });
    }

    @Test
    void td03ForAPatientWithoutDmpIsDmpPatientNotFound() {
        TestData.Patient unknown = TestData.newPatient();

        SoapResponse refused = HabilitationMessages.setAuthorization(xds.forPatient(unknown), "AJOUT", false);

        assertDmpFault(refused, HABILITATIONS_NS, "DMPPatientNotFound");
        assertThat(refused.bodyText()).doesNotContain(unknown.nir());
    }

    // ------------------------------------------------------------------ TD1.6

    @Test
    void td16ListsAuthorizedProfessionalsThenBlockedOnesByMode() {
        TestData.Patient patient = xds.newPatientWithoutAuthorization();
        XdsClient doctor = xds.forPatient(patient);
        HabilitationMessages.declareTreatingDoctor(xds, patient);
        portal.block(patient.nir(), DR_LIBRE);

        SoapResponse active = listAuthorizations(doctor, "ACTIVE");
        SoapResponse blocked = listAuthorizations(doctor, "INTERDITE");
        SoapResponse all = listAuthorizations(doctor, "TOUTE");
        SoapResponse byDefault = listAuthorizations(doctor, null);

        assertThat(active.action()).isEqualTo(LIST_AUTHORIZATIONS + "Response");
        assertThat(active.relatesTo()).isEqualTo(active.requestMessageId());
        assertThat(nationalIds(active)).containsExactly(Vihf.DOCTOR_ID);
        assertThat(nationalIds(blocked)).containsExactly(DR_LIBRE);
        assertThat(nationalIds(all)).as("authorized first").containsExactly(Vihf.DOCTOR_ID, DR_LIBRE);
        assertThat(nationalIds(byDefault)).containsExactly(Vihf.DOCTOR_ID, DR_LIBRE);
        Element entry = HabilitationMessages.authorizationEntry(all, Vihf.DOCTOR_ID);
        assertThat(text(entry, "nationalIdType")).isEqualTo("1.2.250.1.71.4.2.1");
        assertThat(text(entry, "firstName")).isEqualTo("Dr");
        assertThat(text(entry, "lastName")).isEqualTo("Demo");
        assertThat(text(entry, "codeSpeciality")).isEqualTo("G15_10/SM26");
        assertThat(text(entry, "libSpeciality")).isNotEmpty();
        assertThat(text(entry, "startOfAuthorization")).matches("\\d{14}");
        assertThat(text(entry, "lastActionDate")).matches("\\d{14}");
        assertThat(text(entry, "mode")).isEqualTo("ACTIVE");
        assertThat(text(entry, "specificRight")).isEqualTo("MEDECIN_TRAITANT");
        Element blockedEntry = HabilitationMessages.authorizationEntry(all, DR_LIBRE);
        assertThat(text(blockedEntry, "mode")).isEqualTo("INTERDITE");
        assertThat(text(blockedEntry, "specificRight")).isEmpty();
        assertThat(status(all)).isEqualTo(DMP_OK);
    }

    // ------------------------------------------------------------------ TD0.4

    @Test
    void td04ListsTheCallersPatientsWithTheTreatingDoctorFlagFilteredByAuthorizationOrLastDocument()
            throws InterruptedException {
        TestData.Patient treated = xds.newPatientWithoutAuthorization();
        TestData.Patient authorized = xds.newPatientWithoutAuthorization();
        Instant beforeTreated = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        HabilitationMessages.declareTreatingDoctor(xds, treated);
        Thread.sleep(1100); // authorizations are kept to the second
        Instant beforeAuthorized = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        HabilitationMessages.authorize(xds, authorized);
        Submission fed = Submission.forPatient(treated).submissionTime("20250102030405").document(DocumentEntry.create());
        xds.provideAndRegisterSuccessfully(fed);

        SoapResponse list = HabilitationMessages.patientList(xds, null, null);

        assertThat(list.action()).isEqualTo(HabilitationMessages.PATIENT_LIST + "Response");
        assertThat(list.relatesTo()).isEqualTo(list.requestMessageId());
        assertThat(status(list)).as("%s", list).isEqualTo(DMP_OK);
        Element treatedEntry = HabilitationMessages.patientListEntry(list, treated.nir());
        Element authorizedEntry = HabilitationMessages.patientListEntry(list, authorized.nir());
        assertThat(treatedEntry).as("the treated patient in %s", list).isNotNull();
        assertThat(authorizedEntry).as("the other patient in %s", list).isNotNull();
        assertThat(text(treatedEntry, "MT")).isEqualTo("true");
        assertThat(text(authorizedEntry, "MT")).isEqualTo("false");
        assertThat(Xml.value(treatedEntry, "normalize-space(*[local-name()='patientIdentifier']"
                + "/*[local-name()='nationalIdType'])")).isEqualTo(Xds.INS_NIR_TEST_OID);
        assertThat(text(treatedEntry, "lastName")).isEqualTo("ENCHAINE");
        assertThat(text(treatedEntry, "firstName")).isEqualTo("IRENE");
        assertThat(text(treatedEntry, "dateOfBirth")).isEqualTo("19570628");
        assertThat(text(treatedEntry, "lastAddDate")).as("the SubmissionSet's submissionTime").isEqualTo("20250102030405");
        assertThat(text(authorizedEntry, "lastAddDate")).as("no document yet").isEmpty();

        assertThat(listed(HabilitationMessages.patientList(xds, DTM.format(beforeTreated), "LASTAUTORIZATION"),
                treated, authorized)).containsExactly(treated.nir(), authorized.nir());
        assertThat(listed(HabilitationMessages.patientList(xds, DTM.format(beforeAuthorized), "LASTAUTORIZATION"),
                treated, authorized)).containsExactly(authorized.nir());
        assertThat(listed(HabilitationMessages.patientList(xds, DTM.format(beforeAuthorized), null),
                treated, authorized)).as("LASTAUTORIZATION by default").containsExactly(authorized.nir());
        assertThat(listed(HabilitationMessages.patientList(xds, "20250102030405", "LASTDOC"), treated, authorized))
                .containsExactly(treated.nir());
        assertThat(listed(HabilitationMessages.patientList(xds, "20250102030406", "LASTDOC"), treated, authorized))
                .isEmpty();
    }

    /** Which of {@code candidates} a TD0.4 answer lists (the demo doctor has other patients in this run). */
    private static List<String> listed(SoapResponse list, TestData.Patient... candidates) {
        assertThat(status(list)).as("%s", list).isEqualTo(DMP_OK);
        return List.of(candidates).stream().map(TestData.Patient::nir)
                .filter(nir -> HabilitationMessages.patientListEntry(list, nir) != null).toList();
    }

    // ------------------------------------------------------------------ without VIHF

    @Test
    void withoutVihfTheAuthorizationTransactionsAreRefusedAndChangeNothing() {
        TestData.Patient patient = xds.newPatientWithoutAuthorization();
        XdsClient anonymous = xds.forPatient(patient).withoutVihf();

        SoapResponse td03 = HabilitationMessages.setAuthorization(anonymous, "AJOUT", false);
        SoapResponse td03TreatingDoctor = HabilitationMessages.setAuthorization(anonymous, "AJOUT", true);
        SoapResponse td16 = HabilitationMessages.listAuthorizations(anonymous, "TOUTE");
        SoapResponse td04 = HabilitationMessages.patientList(anonymous, "20101010202010", "LASTDOC");

        for (SoapResponse refused : List.of(td03, td03TreatingDoctor, td16, td04)) {
            XdsAssertions.assertSecurityFault(refused, SecurityHeader.INVALID_SECURITY);
            assertThat(refused.faultReason()).contains("VIHF");
            assertThat(refused.action()).isEqualTo(FAULT_ACTION);
            assertThat(refused.relatesTo()).isEqualTo(refused.requestMessageId());
        }
        assertThat(portal.getJson(portal.authorizations(patient.nir())).body()).isEmpty();
    }

    @Test
    void theHabilitationsServicePublishesItsWsdl() {
        HttpResponse<String> wsdl = portal.send(HttpRequest.newBuilder(
                URI.create(HabilitationMessages.habilitations(server) + "?wsdl")).GET());

        assertThat(wsdl.statusCode()).isEqualTo(200);
        assertThat(wsdl.body()).contains("targetNamespace=\"urn:si-dmp-habilitations\"", SET_AUTHORIZATION,
                LIST_AUTHORIZATIONS + "Response", "MEDECIN_TRAITANT", "INTERDITE");
    }

    // ------------------------------------------------------------------ patient portal

    @Test
    void thePatientBlocksAProfessionalAndLiftsTheBlock() {
        String nir = TestData.newNir();
        Hl7v3Messages.create(xds, nir);

        PatientPortal.Json blocked = portal.block(nir, DR_LIBRE);

        assertThat(blocked.body().path("professionalId").asText()).isEqualTo(DR_LIBRE);
        assertThat(blocked.body().path("professionalIdType").asText()).isEqualTo("1.2.250.1.71.4.2.1");
        assertThat(blocked.body().path("mode").asText()).isEqualTo("INTERDITE");
        assertThat(blocked.body().path("treatingDoctor").asBoolean()).isFalse();
        PatientPortal.Json listed = portal.getJson(portal.authorizations(nir) + "?mode=INTERDITE");
        assertThat(listed.body()).hasSize(1);
        assertThat(listed.body().get(0).path("professionalId").asText()).isEqualTo(DR_LIBRE);
        assertThat(portal.getJson(portal.authorizations(nir) + "?mode=ACTIVE").body()).isEmpty();

        portal.unblock(nir, DR_LIBRE);

        assertThat(portal.getJson(portal.authorizations(nir)).body()).isEmpty();
        PatientPortal.Json again = portal.delete(portal.authorizations(nir) + "/" + DR_LIBRE);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.body().path("error").asText()).isEqualTo("not_blocked");
    }

    @Test
    void thePatientDesignatesTheTreatingDoctorAndBlockingThemDropsTheStatus() {
        String nir = TestData.newNir();
        Hl7v3Messages.create(xds, nir);

        PatientPortal.Json designated = portal.designateTreatingDoctor(nir, DR_LIBRE);

        assertThat(designated.body().path("mode").asText()).isEqualTo("ACTIVE");
        assertThat(designated.body().path("treatingDoctor").asBoolean()).isTrue();
        JsonNode active = portal.getJson(portal.authorizations(nir) + "?mode=ACTIVE").body();
        assertThat(active).hasSize(1);
        assertThat(active.get(0).path("treatingDoctor").asBoolean()).isTrue();

        PatientPortal.Json blocked = portal.block(nir, DR_LIBRE);

        assertThat(blocked.body().path("mode").asText()).isEqualTo("INTERDITE");
        assertThat(blocked.body().path("treatingDoctor").asBoolean()).isFalse();
        PatientPortal.Json refused = portal.put(portal.patientPath(nir) + "/treating-doctor",
                "{\"professionalId\":\"" + DR_LIBRE + "\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().path("error").asText()).isEqualTo("blocked_by_patient");
    }

    @Test
    void thePatientsOppositionsAreThoseTheExistenceTestShows() {
        String nir = TestData.newNir();
        Hl7v3Messages.create(xds, nir);

        PatientPortal.Json set = portal.oppose(nir, true, false);

        assertThat(set.body().path("brisDeGlace").asBoolean()).isTrue();
        assertThat(set.body().path("centre15").asBoolean()).isFalse();
        SoapResponse existence = Hl7v3Messages.send(xds, Hl7v3Messages.patients(server), Hl7v3Messages.existenceTest(nir));
        assertThat(Hl7v3Messages.observation(existence, "OPPOSITION_BRIS_DE_GLACE")).isEqualTo("true");
        assertThat(Hl7v3Messages.observation(existence, "OPPOSITION_ACCES_URGENCE")).isEqualTo("false");

        portal.oppose(nir, false, true);

        JsonNode read = portal.getJson(portal.patientPath(nir) + "/oppositions").body();
        assertThat(read.path("brisDeGlace").asBoolean()).isFalse();
        assertThat(read.path("centre15").asBoolean()).isTrue();
    }

    @Test
    void thePortalRefusesBadRequestsWithJsonErrorsAndChangesNothing() {
        String nir = TestData.newNir();
        Hl7v3Messages.create(xds, nir);

        assertError(portal.getJson(portal.authorizations(TestData.newNir())), 404, "unknown_patient");
        assertError(portal.getJson(portal.authorizations(TestData.withWrongKey(nir))), 400, "invalid_ins");
        assertError(portal.put(portal.authorizations(nir) + "/" + DR_LIBRE, "{\"mode\":\"ACTIVE\"}"), 400, "invalid_mode");
        assertError(portal.put(portal.authorizations(nir) + "/" + DR_LIBRE, "{\"mode\":"), 400, "invalid_body");
        assertError(portal.put(portal.patientPath(nir) + "/oppositions", "{\"brisDeGlace\":true}"), 400, "invalid_request");
        assertError(portal.put(portal.authorizations(nir) + "/89990006%20OR%201", "{\"mode\":\"INTERDITE\"}"), 400,
                "invalid_request");
        assertError(portal.getJson(portal.patientPath(nir) + "/documents"), 404, "not_found");
        assertThat(portal.getJson(portal.authorizations(nir)).body()).isEmpty();
        assertThat(portal.getJson(portal.patientPath(nir) + "/oppositions").body().path("brisDeGlace").asBoolean())
                .isFalse();
    }

    @Test
    void thePortalRefusesAClientWhoseCertificateSubjectIsNotConfigured() throws Exception {
        String nir = TestData.newNir();
        Hl7v3Messages.create(xds, nir);
        Path dir = Files.createDirectories(Path.of("target", "habilitations-it"));
        Path keyStore = dir.resolve("foreign-" + server.database() + "-" + UUID.randomUUID() + ".p12");
        DevelopmentPki.ensure(server.pkiDir()).issueClientCertificate("Another clinical software", keyStore);
        HttpClient foreign = PatientPortal.https(MtlsClient.sslContext(keyStore, server.pkiDir().resolve("ca.pem")));

        HttpResponse<String> refused = foreign.send(HttpRequest.newBuilder(URI.create(portal.authorizations(nir) + "/"
                        + DR_LIBRE)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"mode\":\"INTERDITE\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(PatientPortal.json(refused).body().path("error").asText()).isEqualTo("forbidden");
        assertThat(portal.getJson(portal.authorizations(nir)).body()).isEmpty();
        SoapResponse soap = Hl7v3Messages.send(new XdsClient(server, new MtlsClient(MtlsClient.sslContext(keyStore,
                server.pkiDir().resolve("ca.pem")))), Hl7v3Messages.patients(server), Hl7v3Messages.existenceTest(nir));
        assertThat(Hl7v3Messages.ackCode(soap)).as("the SOAP services still serve that client").isEqualTo("AA");
    }

    // ------------------------------------------------------------------ helpers

    private SoapResponse existenceTest(XdsClient caller, TestData.Patient patient) {
        SoapResponse existence = Hl7v3Messages.send(caller, Hl7v3Messages.patients(server),
                Hl7v3Messages.existenceTest(patient.nir()));
        assertThat(Hl7v3Messages.ackCode(existence)).as("TD0.2\n%s", existence).isEqualTo("AA");
        return existence;
    }

    /** TD0.2's {@code AUTORISATION} attentionLine: VALIDE, INTERDITE or NON_EXISTANTE. */
    private static String authorizationOf(SoapResponse existence) {
        return Xml.value(existence.xml(), "string(//hl7:PRPA_IN201308UV02/hl7:attentionLine"
                + "[hl7:keyWordText/@code='AUTORISATION']/hl7:value/@code)");
    }

    /** TD0.2's {@code STATUT_MT} attentionLine. */
    private static String treatingDoctorStatusOf(SoapResponse existence) {
        return Xml.value(existence.xml(), "string(//hl7:PRPA_IN201308UV02/hl7:attentionLine"
                + "[hl7:keyWordText/@code='STATUT_MT']/hl7:value/@value)");
    }

    private static SoapResponse listAuthorizations(XdsClient caller, String mode) {
        SoapResponse list = HabilitationMessages.listAuthorizations(caller, mode);
        assertThat(status(list)).as("TD1.6\n%s", list).isEqualTo(DMP_OK);
        return list;
    }

    private static List<String> nationalIds(SoapResponse list) {
        return HabilitationMessages.authorizationEntries(list).stream().map(e -> text(e, "nationalId")).toList();
    }

    /** A refusal of the DMP's web services: a SOAP 1.2 Sender fault whose subcode, in the service's namespace, names it. */
    private static void assertDmpFault(SoapResponse response, String namespace, String subcode) {
        XdsAssertions.assertSoapFault(response);
        assertThat(response.faultCode().getLocalPart()).as("%s", response).isEqualTo("Sender");
        assertThat(response.faultSubcode()).as("subcode of %s", response).isNotNull();
        assertThat(response.faultSubcode().getNamespaceURI()).as("subcode of %s", response).isEqualTo(namespace);
        assertThat(response.faultSubcode().getLocalPart()).as("subcode of %s", response).isEqualTo(subcode);
        assertThat(response.faultReason()).doesNotContain("Exception").doesNotContain("at org.");
        assertThat(response.action()).isEqualTo(FAULT_ACTION);
        assertThat(response.relatesTo()).isEqualTo(response.requestMessageId());
    }

    private static void assertError(PatientPortal.Json answer, int status, String error) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(status);
        assertThat(answer.body().path("error").asText()).as("%s", answer).isEqualTo(error);
        assertThat(answer.body().path("message").asText()).isNotBlank();
        assertThat(answer.text()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("trace");
    }
}
