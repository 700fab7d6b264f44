package org.opendmp.server.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.opendmp.server.config.DmpProperties;
import org.opendmp.server.config.ServerCredentials;
import org.opendmp.security.tls.DevelopmentPki;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call the patient portal API: the subjects of {@code dmp.portal.client-subjects}; when none
 * is set and the server runs on the development PKI, that PKI's demo client (development only: the
 * demo client stands for clinical software too). With configured TLS and no subject, the API answers
 * 403 to everyone.
 */
@Configuration(proxyBeanMethods = false)
public class PortalConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(PortalConfiguration.class);

    @Bean
    PortalClients portalClients(DmpProperties properties, ServerCredentials credentials) {
        List<String> subjects = properties.portal().clientSubjects();
        if (subjects.isEmpty() && credentials.developmentPki() != null) {
            subjects = List.of(subjectOf(credentials.developmentPki()));
            LOG.warn("Patient portal API open to the development PKI's demo client ({}): development only;"
                    + " set dmp.portal.client-subjects", subjects.get(0));
        } else if (subjects.isEmpty()) {
            LOG.info("Patient portal API closed: no dmp.portal.client-subjects");
        }
        return new PortalClients(subjects);
    }

    @Bean
    FilterRegistrationBean<PortalClientFilter> portalClientFilter(PortalClients clients) {
        FilterRegistrationBean<PortalClientFilter> registration =
                new FilterRegistrationBean<>(new PortalClientFilter(clients));
        registration.addUrlPatterns(PatientPortalController.BASE + "/*");
        return registration;
    }

    private static String subjectOf(DevelopmentPki pki) {
        try (InputStream in = Files.newInputStream(pki.clientCertificate())) {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(in);
            return certificate.getSubjectX500Principal().getName();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pki.clientCertificate(), e);
        } catch (CertificateException e) {
            throw new IllegalStateException("cannot read " + pki.clientCertificate() + ": " + e.getMessage(), e);
        }
    }
}
