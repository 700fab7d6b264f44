package org.opendmp.server.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.opendmp.security.tls.DevelopmentPki;
import org.opendmp.security.tls.TlsSettings;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTPS with a required client certificate on the SOAP port, with the DMP's protocols and
 * cipher suites. Without configured key material, the development PKI under the data
 * directory is generated (first start) or reused. The operations port is not touched.
 */
@Configuration(proxyBeanMethods = false)
public class TlsConfiguration {

    @Bean
    public ServerCredentials serverCredentials(DmpProperties properties) {
        if (properties.tls().configured()) {
            if (properties.tls().trustAnchors() == null) {
                throw new IllegalStateException("dmp.tls.key-store is set but dmp.tls.trust-anchors is not: "
                        + "name the PEM file of the CAs whose client certificates are accepted");
            }
            return new ServerCredentials(properties.tls().keyStore(), properties.tls().keyStorePassword(),
                    properties.tls().trustAnchors(), null);
        }
        try {
            DevelopmentPki pki = DevelopmentPki.ensure(properties.pkiDir());
            return new ServerCredentials(pki.serverKeyStore(), new String(pki.password()), pki.caCertificate(), pki);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the development PKI under " + properties.pkiDir(), e);
        }
    }

    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> mutualTls(ServerCredentials credentials) {
        return factory -> {
            Ssl ssl = new Ssl();
            ssl.setEnabled(true);
            ssl.setKeyStore(credentials.keyStore().toUri().toString());
            ssl.setKeyStorePassword(credentials.keyStorePassword());
            ssl.setKeyStoreType("PKCS12");
            ssl.setTrustCertificate(credentials.trustAnchors().toUri().toString());
            ssl.setClientAuth(Ssl.ClientAuth.NEED);
            ssl.setEnabledProtocols(TlsSettings.protocols());
            ssl.setCiphers(TlsSettings.cipherSuites());
            factory.setSsl(ssl);
        };
    }
}
