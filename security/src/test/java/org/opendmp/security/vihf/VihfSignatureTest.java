package org.opendmp.security.vihf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opendmp.security.vihf.Vihfs.NOW;

import java.io.InputStream;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

import javax.crypto.spec.SecretKeySpec;

import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opendmp.security.actor.AuthenticationMode;
import org.opendmp.security.vihf.TestCertificates.Identity;
import org.opendmp.security.vihf.VihfException.Reason;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The signature and signer checks, and the attacks they stop. */
class VihfSignatureTest {

    private static final String C14N = Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS;
    private static final List<String> TRANSFORMS = List.of(VihfNames.ENVELOPED, VihfNames.C14N_EXCL);

    private final VihfValidator validator = Vihfs.validator();

    // ---------------------------------------------------------------------------------------------------------
    // Signed or not, and by whom

    @Test
    void refusesAnUnsignedAssertion() {
        Element assertion = Vihfs.doctorClaims().issuer(Vihfs.doctor().issuer()).build();

        assertRefused(assertion, Reason.UNSIGNED);
    }

    @Test
    void refusesASignerFromAnUntrustedCaEvenWithTheSameNameAsATrustedOne() {
        Identity rogueCa = TestCertificates.root("Open DMP Development Card CA");
        Identity rogue = rogueCa.issueSigner("Dr Demo (development only)");

        Element assertion = Vihfs.doctorClaims().sign(rogue.signer());

        assertRefused(assertion, Reason.UNTRUSTED_SIGNER);
    }

    @Test
    void refusesASelfSignedSigner() {
        Identity self = TestCertificates.root("Self-signed doctor");

        assertRefused(Vihfs.doctorClaims().sign(self.signer()), Reason.UNTRUSTED_SIGNER);
    }

    @Test
    void refusesADirectAssertionSignedByAFacilityCertificate() {
        Element assertion = Vihfs.doctorClaims().authenticationMode(AuthenticationMode.DIRECTE)
                .sign(Vihfs.facility());

        assertRefused(assertion, Reason.UNTRUSTED_SIGNER);
    }

    @Test
    void refusesAnIndirectAssertionSignedByACard() {
        Element assertion = Vihfs.facilityClaims().sign(Vihfs.doctor());

        assertRefused(assertion, Reason.UNTRUSTED_SIGNER);
    }

    @Test
    void refusesACertificateThatIsNotForDigitalSignatures() {
        Identity root = TestCertificates.root("Key usage root");
        Identity encipherOnly = root.issue("Encipherment only", false, KeyUsage.keyEncipherment,
                NOW.minusSeconds(3600), NOW.plusSeconds(3600));
        VihfValidator trusting = new VihfValidator(
                VihfTrust.of(List.of(root.certificate()), List.of()), Vihfs.CLOCK, Vihfs.SKEW, Vihfs.MAX_AGE);

        assertThatThrownBy(() -> trusting.validate(Vihfs.doctorClaims().sign(encipherOnly.signer())))
                .isInstanceOfSatisfying(VihfException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNTRUSTED_SIGNER));
    }

    @Test
    void buildsThePathThroughAnIntermediateFromKeyInfoOrFromTheTrust() throws Exception {
        Identity root = TestCertificates.root("Test root");
        Identity intermediate = root.issueCa("Test card CA");
        Identity card = intermediate.issueSigner("Test card");
        VihfTrust rootOnly = VihfTrust.of(List.of(root.certificate()), List.of());

        VihfValidator withoutIntermediate = new VihfValidator(rootOnly, Vihfs.CLOCK, Vihfs.SKEW, Vihfs.MAX_AGE);
        assertThatThrownBy(() -> withoutIntermediate.validate(Vihfs.doctorClaims().sign(card.signer())))
                .isInstanceOfSatisfying(VihfException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNTRUSTED_SIGNER));

        VihfSigner sendingChain = card.signer().withChain(List.of(intermediate.certificate()));
        assertThat(withoutIntermediate.validate(Vihfs.doctorClaims().sign(sendingChain)).signer())
                .contains("Test card");

        VihfValidator knowingIntermediate = new VihfValidator(
                rootOnly.withIntermediates(List.of(intermediate.certificate())), Vihfs.CLOCK, Vihfs.SKEW,
                Vihfs.MAX_AGE);
        assertThat(knowingIntermediate.validate(Vihfs.doctorClaims().sign(card.signer())).signer())
                .contains("Test card");
    }

    @Test
    void refusesAnEndEntityCertificateActingAsACa() {
        Identity root = TestCertificates.root("Test root");
        Identity leaf = root.issueSigner("Leaf pretending to be a CA");
        Identity issuedByLeaf = leaf.issueSigner("Issued by a leaf");
        VihfValidator trusting = new VihfValidator(VihfTrust.of(List.of(root.certificate()), List.of()),
                Vihfs.CLOCK, Vihfs.SKEW, Vihfs.MAX_AGE);

        assertThatThrownBy(() -> trusting.validate(Vihfs.doctorClaims()
                .sign(issuedByLeaf.signer().withChain(List.of(leaf.certificate()))))).isInstanceOfSatisfying(
                        VihfException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNTRUSTED_SIGNER));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Tampering

    @Test
    void refusesAnAssertionWhosePatientWasChangedAfterSigning() {
        Element assertion = Vihfs.doctorClaims().sign(Vihfs.doctor());

        Vihfs.value(assertion, VihfNames.RESOURCE_ID).setTextContent("290029900200251^^^&1.2.250.1.213.1.4.10&ISO^NH");

        assertRefused(assertion, Reason.INVALID_SIGNATURE);
    }

    @Test
    void refusesAnAssertionWhoseAccessModeWasChangedAfterSigning() {
        Element assertion = Vihfs.doctorClaims().sign(Vihfs.doctor());

        Dom.firstChildElement(Vihfs.value(assertion, VihfNames.PURPOSE_OF_USE)).setAttribute("code", "bris_de_glace");

        assertRefused(assertion, Reason.INVALID_SIGNATURE);
    }

    @Test
    void refusesAnAssertionEditedAsText() {
        String xml = Vihfs.doctorClaims().signToXml(Vihfs.doctor());

        Element edited = VihfAssertions.parse(xml.replace(">SA07^", ">SA01^"));

        assertRefused(edited, Reason.INVALID_SIGNATURE);
    }

    @Test
    void refusesASignatureByAnotherKeyBehindATrustedCertificate() {
        Identity rogue = TestCertificates.root("Rogue").issueSigner("Rogue signer");
        Element assertion = Vihfs.doctorClaims().issuer(Vihfs.doctor().issuer()).sign(rogue.signer());

        replaceKeyInfoCertificate(assertion, Vihfs.doctor().certificate());

        assertRefused(assertion, Reason.INVALID_SIGNATURE);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Signature wrapping

    @Test
    void refusesAForgedAssertionWithTheSameIdWrappingTheSignedOne() {
        Element signed = Vihfs.doctorClaims().id("_signed").sign(Vihfs.doctor());
        Element forged = Vihfs.doctorClaims().id("_signed").patientId("290029900200251^^^&1.2.250.1.213.1.4.10&ISO^NH")
                .issuer(Vihfs.doctor().issuer()).build();
        Document document = forged.getOwnerDocument();
        Element signature = Dom.child(signed, VihfNames.DSIG, "Signature");
        Element issuer = Dom.child(forged, VihfNames.SAML, "Issuer");
        forged.insertBefore(document.importNode(signature, true), issuer.getNextSibling());
        signed.removeChild(signature);
        Element advice = document.createElementNS(VihfNames.SAML, "saml2:Advice");
        advice.appendChild(document.importNode(signed, true));
        forged.insertBefore(advice, Dom.child(forged, VihfNames.SAML, "AuthnStatement"));

        assertRefused(forged, Reason.SIGNATURE_MALFORMED, "Another element of the message carries");
    }

    @Test
    void refusesAForgedAssertionWithAnotherIdCarryingTheSignedOne() {
        Element signed = Vihfs.doctorClaims().id("_signed").sign(Vihfs.doctor());
        Element forged = Vihfs.doctorClaims().id("_forged").patientId("290029900200251^^^&1.2.250.1.213.1.4.10&ISO^NH")
                .issuer(Vihfs.doctor().issuer()).build();
        Document document = forged.getOwnerDocument();
        Element advice = document.createElementNS(VihfNames.SAML, "saml2:Advice");
        advice.appendChild(document.importNode(signed, true));
        forged.insertBefore(advice, Dom.child(forged, VihfNames.SAML, "AuthnStatement"));

        assertRefused(forged, Reason.SIGNATURE_MALFORMED, "not a direct child");
    }

    @Test
    void refusesASignatureMovedIntoAForgedAssertionWithAnotherId() {
        Element signed = Vihfs.doctorClaims().id("_signed").sign(Vihfs.doctor());
        Element forged = Vihfs.doctorClaims().id("_forged").issuer(Vihfs.doctor().issuer()).build();
        Element signature = Dom.child(signed, VihfNames.DSIG, "Signature");
        forged.insertBefore(forged.getOwnerDocument().importNode(signature, true),
                Dom.child(forged, VihfNames.SAML, "Subject"));

        assertRefused(forged, Reason.SIGNATURE_MALFORMED, "Reference is not to the assertion's ID");
    }

    @Test
    void refusesAnAssertionWhoseIdAlsoNamesAnotherElementOfTheMessage() {
        Element assertion = Vihfs.doctorClaims().id("_dup").sign(Vihfs.doctor());
        Document document = assertion.getOwnerDocument();
        Element envelope = document.createElementNS("http://www.w3.org/2003/05/soap-envelope", "soap:Envelope");
        document.replaceChild(envelope, assertion);
        envelope.appendChild(assertion);
        Element body = document.createElementNS("http://www.w3.org/2003/05/soap-envelope", "soap:Body");
        body.setAttributeNS("http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd",
                "wsu:Id", "_dup");
        envelope.appendChild(body);

        assertRefused(assertion, Reason.SIGNATURE_MALFORMED, "Another element of the message carries");
    }

    @Test
    void refusesTwoSignatures() {
        Element assertion = Vihfs.doctorClaims().sign(Vihfs.doctor());
        Element signature = Dom.child(assertion, VihfNames.DSIG, "Signature");
        assertion.insertBefore(signature.cloneNode(true), signature);

        assertRefused(assertion, Reason.SIGNATURE_MALFORMED);
    }

    @Test
    void refusesASignatureThatIsNotAChildOfTheAssertion() {
        Element assertion = Vihfs.doctorClaims().sign(Vihfs.doctor());
        Element signature = Dom.child(assertion, VihfNames.DSIG, "Signature");
        Dom.child(assertion, VihfNames.SAML, "Subject").appendChild(signature);

        assertRefused(assertion, Reason.SIGNATURE_MALFORMED);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Algorithms and references (each signature below is otherwise valid: only the shape is refused)

    @Test
    void refusesAnHmacSignature() throws Exception {
        Element assertion = unsigned();
        Key secret = new SecretKeySpec(new byte[32], "HmacSHA256");

        customSign(assertion, XMLSignature.ALGO_ID_MAC_HMAC_SHA256, C14N, TRANSFORMS, VihfNames.SHA256,
                "#" + id(assertion), secret);

        assertRefused(assertion, Reason.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void refusesRsaSha512() throws Exception {
        Element assertion = unsigned();

        customSign(assertion, XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA512, C14N, TRANSFORMS, VihfNames.SHA256,
                "#" + id(assertion), doctorKey());

        assertRefused(assertion, Reason.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void refusesASha512Digest() throws Exception {
        Element assertion = unsigned();

        customSign(assertion, VihfNames.RSA_SHA256, C14N, TRANSFORMS, "http://www.w3.org/2001/04/xmlenc#sha512",
                "#" + id(assertion), doctorKey());

        assertRefused(assertion, Reason.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void refusesInclusiveCanonicalization() throws Exception {
        Element assertion = unsigned();

        customSign(assertion, VihfNames.RSA_SHA256, Canonicalizer.ALGO_ID_C14N_OMIT_COMMENTS, TRANSFORMS,
                VihfNames.SHA256, "#" + id(assertion), doctorKey());

        assertRefused(assertion, Reason.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void refusesCanonicalizationWithComments() throws Exception {
        Element assertion = unsigned();

        customSign(assertion, VihfNames.RSA_SHA256, C14N,
                List.of(VihfNames.ENVELOPED, Canonicalizer.ALGO_ID_C14N_EXCL_WITH_COMMENTS), VihfNames.SHA256,
                "#" + id(assertion), doctorKey());

        assertRefused(assertion, Reason.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void acceptsTheEnvelopedTransformAlone() throws Exception {
        Element assertion = unsigned();

        customSign(assertion, VihfNames.RSA_SHA256, C14N, List.of(VihfNames.ENVELOPED), VihfNames.SHA256,
                "#" + id(assertion), doctorKey());

        assertThat(validator.validate(assertion).assertionId()).isEqualTo(id(assertion));
    }

    @Test
    void refusesAReferenceToTheWholeDocument() throws Exception {
        Element assertion = unsigned();

        customSign(assertion, VihfNames.RSA_SHA256, C14N, TRANSFORMS, VihfNames.SHA256, "", doctorKey());

        assertRefused(assertion, Reason.SIGNATURE_MALFORMED, "Reference is not to the assertion's ID");
    }

    @Test
    @Timeout(20)
    void neverFetchesAnExternalReferenceNorAKeyInfoRetrievalMethod() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            String url = "http://127.0.0.1:" + server.getLocalPort() + "/vihf";
            Element external = Vihfs.doctorClaims().sign(Vihfs.doctor());
            Dom.child(Dom.child(Dom.child(external, VihfNames.DSIG, "Signature"), VihfNames.DSIG, "SignedInfo"),
                    VihfNames.DSIG, "Reference").setAttributeNS(null, "URI", url);
            Element retrieval = Vihfs.doctorClaims().sign(Vihfs.doctor());
            Element keyInfo = Dom.child(Dom.child(retrieval, VihfNames.DSIG, "Signature"), VihfNames.DSIG, "KeyInfo");
            Element method = retrieval.getOwnerDocument().createElementNS(VihfNames.DSIG, "ds:RetrievalMethod");
            method.setAttributeNS(null, "URI", url);
            method.setAttributeNS(null, "Type", "http://www.w3.org/2000/09/xmldsig#X509Data");
            keyInfo.insertBefore(method, keyInfo.getFirstChild());

            assertRefused(external, Reason.SIGNATURE_MALFORMED);
            assertThat(validator.validate(retrieval).professionalId())
                    .isEqualTo(DevelopmentVihfPki.DEMO_PROFESSIONAL_ID);

            server.setSoTimeout(200);
            assertThatThrownBy(server::accept).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void refusesAKeyInfoWithoutCertificateOrWithAnUnreadableOne() {
        Element none = Vihfs.doctorClaims().sign(Vihfs.doctor());
        Element keyInfo = Dom.child(Dom.child(none, VihfNames.DSIG, "Signature"), VihfNames.DSIG, "KeyInfo");
        keyInfo.removeChild(Dom.child(keyInfo, VihfNames.DSIG, "X509Data"));
        Element garbage = Vihfs.doctorClaims().sign(Vihfs.doctor());
        x509Certificate(garbage).setTextContent("QUJD");

        assertRefused(none, Reason.SIGNATURE_MALFORMED);
        assertRefused(garbage, Reason.SIGNATURE_MALFORMED);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Issuer

    @Test
    void refusesAnIssuerOtherThanTheSigner() {
        Element assertion = Vihfs.doctorClaims().issuer("CN=Someone else,O=Open DMP (development only),C=FR")
                .sign(Vihfs.doctor());

        assertRefused(assertion, Reason.ISSUER_MISMATCH);
    }

    @Test
    void refusesAnIssuerThatIsNotADistinguishedName() {
        Element assertion = Vihfs.doctorClaims().issuer("Dr Demo, somewhere").sign(Vihfs.doctor());

        assertRefused(assertion, Reason.ISSUER_MISMATCH);
    }

    @Test
    void refusesAnIssuerOfAnotherFormat() {
        Element assertion = Vihfs.doctorClaims().issuer(Vihfs.doctor().issuer()).build();
        Dom.child(assertion, VihfNames.SAML, "Issuer")
                .setAttributeNS(null, "Format", "urn:oasis:names:tc:SAML:2.0:nameid-format:entity");
        Vihfs.doctor().sign(assertion);

        assertRefused(assertion, Reason.ISSUER_MISMATCH);
    }

    // ---------------------------------------------------------------------------------------------------------

    private void assertRefused(Element assertion, Reason reason) {
        assertThatThrownBy(() -> validator.validate(assertion))
                .isInstanceOfSatisfying(VihfException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private void assertRefused(Element assertion, Reason reason, String message) {
        assertThatThrownBy(() -> validator.validate(assertion))
                .isInstanceOfSatisfying(VihfException.class, e -> assertThat(e.reason()).isEqualTo(reason))
                .hasMessageContaining(message);
    }

    private static Element unsigned() {
        return Vihfs.doctorClaims().issuer(Vihfs.doctor().issuer()).build();
    }

    private static String id(Element assertion) {
        return assertion.getAttributeNS(null, "ID");
    }

    private static Key doctorKey() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Vihfs.pki().doctorKeyStore())) {
            store.load(in, DevelopmentVihfPki.PASSWORD.toCharArray());
        }
        String alias = store.aliases().nextElement();
        return store.getKey(alias, DevelopmentVihfPki.PASSWORD.toCharArray());
    }

    private static Element x509Certificate(Element assertion) {
        Element keyInfo = Dom.child(Dom.child(assertion, VihfNames.DSIG, "Signature"), VihfNames.DSIG, "KeyInfo");
        return Dom.child(Dom.child(keyInfo, VihfNames.DSIG, "X509Data"), VihfNames.DSIG, "X509Certificate");
    }

    private static void replaceKeyInfoCertificate(Element assertion, X509Certificate certificate) {
        try {
            x509Certificate(assertion).setTextContent(Base64.getEncoder().encodeToString(certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs with any algorithms and Reference URI, KeyInfo holding the demo doctor's certificate. */
    private static void customSign(Element assertion, String signatureAlgorithm, String canonicalization,
            List<String> transforms, String digest, String referenceUri, Key key) throws Exception {
        Document document = assertion.getOwnerDocument();
        XMLSignature signature = new XMLSignature(document, "", signatureAlgorithm, canonicalization);
        Node issuer = Dom.child(assertion, VihfNames.SAML, "Issuer");
        assertion.insertBefore(signature.getElement(), issuer.getNextSibling());
        assertion.setIdAttributeNS(null, "ID", true);
        Transforms chain = new Transforms(document);
        for (String transform : transforms) {
            chain.addTransform(transform);
        }
        signature.addDocument(referenceUri, chain, digest);
        signature.addKeyInfo(Vihfs.doctor().certificate());
        signature.sign(key);
    }
}
