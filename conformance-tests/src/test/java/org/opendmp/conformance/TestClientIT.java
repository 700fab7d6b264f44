package org.opendmp.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendmp.security.actor.Actor;
import org.opendmp.security.actor.AuthenticationMode;
import org.opendmp.security.actor.PurposeOfUse;
import org.opendmp.security.actor.Role;
import org.opendmp.security.vihf.DevelopmentVihfPki;
import org.opendmp.security.vihf.VihfAssertions;
import org.opendmp.security.vihf.VihfValidator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The test client's own VIHF mechanics, checked without a server (this module runs no unit tests, so
 * these run with the ITs): where the wsse:Security header goes in each kind of message, which patient
 * a request is about, and that every identity of {@link Vihf} is one the server's validator accepts.
 */
class TestClientIT {

    private static final String HEADER = SecurityHeader.wrap("<marker xmlns=\"urn:opendmp:test\"/>");

    private static Path pkiDirectory;
    private static VihfSigners signers;

    @BeforeAll
    static void developmentPki() throws Exception {
        pkiDirectory = Files.createTempDirectory("dmp-test-client-vihf-");
        DevelopmentVihfPki.ensure(pkiDirectory.resolve("vihf"));
        signers = VihfSigners.load(pkiDirectory.resolve("vihf"));
    }

    @AfterAll
    static void deletePki() {
        DmpServer.deleteRecursively(pkiDirectory);
    }

    // ------------------------------------------------------------------ the patient of a request

    @Test
    void findsThePatientOfAQueryWhoseCxIsXmlEscaped() {
        TestData.Patient patient = TestData.newPatient();
        String body = StoredQuery.findDocuments(patient.cx()).body();
        assertThat(body).contains("&amp;" + Xds.INS_NIR_TEST_OID + "&amp;ISO");

        assertThat(patientOf(body)).isEqualTo(patient.cxNh());
    }

    @Test
    void findsThePatientOfASubmissionSpelledTheDmpWay() {
        TestData.Patient patient = TestData.newPatient();
        Submission submission = Submission.forPatient(patient).patientCx(patient.cxNhDated("20240105"))
                .document(DocumentEntry.create());

        assertThat(patientOf(submission.provideAndRegisterBody())).isEqualTo(patient.cxNh());
    }

    @Test
    void findsThePatientOfAnHl7v3MessageInItsIdOrValue() {
        String nir = TestData.newNir();
        String cx = nir + "^^^&" + Xds.INS_NIR_TEST_OID + "&ISO^NH";

        assertThat(patientOf(Hl7v3Messages.creation(nir, false, false))).isEqualTo(cx);
        assertThat(patientOf(Hl7v3Messages.existenceTest(nir))).isEqualTo(cx);
        assertThat(patientOf(Hl7v3Messages.pixQuery(Xds.INS_NIR_TEST_OID, nir))).isEqualTo(cx);
    }

    @Test
    void findsNoPatientInARequestThatNamesNone() {
        assertThat(patientOf(RetrieveRequest.documents(TestData.uniqueId()).body())).isNull();
        assertThat(patientOf(StoredQuery.getDocumentsByUuid(TestData.uuid()).body())).isNull();
        assertThat(patientOf(Hl7v3Messages.pdqByName("ENCHAINE"))).isNull();
        assertThat(patientOf(Hl7v3Messages.pixQuery(Hl7v3Messages.LOCAL_DOMAIN, "L123"))).isNull();
    }

    private static String patientOf(String message) {
        return SecurityHeader.patientOf(message.getBytes(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------ where the header goes

    @Test
    void putsTheHeaderFirstInTheHeaderOfSoap12AndSoap11Envelopes() {
        for (SoapMessages.Envelope envelope : new SoapMessages.Envelope[] {
                SoapMessages.soap12(Xds.ACTION_ITI18, "https://localhost/registry", "<body xmlns=\"urn:opendmp:test\"/>"),
                SoapMessages.soap11(Xds.ACTION_ITI18, "https://localhost/registry", "<body xmlns=\"urn:opendmp:test\"/>")}) {
            Document secured = Xml.parse(SecurityHeader.insert(envelope.xml(), HEADER));

            assertFirstHeaderBlockIsSecurity(secured);
            assertThat(Xml.value(secured, "string(/*/*[local-name()='Header']/wsa:MessageID)"))
                    .isEqualTo(envelope.messageId());
        }
    }

    @Test
    void addsAHeaderToAnEnvelopeWithoutOneOrWithAnEmptyOne() {
        String without = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body/></s:Envelope>";
        String empty = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Header/><s:Body/></s:Envelope>";

        assertFirstHeaderBlockIsSecurity(Xml.parse(SecurityHeader.insert(without, HEADER)));
        assertFirstHeaderBlockIsSecurity(Xml.parse(SecurityHeader.insert(empty, HEADER)));
    }

    @Test
    void putsTheHeaderInTheRootPartOfAnMtomPackageAndLeavesTheAttachmentsAlone() {
        DocumentEntry document = DocumentEntry.create().mimeType("application/octet-stream")
                .content(TestData.binaryDocument(64 * 1024));
        Submission submission = Submission.forPatient(TestData.newPatient()).document(document);
        String envelope = SoapMessages.soap12(Xds.ACTION_ITI41, "https://localhost/repository",
                submission.provideAndRegisterBody()).xml();
        Mtom.Body body = Mtom.soap12(envelope, Xds.ACTION_ITI41).attachAll(submission.parts()).build();

        Multipart secured = Multipart.parse(body.contentType(), SecurityHeader.insert(body.bytes(), HEADER));

        assertFirstHeaderBlockIsSecurity(Xml.parse(new String(secured.root().content(), StandardCharsets.UTF_8)));
        assertThat(secured.attachments()).singleElement()
                .satisfies(part -> assertThat(part.content()).isEqualTo(document.content()));
    }

    @Test
    void leavesAMessageWithoutEnvelopeAsItIs() {
        byte[] notSoap = "<?xml version=\"1.0\"?><bonjour xmlns=\"urn:opendmp:test\"/>".getBytes(StandardCharsets.UTF_8);

        assertThat(SecurityHeader.insert(notSoap, HEADER)).isEqualTo(notSoap);
    }

    private static void assertFirstHeaderBlockIsSecurity(Document envelope) {
        assertThat(Xml.elements(envelope, "/*/*[local-name()='Header']/*[1]")).singleElement().satisfies(first -> {
            assertThat(first.getNamespaceURI()).isEqualTo(SecurityHeader.WSSE_NS);
            assertThat(first.getLocalName()).isEqualTo("Security");
        });
    }

    // ------------------------------------------------------------------ the identities

    @Test
    void everyIdentityIsOneTheServersValidatorAccepts() throws Exception {
        VihfValidator validator = new VihfValidator(signers.pki().trust(), Clock.systemUTC(),
                VihfValidator.DEFAULT_CLOCK_SKEW, VihfValidator.DEFAULT_MAX_AGE);
        String patient = TestData.newPatient().cxNh();

        Map<Vihf, String> roles = Map.of(Vihf.doctor(), Role.DOCTOR, Vihf.doctorThroughFacility(), Role.DOCTOR,
                Vihf.nurse(), Vihf.NURSE, Vihf.automaton(), Role.AUTOMATON_CODE);
        for (Map.Entry<Vihf, String> identity : roles.entrySet()) {
            Actor actor = validator.validate(parse(identity.getKey().signedAssertion(signers, patient)));

            assertThat(actor.role().code()).as("role of %s", identity.getKey()).isEqualTo(identity.getValue());
            assertThat(actor.patientId()).as("patient of %s", identity.getKey()).isEqualTo(patient);
            assertThat(actor.purposeOfUse()).isEqualTo(PurposeOfUse.NORMAL);
        }
        assertThat(validator.validate(parse(Vihf.automaton().signedAssertion(signers, null))).role().automaton())
                .isTrue();
        assertThat(validator.validate(parse(Vihf.doctor().signedAssertion(signers, patient))).authenticationMode())
                .isEqualTo(AuthenticationMode.DIRECTE);
        assertThat(validator.validate(parse(Vihf.doctor().purposeOfUse(PurposeOfUse.BRIS_DE_GLACE)
                .signedAssertion(signers, patient))).purposeOfUse()).isEqualTo(PurposeOfUse.BRIS_DE_GLACE);
        assertThat(validator.validate(parse(signers.dmpExampleAssertion(patient))).patientId()).isEqualTo(patient);
    }

    private static Element parse(String assertionXml) {
        return VihfAssertions.parse(assertionXml);
    }
}
