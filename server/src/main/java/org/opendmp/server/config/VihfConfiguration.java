package org.opendmp.server.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.opendmp.security.vihf.DevelopmentVihfPki;
import org.opendmp.security.vihf.VihfTrust;
import org.opendmp.security.vihf.VihfValidator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * VIHF validation: the trust anchors of assertion signers (professional card CAs for DIRECTE, facility
 * certificate CAs for INDIRECTE and INDIRECTE_RENFORCEE), the clock skew and the maximum age. Without
 * configured anchors, the development VIHF PKI under {@code <data>/pki/vihf} is generated or reused:
 * its own two CAs, distinct from the TLS development CA, so a TLS client certificate cannot sign
 * assertions.
 */
@Configuration(proxyBeanMethods = false)
public class VihfConfiguration {

    @Bean
    public VihfCredentials vihfCredentials(DmpProperties properties) {
        DmpProperties.Vihf vihf = properties.vihf();
        if (vihf.cardTrustAnchors() != null || vihf.facilityTrustAnchors() != null) {
            if (vihf.cardTrustAnchors() == null || vihf.facilityTrustAnchors() == null) {
                throw new IllegalStateException("set both dmp.vihf.card-trust-anchors and "
                        + "dmp.vihf.facility-trust-anchors, or neither (development VIHF PKI)");
            }
            return new VihfCredentials(VihfTrust.of(certificates(vihf.cardTrustAnchors()),
                    certificates(vihf.facilityTrustAnchors())), null);
        }
        Path directory = properties.pkiDir().resolve("vihf");
        try {
            DevelopmentVihfPki pki = DevelopmentVihfPki.ensure(directory);
            return new VihfCredentials(pki.trust(), pki);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the development VIHF PKI under " + directory, e);
        }
    }

    @Bean
    public VihfValidator vihfValidator(VihfCredentials credentials, DmpProperties properties) {
        return new VihfValidator(credentials.trust(), Clock.systemUTC(), properties.vihf().clockSkew(),
                properties.vihf().maxAge());
    }

    /** Every certificate of a PEM file. */
    static List<X509Certificate> certificates(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            List<X509Certificate> certificates = new ArrayList<>();
            CertificateFactory.getInstance("X.509").generateCertificates(in)
                    .forEach(c -> certificates.add((X509Certificate) c));
            if (certificates.isEmpty()) {
                throw new IllegalStateException("no certificate in " + pem);
            }
            return certificates;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read trust anchors " + pem, e);
        } catch (CertificateException e) {
            throw new IllegalStateException("not PEM certificates: " + pem + " (" + e.getMessage() + ")", e);
        }
    }

    /** The signer trust in use; {@code developmentPki} is null when anchors are configured. */
    public record VihfCredentials(VihfTrust trust, DevelopmentVihfPki developmentPki) {
    }
}
