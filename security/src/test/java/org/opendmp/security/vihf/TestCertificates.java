package org.opendmp.security.vihf;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Test CAs and signing certificates, outside the development PKI. */
final class TestCertificates {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A key and its certificate. */
    record Identity(PrivateKey key, X509Certificate certificate) {

        VihfSigner signer() {
            return new VihfSigner(key, certificate);
        }

        /** A CA certificate issued by this identity. */
        Identity issueCa(String commonName) {
            return issue(commonName, true, KeyUsage.keyCertSign | KeyUsage.cRLSign,
                    Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofDays(365)));
        }

        /** A signing certificate issued by this identity, valid for a year. */
        Identity issueSigner(String commonName) {
            return issueSigner(commonName, Instant.now().minus(Duration.ofHours(1)),
                    Instant.now().plus(Duration.ofDays(365)));
        }

        Identity issueSigner(String commonName, Instant notBefore, Instant notAfter) {
            return issue(commonName, false, KeyUsage.digitalSignature | KeyUsage.nonRepudiation, notBefore, notAfter);
        }

        Identity issue(String commonName, boolean ca, int keyUsage, Instant notBefore, Instant notAfter) {
            return create(commonName, this, ca, keyUsage, notBefore, notAfter);
        }
    }

    private TestCertificates() {
    }

    /** A self-signed root CA. */
    static Identity root(String commonName) {
        return create(commonName, null, true, KeyUsage.keyCertSign | KeyUsage.cRLSign,
                Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofDays(3650)));
    }

    private static Identity create(String commonName, Identity issuer, boolean ca, int keyUsage, Instant notBefore,
            Instant notAfter) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            KeyPair keys = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=" + commonName + ",O=Open DMP tests,C=FR");
            X500Name issuerName = issuer == null ? subject
                    : X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
            PrivateKey signingKey = issuer == null ? keys.getPrivate() : issuer.key();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
                    new BigInteger(64, RANDOM).setBit(62), Date.from(notBefore), Date.from(notAfter), subject,
                    keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(ca))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signingKey)));
            return new Identity(keys.getPrivate(), certificate);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
