package org.opendmp.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendmp.conformance.SecurityHeader.FAILED_AUTHENTICATION;
import static org.opendmp.conformance.SecurityHeader.FAILED_CHECK;
import static org.opendmp.conformance.SecurityHeader.INVALID_SECURITY;
import static org.opendmp.conformance.SecurityHeader.INVALID_SECURITY_TOKEN;
import static org.opendmp.conformance.SecurityHeader.MESSAGE_EXPIRED;
import static org.opendmp.conformance.XdsAssertions.assertNothingStored;
import static org.opendmp.conformance.XdsAssertions.assertSecurityFault;
import static org.opendmp.conformance.XdsAssertions.assertSuccess;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.xml.namespace.QName;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opendmp.security.actor.AuthenticationMode;
import org.opendmp.security.vihf.VihfAssertions;
import org.opendmp.security.vihf.VihfBuilder;
import org.opendmp.security.vihf.VihfSigner;
import org.w3c.dom.Element;

/**
 * The VIHF over the wire (DMP-CONTRACT, "The VIHF"): the registry and the repository refuse a request
 * whose wsse:Security header holds no valid signed assertion with a WS-Security fault naming the failed
 * check (SOAP 1.2 Code Sender and a wsse Subcode, SOAP 1.1 a wsse faultcode; no stack trace, no patient
 * data), and a refused request changes nothing; they accept the shapes DMP software sends: either
 * spelling of Authentification_mode, RSA-SHA1, INDIRECTE_RENFORCEE. Each check runs on ITI-18, on ITI-41
 * in MTOM and on ITI-18 in a SOAP 1.1 envelope.
 */
@DmpServerTest
class VihfIT {

    /** The requests every check is made on. */
    enum Request {
        /** ITI-18 FindDocuments, SOAP 1.2. */
        ITI18,
        /** ITI-41 of one document, SOAP 1.2 in MTOM: a refusal must store nothing. */
        ITI41_MTOM,
        /** ITI-18 FindDocuments in a SOAP 1.1 envelope (text/xml and SOAPAction). */
        ITI18_SOAP11
    }

    /** A request sent about a fresh patient, and the server's answer. */
    private record Attempt(Request request, TestData.Patient patient, Submission submission, SoapResponse response) {
    }

    private static final String INS_AUTHORITIES = "1.2.250.1.213.1.4.";

    private final XdsClient xds;
    private final DmpServer server;
    private final VihfSigners signers;

    VihfIT(XdsClient xds, DmpServer server) {
        this.xds = xds;
        this.server = server;
        this.signers = server.vihfSigners();
    }

    // ------------------------------------------------------------------ no assertion

    @ParameterizedTest
    @EnumSource
    void refusesARequestWithoutSecurityHeader(Request request) {
        Attempt attempt = send(request, patient -> xds.withoutVihf());

        assertRefused(attempt, INVALID_SECURITY);
        assertThat(attempt.response().faultReason()).contains("VIHF");
    }

    @ParameterizedTest
    @EnumSource
    void refusesASecurityHeaderWithoutAssertion(Request request) {
        String timestampOnly = "<wsse:Security xmlns:wsse=\"" + SecurityHeader.WSSE_NS + "\">"
                + "<wsu:Timestamp xmlns:wsu=\"http://docs.oasis-open.org/wss/2004/01/"
                + "oasis-200401-wss-wssecurity-utility-1.0.xsd\"><wsu:Created>" + Instant.now()
                + "</wsu:Created></wsu:Timestamp></wsse:Security>";

        assertRefused(send(request, patient -> xds.withSecurityHeader(timestampOnly)), INVALID_SECURITY);
    }

    // ------------------------------------------------------------------ signature

    @ParameterizedTest
    @EnumSource
    void refusesAnUnsignedAssertion(Request request) {
        Attempt attempt = send(request, patient -> xds.withAssertion(VihfAssertions.toXml(Vihf.doctor()
                .claims(patient.cxNh()).issuer(doctorCard().issuer()).build())));

        assertRefused(attempt, INVALID_SECURITY_TOKEN);
        assertThat(attempt.response().faultReason()).contains("not signed");
    }

    @ParameterizedTest
    @EnumSource
    void refusesAnAssertionWhosePatientWasChangedAfterSigning(Request request) {
        TestData.Patient other = xds.newPatient();
        long logOffset = server.logSize();

        Attempt attempt = send(request, patient -> xds.withAssertion(
                changed(signed(Vihf.doctor(), patient), patient.nir(), other.nir())));

        assertRefused(attempt, FAILED_CHECK);
        assertThat(attempt.response().bodyText()).doesNotContain(other.nir());
        assertThat(server.logSince(logOffset)).as("server log").doesNotContain(attempt.patient().nir())
                .doesNotContain(other.nir());
    }

    @ParameterizedTest
    @EnumSource
    void refusesAnAssertionWhosePurposeOfUseWasChangedAfterSigning(Request request) {
        Attempt attempt = send(request, patient -> xds.withAssertion(
                changed(signed(Vihf.doctor(), patient), "code=\"normal\"", "code=\"bris_de_glace\"")));

        assertRefused(attempt, FAILED_CHECK);
    }

    @ParameterizedTest
    @EnumSource
    void refusesAnAssertionSignedByAKeyThatChainsToNoTrustAnchor(Request request) {
        VihfSigner rogue = selfSignedLike(doctorCard().certificate());

        Attempt attempt = send(request, patient -> xds.withAssertion(
                Vihf.doctor().claims(patient.cxNh()).signToXml(rogue)));

        assertRefused(attempt, FAILED_AUTHENTICATION);
    }

    @ParameterizedTest
    @EnumSource
    void refusesDirecteClaimsSignedWithTheFacilityCertificate(Request request) {
        assertRefused(send(request, patient -> xds.as(Vihf.doctor().signedBy(Vihf.Signer.FACILITY))),
                FAILED_AUTHENTICATION);
    }

    @ParameterizedTest
    @EnumSource
    void refusesAnIssuerThatIsNotTheSigner(Request request) {
        Vihf otherIssuer = Vihf.doctor().with(claims -> claims.issuer("CN=Dr Other,O=Open DMP (development only),C=FR"));

        Attempt attempt = send(request, patient -> xds.as(otherIssuer));

        assertRefused(attempt, FAILED_AUTHENTICATION);
        assertThat(attempt.response().faultReason()).contains("Issuer");
    }

    // ------------------------------------------------------------------ time

    @ParameterizedTest
    @EnumSource
    void refusesAnAssertionPastItsNotOnOrAfter(Request request) {
        Instant now = Instant.now();
        Vihf expired = Vihf.doctor().with(claims -> claims.issueInstant(now.minus(Duration.ofHours(2)))
                .conditions(now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1))));

        assertRefused(send(request, patient -> xds.as(expired)), MESSAGE_EXPIRED);
    }

    /** Without Conditions, an assertion is accepted for 2 hours after its IssueInstant, plus 5 minutes of skew. */
    @ParameterizedTest
    @EnumSource
    void refusesAnAssertionIssuedMoreThanTwoHoursAgo(Request request) {
        Vihf old = Vihf.doctor().with(claims -> claims.issueInstant(Instant.now().minus(Duration.ofMinutes(130))));

        assertRefused(send(request, patient -> xds.as(old)), MESSAGE_EXPIRED);
    }

    @ParameterizedTest
    @EnumSource
    void refusesAnAssertionNotValidYet(Request request) {
        Instant now = Instant.now();
        Vihf early = Vihf.doctor().with(claims -> claims.conditions(now.plus(Duration.ofHours(1)),
                now.plus(Duration.ofHours(2))));

        Attempt attempt = send(request, patient -> xds.as(early));

        assertRefused(attempt, INVALID_SECURITY_TOKEN);
        assertThat(attempt.response().faultReason()).contains("NotBefore");
    }

    @Test
    void refusesAnAssertionIssuedInTheFuture() {
        Vihf early = Vihf.doctor().with(claims -> claims.issueInstant(Instant.now().plus(Duration.ofHours(1))));

        assertRefused(send(Request.ITI18, patient -> xds.as(early)), INVALID_SECURITY_TOKEN);
    }

    // ------------------------------------------------------------------ attributes

    @ParameterizedTest
    @EnumSource
    void refusesAnAssertionWithoutLpsId(Request request) {
        Attempt attempt = send(request, patient -> xds.withAssertion(signedAfter(Vihf.doctor(), patient,
                assertion -> removeAttribute(assertion, "LPS_ID"))));

        assertRefused(attempt, INVALID_SECURITY_TOKEN);
        assertThat(attempt.response().faultReason()).contains("LPS_ID");
    }

    @ParameterizedTest
    @EnumSource
    void refusesAnUnknownPurposeOfUse(Request request) {
        Attempt attempt = send(request, patient -> xds.withAssertion(signedAfter(Vihf.doctor(), patient,
                assertion -> purposeOfUse(assertion).setAttribute("code", "urgence"))));

        assertRefused(attempt, INVALID_SECURITY_TOKEN);
        assertThat(attempt.response().faultReason()).contains("purposeofuse").doesNotContain("urgence");
    }

    // ------------------------------------------------------------------ accepted shapes

    @ParameterizedTest
    @EnumSource
    void acceptsAuthentificationModeInEitherSpelling(Request request) {
        assertAccepted(send(request, patient -> xds.as(Vihf.doctorThroughFacility())));
        assertAccepted(send(request, patient -> xds.as(Vihf.doctorThroughFacility()
                .with(VihfBuilder::capitalModeSpelling))));
    }

    @ParameterizedTest
    @EnumSource
    void acceptsAnAssertionSignedWithRsaSha1(Request request) {
        assertAccepted(send(request, patient -> xds.as(Vihf.doctor().algorithm(VihfSigner.Algorithm.RSA_SHA1))));
    }

    @ParameterizedTest
    @EnumSource
    void acceptsIndirecteRenforcee(Request request) {
        assertAccepted(send(request, patient -> xds.as(Vihf.doctorThroughFacility()
                .authenticationMode(AuthenticationMode.INDIRECTE_RENFORCEE))));
    }

    @Test
    void acceptsASecurityHeaderMarkedMustUnderstand() {
        assertAccepted(send(Request.ITI18, patient -> xds.withSecurityHeader(
                "<wsse:Security xmlns:wsse=\"" + SecurityHeader.WSSE_NS + "\" xmlns:soap12=\""
                        + Xml.NS.get("soap12") + "\" soap12:mustUnderstand=\"true\">"
                        + signed(Vihf.doctor(), patient) + "</wsse:Security>")));
    }

    // ------------------------------------------------------------------ a refusal changes nothing

    @Test
    void aSubmissionRefusedForItsVihfStoresNothingAndSucceedsOnceSignedProperly() {
        TestData.Patient patient = xds.newPatient();
        DocumentEntry document = DocumentEntry.create();
        Submission submission = Submission.forPatient(patient).document(document);
        String tampered = changed(signed(Vihf.doctor(), patient), "code=\"normal\"", "code=\"centre_15\"");

        assertSecurityFault(xds.withAssertion(tampered).provideAndRegister(submission), FAILED_CHECK);

        assertNothingStored(xds, submission);
        assertSuccess(xds.provideAndRegister(submission));
        assertThat(xds.findDocuments(patient.cx()).documentUniqueIds()).containsExactly(document.uniqueId());
    }

    @Test
    void refusalsAreCountedByReasonOnTheMetricsEndpoint() {
        double missing = server.counter("dmp.vihf.refused", "reason:MISSING");
        double invalidSignature = server.counter("dmp.vihf.refused", "reason:INVALID_SIGNATURE");

        send(Request.ITI18, patient -> xds.withoutVihf());
        send(Request.ITI18, patient -> xds.withAssertion(
                changed(signed(Vihf.doctor(), patient), "code=\"normal\"", "code=\"centre_15\"")));

        assertThat(server.counter("dmp.vihf.refused", "reason:MISSING")).isEqualTo(missing + 1);
        assertThat(server.counter("dmp.vihf.refused", "reason:INVALID_SIGNATURE")).isEqualTo(invalidSignature + 1);
    }

    // ------------------------------------------------------------------ sending and checking

    /** Sends {@code request} about a fresh patient with the client {@code caller} gives for that patient. */
    private Attempt send(Request request, Function<TestData.Patient, XdsClient> caller) {
        TestData.Patient patient = xds.newPatient();
        XdsClient client = caller.apply(patient);
        return switch (request) {
            case ITI18 -> new Attempt(request, patient, null, client.query(StoredQuery.findDocuments(patient.cx())));
            case ITI41_MTOM -> {
                Submission submission = Submission.forPatient(patient).document(DocumentEntry.create());
                yield new Attempt(request, patient, submission, client.provideAndRegister(submission));
            }
            case ITI18_SOAP11 -> {
                SoapMessages.Envelope envelope = SoapMessages.soap11(Xds.ACTION_ITI18, client.registry().toString(),
                        StoredQuery.findDocuments(patient.cx()).body());
                yield new Attempt(request, patient, null, client.post(client.registry(), "text/xml; charset=UTF-8",
                        envelope.xml().getBytes(StandardCharsets.UTF_8),
                        Map.of("SOAPAction", "\"" + Xds.ACTION_ITI18 + "\"")).requestMessageId(envelope.messageId()));
            }
        };
    }

    /** The WS-Security fault, in the request's SOAP version, naming no patient; a refused ITI-41 stored nothing. */
    private void assertRefused(Attempt attempt, QName wsseCode) {
        SoapResponse response = attempt.response();
        assertSecurityFault(response, wsseCode);
        assertThat(Xml.count(response.xml(), attempt.request() == Request.ITI18_SOAP11
                ? "/soap11:Envelope" : "/soap12:Envelope")).as("SOAP version of %s", response).isEqualTo(1);
        assertThat(response.faultReason()).as("reason of %s", response)
                .doesNotContain(attempt.patient().nir()).doesNotContain(INS_AUTHORITIES);
        assertThat(response.bodyText()).as("answer").doesNotContain(attempt.patient().nir());
        if (attempt.submission() != null) {
            assertNothingStored(xds, attempt.submission());
        }
    }

    private void assertAccepted(Attempt attempt) {
        assertSuccess(attempt.response());
        if (attempt.submission() != null) {
            assertThat(xds.findDocuments(attempt.patient().cx()).documentUniqueIds())
                    .containsExactly(attempt.submission().documents().get(0).uniqueId());
        }
    }

    // ------------------------------------------------------------------ assertions good and bad

    private VihfSigner doctorCard() {
        return signers.signer(Vihf.Signer.DOCTOR_CARD);
    }

    /** A fresh, valid assertion of {@code who} about {@code patient}. */
    private String signed(Vihf who, TestData.Patient patient) {
        return who.signedAssertion(signers, patient.cxNh());
    }

    /** {@code who}'s claims about {@code patient}, edited in the DOM, then signed with the right credential. */
    private String signedAfter(Vihf who, TestData.Patient patient, Consumer<Element> edit) {
        VihfSigner signer = signers.signer(who.signer());
        Element assertion = who.claims(patient.cxNh()).issuer(signer.issuer()).build();
        edit.accept(assertion);
        return VihfAssertions.toXml(signer.sign(assertion));
    }

    /** The signed assertion with a text replaced after signing: its signature no longer verifies. */
    private static String changed(String signedAssertion, String from, String to) {
        assertThat(signedAssertion).as("the text to tamper with").contains(from);
        return signedAssertion.replace(from, to);
    }

    private static void removeAttribute(Element assertion, String name) {
        Element attribute = Xml.elements(assertion, "//*[local-name()='Attribute'][@Name='" + name + "']").get(0);
        attribute.getParentNode().removeChild(attribute);
    }

    private static Element purposeOfUse(Element assertion) {
        return Xml.elements(assertion, "//*[local-name()='Attribute'][@Name="
                + "'urn:oasis:names:tc:xspa:1.0:subject:purposeofuse']//hl7:PurposeOfUse").get(0);
    }

    /**
     * A signer whose certificate copies the subject DN of {@code original} but is self-signed with a key of its
     * own: the Issuer check passes, the path to the trust anchors does not.
     */
    private static VihfSigner selfSignedLike(X509Certificate original) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            X500Name subject = X500Name.getInstance(original.getSubjectX500Principal().getEncoded());
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(Duration.ofDays(1))), subject, keys.getPublic());
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
            return new VihfSigner(keys.getPrivate(), certificate);
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the self-signed test certificate", e);
        }
    }
}
