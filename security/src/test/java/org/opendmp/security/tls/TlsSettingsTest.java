package org.opendmp.security.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.Certificate;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TlsSettingsTest {

    private static final String DEMO_CLIENT = "CN=Demo clinical software,O=Open DMP (development only),C=FR";

    @TempDir
    static Path data;

    /** Generated once each: RSA key generation is slow. */
    static DevelopmentPki pki;
    static DevelopmentPki untrusted;
    static SSLContext server;
    static SSLContext client;

    @BeforeAll
    static void generate() throws Exception {
        pki = DevelopmentPki.ensure(data.resolve("pki"));
        untrusted = DevelopmentPki.ensure(data.resolve("other-pki"));
        server = TlsSettings.sslContext(pki.serverKeyStore(), pki.password(), pki.caCertificate());
        client = TlsSettings.sslContext(pki.clientKeyStore(), pki.password(), pki.caCertificate());
    }

    @Test
    void onlyTls13AndTls12AreEnabled() {
        assertThat(TlsSettings.PROTOCOLS).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(TlsSettings.serverParameters().getProtocols()).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(TlsSettings.clientParameters().getProtocols()).containsExactly("TLSv1.3", "TLSv1.2");
    }

    @Test
    void tls12SuitesAreEcdheRsaWithStrongCiphersOnly() {
        assertThat(TlsSettings.CIPHER_SUITES).containsExactly(
                "TLS_AES_256_GCM_SHA384",
                "TLS_AES_128_GCM_SHA256",
                "TLS_CHACHA20_POLY1305_SHA256",
                "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
                "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
                "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384");
        assertThat(tls12Suites()).allSatisfy(suite -> assertThat(suite).startsWith("TLS_ECDHE_RSA_WITH_"));
    }

    @Test
    void everyDmpSuiteIsSupportedByTheJdk() throws Exception {
        assertThat(SSLContext.getDefault().getSupportedSSLParameters().getCipherSuites())
                .contains(TlsSettings.cipherSuites());
    }

    @Test
    void serverRequiresAClientCertificateAndImposesItsSuiteOrder() {
        SSLParameters parameters = TlsSettings.serverParameters();

        assertThat(parameters.getNeedClientAuth()).isTrue();
        assertThat(parameters.getUseCipherSuitesOrder()).isTrue();
        assertThat(parameters.getCipherSuites()).containsExactlyElementsOf(TlsSettings.CIPHER_SUITES);
    }

    @Test
    void clientChecksTheServerNameAgainstItsCertificate() {
        assertThat(TlsSettings.clientParameters().getEndpointIdentificationAlgorithm()).isEqualTo("HTTPS");
    }

    @Test
    void returnedArraysAreFreshCopies() {
        TlsSettings.cipherSuites()[0] = "changed";
        TlsSettings.protocols()[0] = "changed";

        assertThat(TlsSettings.cipherSuites()[0]).isEqualTo("TLS_AES_256_GCM_SHA384");
        assertThat(TlsSettings.protocols()[0]).isEqualTo("TLSv1.3");
    }

    @Test
    void trustStoreFromPemReadsEveryCertificateAndIgnoresOtherBlocks(@TempDir Path dir) throws Exception {
        Path bundle = dir.resolve("bundle.pem");
        Files.writeString(bundle, "Development CA\n" + Files.readString(pki.caCertificate())
                + Files.readString(pki.clientKey())
                + "Other CA\n" + Files.readString(untrusted.caCertificate()));

        KeyStore store = TlsSettings.trustStoreFromPem(bundle);

        assertThat(Collections.list(store.aliases())).containsExactlyInAnyOrder("cert-0", "cert-1");
        assertThat(Stream.of("cert-0", "cert-1").map(alias -> certificate(store, alias)))
                .containsExactlyInAnyOrder(pki.caX509Certificate(), untrusted.caX509Certificate());
        assertThat(store.isCertificateEntry("cert-0")).isTrue();
    }

    @Test
    void pemWithoutCertificateIsRejected() {
        assertThatThrownBy(() -> TlsSettings.trustStoreFromPem(pki.clientKey()))
                .isInstanceOf(KeyStoreException.class)
                .hasMessageContaining("No certificate");
    }

    @Test
    void trustMaterialMayBePemOrPkcs12() throws Exception {
        KeyStore fromPem = TlsSettings.loadTrustStore(pki.caCertificate(), pki.password());
        KeyStore fromP12 = TlsSettings.loadTrustStore(pki.trustStore(), pki.password());

        assertThat(certificate(fromPem, "cert-0")).isEqualTo(pki.caX509Certificate());
        assertThat(certificate(fromP12, "ca")).isEqualTo(pki.caX509Certificate());
    }

    @Test
    void mutualTlsHandshakeSucceedsWithTheDemoClientCertificate() throws Exception {
        try (LoopbackTlsServer loopback = new LoopbackTlsServer(server)) {
            assertThat(loopback.socket().getNeedClientAuth()).isTrue();

            int answer = LoopbackTlsServer.exchange(client, loopback.port(), TlsSettings.clientParameters());

            assertThat(answer).isEqualTo(42);
            LoopbackTlsServer.Accepted accepted = loopback.accepted().get(10, TimeUnit.SECONDS);
            assertThat(accepted.clientSubject()).isEqualTo(DEMO_CLIENT);
            assertThat(accepted.protocol()).isEqualTo("TLSv1.3");
            assertThat(accepted.cipherSuite()).isEqualTo("TLS_AES_256_GCM_SHA384");
        }
    }

    @Test
    void javaClientMayTrustTheServerThroughTheTrustStoreFile() throws Exception {
        SSLContext viaTrustStore = TlsSettings.sslContext(pki.clientKeyStore(), pki.password(), pki.trustStore());
        try (LoopbackTlsServer loopback = new LoopbackTlsServer(server)) {
            assertThat(LoopbackTlsServer.exchange(viaTrustStore, loopback.port(), TlsSettings.clientParameters()))
                    .isEqualTo(42);
        }
    }

    @Test
    void tls12HandshakeNegotiatesTheServersPreferredEcdheRsaSuite() throws Exception {
        SSLParameters tls12 = TlsSettings.clientParameters();
        tls12.setProtocols(new String[] {"TLSv1.2"});
        try (LoopbackTlsServer loopback = new LoopbackTlsServer(server)) {
            assertThat(LoopbackTlsServer.exchange(client, loopback.port(), tls12)).isEqualTo(42);

            LoopbackTlsServer.Accepted accepted = loopback.accepted().get(10, TimeUnit.SECONDS);
            assertThat(accepted.protocol()).isEqualTo("TLSv1.2");
            assertThat(accepted.cipherSuite()).isEqualTo("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
            assertThat(accepted.clientSubject()).isEqualTo(DEMO_CLIENT);
        }
    }

    @ParameterizedTest
    @MethodSource("dmpSuites")
    void everyDmpSuiteCanBeNegotiatedWithTheRsaServerCertificate(String suite) throws Exception {
        SSLParameters only = TlsSettings.clientParameters();
        only.setCipherSuites(new String[] {suite});
        only.setProtocols(new String[] {suite.startsWith("TLS_ECDHE_") ? "TLSv1.2" : "TLSv1.3"});
        try (LoopbackTlsServer loopback = new LoopbackTlsServer(server)) {
            assertThat(LoopbackTlsServer.exchange(client, loopback.port(), only)).isEqualTo(42);

            assertThat(loopback.accepted().get(10, TimeUnit.SECONDS).cipherSuite()).isEqualTo(suite);
        }
    }

    @Test
    void suiteOutsideTheDmpProfileIsRefused() throws Exception {
        SSLParameters weak = TlsSettings.clientParameters();
        weak.setProtocols(new String[] {"TLSv1.2"});
        weak.setCipherSuites(new String[] {"TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256"});
        assertRefused(client, weak);
    }

    @Test
    void clientCertificateFromAnUntrustedCaIsRefused() throws Exception {
        // Same subject names as the trusted PKI, but another CA key: only the signature tells them apart.
        SSLContext stranger = TlsSettings.sslContext(untrusted.clientKeyStore(), untrusted.password(),
                pki.caCertificate());
        assertRefused(stranger, TlsSettings.clientParameters());
    }

    @Test
    void clientWithoutCertificateIsRefused() throws Exception {
        SSLContext anonymous = TlsSettings.sslContext((Path) null, null, pki.caCertificate());
        assertRefused(anonymous, TlsSettings.clientParameters());
    }

    @Test
    void expiredClientCertificateIsRefused(@TempDir Path dir) throws Exception {
        Path expired = dir.resolve("expired.p12");
        pki.issueClientCertificate("Expired clinical software", expired,
                Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2021-01-01T00:00:00Z"));
        assertRefused(TlsSettings.sslContext(expired, pki.password(), pki.caCertificate()),
                TlsSettings.clientParameters());
    }

    @Test
    void secondIssuedClientCertificateIsAccepted(@TempDir Path dir) throws Exception {
        Path second = dir.resolve("second.p12");
        pki.issueClientCertificate("Second clinical software", second);
        SSLContext secondClient = TlsSettings.sslContext(second, pki.password(), pki.caCertificate());

        try (LoopbackTlsServer loopback = new LoopbackTlsServer(server)) {
            assertThat(LoopbackTlsServer.exchange(secondClient, loopback.port(), TlsSettings.clientParameters()))
                    .isEqualTo(42);
            assertThat(loopback.accepted().get(10, TimeUnit.SECONDS).clientSubject())
                    .isEqualTo("CN=Second clinical software,O=Open DMP (development only),C=FR");
        }
    }

    @Test
    void clientRefusesAServerItDoesNotTrust() throws Exception {
        SSLContext otherServer = TlsSettings.sslContext(untrusted.serverKeyStore(), untrusted.password(),
                pki.caCertificate());
        try (LoopbackTlsServer loopback = new LoopbackTlsServer(otherServer)) {
            assertThatThrownBy(() -> LoopbackTlsServer.exchange(client, loopback.port(),
                    TlsSettings.clientParameters()))
                    .isInstanceOf(SSLHandshakeException.class);
        }
    }

    /** The handshake fails on the server; with TLS 1.3 the client only learns it on its first read. */
    private static void assertRefused(SSLContext clientContext, SSLParameters parameters) throws Exception {
        try (LoopbackTlsServer loopback = new LoopbackTlsServer(server)) {
            assertThatThrownBy(() -> LoopbackTlsServer.exchange(clientContext, loopback.port(), parameters))
                    .isInstanceOf(IOException.class);
            assertThatThrownBy(() -> loopback.accepted().get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(SSLHandshakeException.class);
        }
    }

    static List<String> dmpSuites() {
        return TlsSettings.CIPHER_SUITES;
    }

    private static List<String> tls12Suites() {
        return TlsSettings.CIPHER_SUITES.stream().filter(suite -> suite.contains("_WITH_")).toList();
    }

    private static Certificate certificate(KeyStore store, String alias) {
        try {
            return store.getCertificate(alias);
        } catch (KeyStoreException e) {
            throw new IllegalStateException(e);
        }
    }
}
