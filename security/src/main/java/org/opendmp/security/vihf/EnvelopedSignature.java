package org.opendmp.security.vihf;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.apache.xml.security.Init;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.XMLSignature;
import org.opendmp.security.vihf.VihfException.Reason;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Checks the enveloped XML signature of an assertion with Apache Santuario, refusing every shape but the one
 * the VIHF uses: one ds:Signature, child of the assertion, with one Reference to the assertion's own ID,
 * transformed by enveloped-signature and exclusive canonicalization only, RSA-SHA1 or RSA-SHA256.
 *
 * <p>Signature wrapping is defeated by resolving the Reference on the validated element only: its {@code ID}
 * attribute is the single one registered as an ID, and a document where another element carries the same
 * identifier is refused. Santuario runs with secure validation, and nothing is fetched: the Reference must be a
 * same-document fragment, and the signing certificate is read from KeyInfo/X509Data directly (no
 * RetrievalMethod, no key resolvers).
 */
final class EnvelopedSignature {

    private static final Set<String> SIGNATURE_ALGORITHMS = Set.of(VihfNames.RSA_SHA1, VihfNames.RSA_SHA256);
    private static final Set<String> DIGEST_ALGORITHMS = Set.of(VihfNames.SHA1, VihfNames.SHA256);
    private static final List<String> TRANSFORMS = List.of(VihfNames.ENVELOPED, VihfNames.C14N_EXCL);

    static {
        Init.init();
    }

    private EnvelopedSignature() {
    }

    /**
     * The assertion's ds:Signature, once its shape and algorithms are accepted, with the assertion's {@code ID}
     * registered so that the Reference resolves to the assertion and nothing else.
     */
    static Element locate(Element assertion, String id) throws VihfException {
        Element signature = theSignature(assertion);
        bindId(assertion, id);
        checkAlgorithms(single(signature, "SignedInfo"), id);
        return signature;
    }

    /** The DER encodings of the KeyInfo/X509Data certificates, the signer's first; never empty. */
    static List<byte[]> keyInfoCertificates(Element signature) throws VihfException {
        List<byte[]> certificates = new ArrayList<>(2);
        Element keyInfo = Dom.child(signature, VihfNames.DSIG, "KeyInfo");
        if (keyInfo != null) {
            for (Element data : Dom.children(keyInfo, VihfNames.DSIG, "X509Data")) {
                for (Element certificate : Dom.children(data, VihfNames.DSIG, "X509Certificate")) {
                    String text = Dom.text(certificate);
                    if (text == null) {
                        continue;
                    }
                    try {
                        certificates.add(Base64.getMimeDecoder().decode(text));
                    } catch (IllegalArgumentException e) {
                        throw new VihfException(Reason.SIGNATURE_MALFORMED,
                                "A KeyInfo certificate is not base64", e);
                    }
                }
            }
        }
        if (certificates.isEmpty()) {
            throw new VihfException(Reason.SIGNATURE_MALFORMED,
                    "The VIHF signature's KeyInfo holds no X509Certificate");
        }
        return certificates;
    }

    /** Verifies the signature value and the Reference digest with {@code signer}'s public key. */
    static void verify(Element signature, X509Certificate signer) throws VihfException {
        boolean valid;
        try {
            XMLSignature xmlSignature = new XMLSignature(signature, "", true);
            if (xmlSignature.getSignedInfo().getLength() != 1) {
                throw new VihfException(Reason.SIGNATURE_MALFORMED,
                        "The VIHF signature must hold exactly one Reference");
            }
            valid = xmlSignature.checkSignatureValue(signer);
        } catch (XMLSecurityException | RuntimeException e) {
            throw new VihfException(Reason.INVALID_SIGNATURE, "The VIHF signature cannot be verified", e);
        }
        if (!valid) {
            throw new VihfException(Reason.INVALID_SIGNATURE,
                    "The VIHF signature does not verify: the assertion was altered or signed by another key");
        }
    }

    private static Element theSignature(Element assertion) throws VihfException {
        NodeList signatures = assertion.getElementsByTagNameNS(VihfNames.DSIG, "Signature");
        if (signatures.getLength() == 0) {
            throw new VihfException(Reason.UNSIGNED, "The VIHF assertion is not signed");
        }
        if (signatures.getLength() > 1) {
            throw new VihfException(Reason.SIGNATURE_MALFORMED, "The VIHF assertion holds several signatures");
        }
        Element signature = (Element) signatures.item(0);
        if (signature.getParentNode() != assertion) {
            throw new VihfException(Reason.SIGNATURE_MALFORMED,
                    "The VIHF signature is not a direct child of the assertion");
        }
        return signature;
    }

    /** Registers {@code ID} of the assertion as the document's only way to reach {@code id}. */
    private static void bindId(Element assertion, String id) throws VihfException {
        Document document = assertion.getOwnerDocument();
        Element root = document.getDocumentElement();
        if (Dom.otherElementHasId(root, assertion, id)) {
            throw new VihfException(Reason.SIGNATURE_MALFORMED,
                    "Another element of the message carries the VIHF assertion's ID");
        }
        assertion.setIdAttributeNS(null, "ID", true);
        if (document.getElementById(id) != assertion) {
            throw new VihfException(Reason.SIGNATURE_MALFORMED,
                    "The VIHF assertion's ID does not resolve to the assertion");
        }
    }

    private static void checkAlgorithms(Element signedInfo, String id) throws VihfException {
        requireAlgorithm(single(signedInfo, "CanonicalizationMethod"), Set.of(VihfNames.C14N_EXCL),
                "canonicalization");
        requireAlgorithm(single(signedInfo, "SignatureMethod"), SIGNATURE_ALGORITHMS, "signature");
        List<Element> references = Dom.children(signedInfo, VihfNames.DSIG, "Reference");
        if (references.size() != 1) {
            throw new VihfException(Reason.SIGNATURE_MALFORMED, "The VIHF signature must hold exactly one Reference");
        }
        Element reference = references.get(0);
        if (!("#" + id).equals(reference.getAttributeNS(null, "URI"))) {
            throw new VihfException(Reason.SIGNATURE_MALFORMED,
                    "The VIHF signature's Reference is not to the assertion's ID");
        }
        checkTransforms(reference);
        requireAlgorithm(single(reference, "DigestMethod"), DIGEST_ALGORITHMS, "digest");
    }

    private static void checkTransforms(Element reference) throws VihfException {
        List<Element> transforms = Dom.children(reference, VihfNames.DSIG, "Transforms");
        if (transforms.size() != 1) {
            throw new VihfException(Reason.SIGNATURE_MALFORMED,
                    "The VIHF signature's Reference must hold its Transforms");
        }
        List<String> algorithms = new ArrayList<>(2);
        for (Element transform : Dom.children(transforms.get(0), VihfNames.DSIG, "Transform")) {
            String algorithm = transform.getAttributeNS(null, "Algorithm");
            if (!TRANSFORMS.contains(algorithm)) {
                throw new VihfException(Reason.UNSUPPORTED_ALGORITHM,
                        "Unsupported transform in the VIHF signature: " + printable(algorithm));
            }
            algorithms.add(algorithm);
        }
        if (!algorithms.equals(TRANSFORMS) && !algorithms.equals(TRANSFORMS.subList(0, 1))) {
            throw new VihfException(Reason.SIGNATURE_MALFORMED,
                    "The VIHF signature's transforms must be enveloped-signature then exclusive c14n");
        }
    }

    private static void requireAlgorithm(Element method, Set<String> allowed, String what) throws VihfException {
        String algorithm = method.getAttributeNS(null, "Algorithm");
        if (!allowed.contains(algorithm)) {
            throw new VihfException(Reason.UNSUPPORTED_ALGORITHM,
                    "Unsupported " + what + " algorithm in the VIHF signature: " + printable(algorithm));
        }
    }

    private static Element single(Element parent, String localName) throws VihfException {
        List<Element> found = Dom.children(parent, VihfNames.DSIG, localName);
        if (found.size() != 1) {
            throw new VihfException(Reason.SIGNATURE_MALFORMED,
                    "The VIHF signature must hold exactly one " + localName);
        }
        return found.get(0);
    }

    /** An algorithm URI as it may appear in a message: short, and only URI characters. */
    private static String printable(String algorithm) {
        String shown = algorithm.length() > 100 ? algorithm.substring(0, 100) + "..." : algorithm;
        return shown.matches("[A-Za-z0-9:/#._~?=&%-]*") ? shown : "(unprintable)";
    }
}
