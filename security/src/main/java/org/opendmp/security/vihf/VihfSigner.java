package org.opendmp.security.vihf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import javax.security.auth.x500.X500Principal;

import org.apache.xml.security.Init;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.keys.content.X509Data;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Signs VIHF assertions the way DMP-compatible software does: an enveloped XML signature after the Issuer,
 * exclusive canonicalization, one Reference to the assertion's ID, the certificate in KeyInfo/X509Data.
 *
 * <p><strong>For development and tests only</strong> (the development server's demo caller, conformance tests,
 * benchmarks): a real clinical software signs with the professional's card or the facility's certificate.
 * Immutable and thread-safe.
 */
public final class VihfSigner {

    /** The signature algorithms of the VIHF; the digest follows (SHA-256, or SHA-1 as in older examples). */
    public enum Algorithm {
        RSA_SHA256(XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256, VihfNames.SHA256),
        RSA_SHA1(XMLSignature.ALGO_ID_SIGNATURE_RSA, VihfNames.SHA1);

        private final String signatureUri;
        private final String digestUri;

        Algorithm(String signatureUri, String digestUri) {
            this.signatureUri = signatureUri;
            this.digestUri = digestUri;
        }
    }

    static {
        Init.init();
    }

    private final PrivateKey key;
    private final X509Certificate certificate;
    private final List<X509Certificate> chain;
    private final Algorithm algorithm;

    /** Signs with RSA-SHA256; KeyInfo holds {@code certificate} alone. */
    public VihfSigner(PrivateKey key, X509Certificate certificate) {
        this(key, certificate, List.of(), Algorithm.RSA_SHA256);
    }

    private VihfSigner(PrivateKey key, X509Certificate certificate, List<X509Certificate> chain,
            Algorithm algorithm) {
        this.key = Objects.requireNonNull(key, "key");
        this.certificate = Objects.requireNonNull(certificate, "certificate");
        this.chain = List.copyOf(chain);
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    }

    /**
     * The signer of the first key entry of a PKCS#12 key store; KeyInfo will hold the entry's certificate
     * alone (its CA certificates are not sent, as the server's trust holds them).
     */
    public static VihfSigner fromPkcs12(Path keyStore, char[] password) throws IOException {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            for (String alias : Collections.list(store.aliases())) {
                Key entryKey = store.getKey(alias, password);
                Certificate entryCertificate = store.getCertificate(alias);
                if (entryKey instanceof PrivateKey privateKey && entryCertificate instanceof X509Certificate x509) {
                    return new VihfSigner(privateKey, x509);
                }
            }
            throw new IOException(keyStore + " holds no private key entry");
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot read the key store " + keyStore + ": " + e.getMessage(), e);
        }
    }

    /** This signer with another signature algorithm. */
    public VihfSigner withAlgorithm(Algorithm other) {
        return new VihfSigner(key, certificate, chain, other);
    }

    /** This signer sending {@code certificates} in KeyInfo after its own (intermediate CAs, for instance). */
    public VihfSigner withChain(List<X509Certificate> certificates) {
        return new VihfSigner(key, certificate, certificates, algorithm);
    }

    /** The signing certificate. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** The signing certificate's subject DN (RFC 2253), the Issuer of the assertions this signer signs. */
    public String issuer() {
        return certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
    }

    /**
     * Signs {@code assertion} in place, inserting the ds:Signature right after its Issuer, and returns it.
     * The assertion must carry an ID and an Issuer and belong to a document.
     */
    public Element sign(Element assertion) {
        String id = Dom.attribute(assertion, "ID");
        Element issuer = Dom.child(assertion, VihfNames.SAML, "Issuer");
        if (id == null || issuer == null) {
            throw new IllegalArgumentException("The assertion needs an ID and an Issuer to be signed");
        }
        Document document = assertion.getOwnerDocument();
        try {
            XMLSignature signature = new XMLSignature(document, "", algorithm.signatureUri,
                    Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
            assertion.insertBefore(signature.getElement(), issuer.getNextSibling());
            assertion.setIdAttributeNS(null, "ID", true);
            Transforms transforms = new Transforms(document);
            transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
            transforms.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
            signature.addDocument("#" + id, transforms, algorithm.digestUri);
            X509Data data = new X509Data(document);
            List<X509Certificate> certificates = new ArrayList<>(chain.size() + 1);
            certificates.add(certificate);
            certificates.addAll(chain);
            for (X509Certificate each : certificates) {
                data.addCertificate(each);
            }
            signature.getKeyInfo().add(data);
            signature.sign(key);
            compactBase64(signature.getElement());
            return assertion;
        } catch (XMLSecurityException e) {
            throw new IllegalStateException("Cannot sign the assertion: " + e.getMessage(), e);
        }
    }

    /**
     * Removes the line breaks Santuario puts in SignatureValue and X509Certificate (serialized as
     * {@code &#13;}); both lie outside SignedInfo, so the signature is unchanged.
     */
    private static void compactBase64(Element signature) {
        Element value = Dom.child(signature, VihfNames.DSIG, "SignatureValue");
        value.setTextContent(value.getTextContent().replaceAll("\\s", ""));
        Element keyInfo = Dom.child(signature, VihfNames.DSIG, "KeyInfo");
        for (Element data : Dom.children(keyInfo, VihfNames.DSIG, "X509Data")) {
            for (Element certificate : Dom.children(data, VihfNames.DSIG, "X509Certificate")) {
                certificate.setTextContent(certificate.getTextContent().replaceAll("\\s", ""));
            }
        }
    }
}
