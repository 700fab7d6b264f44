package org.opendmp.security.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevelopmentPkiTest {

    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final int DNS_NAME = 2;
    private static final int IP_ADDRESS = 7;

    @TempDir
    static Path data;

    /** Generated once: RSA key generation is slow. */
    static DevelopmentPki pki;

    @BeforeAll
    static void generate() throws Exception {
        pki = DevelopmentPki.ensure(data.resolve("pki"));
    }

    @Test
    void firstEnsureGeneratesEveryFile() throws Exception {
        assertThat(pki.generatedNow()).isTrue();
        assertThat(Stream.of(pki.caCertificate(), pki.caKey(), pki.serverKeyStore(), pki.clientCertificate(),
                pki.clientKey(), pki.clientKeyStore(), pki.trustStore(), pki.directory().resolve("README.txt")))
                .allSatisfy(file -> assertThat(file).isRegularFile().isNotEmptyFile());
        assertThat(Files.readString(pki.directory().resolve("README.txt")))
                .contains("DEVELOPMENT", "production", "ca.pem", "client.key", "server.p12", "changeit");
        assertThat(pki.password()).containsExactly("changeit".toCharArray());
    }

    @Test
    void generationLeavesNoStagingDirectoryBehind() throws Exception {
        try (Stream<Path> siblings = Files.list(data)) {
            assertThat(siblings.map(path -> path.getFileName().toString())).containsExactly("pki");
        }
    }

    @Test
    void laterEnsureReusesTheExistingPki() throws Exception {
        byte[] serverKeyStore = Files.readAllBytes(pki.serverKeyStore());

        DevelopmentPki again = DevelopmentPki.ensure(data.resolve("pki"));

        assertThat(again.generatedNow()).isFalse();
        assertThat(fingerprint(again.caX509Certificate())).isEqualTo(fingerprint(pki.caX509Certificate()));
        assertThat(Files.readAllBytes(again.serverKeyStore())).isEqualTo(serverKeyStore);
    }

    @Test
    void partialPkiIsRefusedRatherThanCompleted(@TempDir Path other) throws Exception {
        Path partial = other.resolve("pki");
        Files.createDirectories(partial);
        for (String name : List.of("ca.pem", "ca.key", "server.p12", "client.pem", "client.p12", "truststore.p12")) {
            Files.copy(pki.directory().resolve(name), partial.resolve(name));
        }

        assertThatThrownBy(() -> DevelopmentPki.ensure(partial))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Incomplete development PKI")
                .hasMessageContaining("missing [client.key]")
                .hasMessageContaining("delete the directory");
        assertThat(partial.resolve("client.key")).doesNotExist();
    }

    @Test
    void existingDirectoryWithoutPkiFilesIsFilledInAndKeepsItsOtherFiles(@TempDir Path other) throws Exception {
        Path notes = Files.writeString(other.resolve("notes.txt"), "mine");

        DevelopmentPki filled = DevelopmentPki.ensure(other);

        assertThat(filled.generatedNow()).isTrue();
        assertThat(notes).hasContent("mine");
        assertThat(DevelopmentPki.REQUIRED_FILES).allSatisfy(name -> assertThat(other.resolve(name)).exists());
        assertThatNoException().isThrownBy(() -> validate(pem(filled.clientCertificate()),
                filled.caX509Certificate()));
    }

    @Test
    void caIsASelfSignedRsa3072CaForCertificateSigningOnly() throws Exception {
        X509Certificate ca = pem(pki.caCertificate());

        assertThat(ca).isEqualTo(pki.caX509Certificate());
        assertThat(ca.getSubjectX500Principal().getName())
                .isEqualTo("CN=Open DMP Development CA,O=Open DMP (development only),C=FR");
        assertThat(ca.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
        assertThatNoException().isThrownBy(() -> ca.verify(ca.getPublicKey()));
        assertThat(ca.getBasicConstraints()).isNotNegative();
        assertThat(ca.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15");
        boolean[] keyUsage = ca.getKeyUsage();
        assertThat(keyUsage[5]).as("keyCertSign").isTrue();
        assertThat(keyUsage[6]).as("cRLSign").isTrue();
        assertThat(keyUsage[0]).as("digitalSignature").isFalse();
        assertThat(((RSAPublicKey) ca.getPublicKey()).getModulus().bitLength()).isEqualTo(3072);
        assertThat(ca.getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(Duration.between(ca.getNotBefore().toInstant(), ca.getNotAfter().toInstant()).toDays())
                .isBetween(3650L, 3660L);
    }

    @Test
    void serverCertificateIsRsaForLocalhostWithServerAuthAndChainsToTheCa() throws Exception {
        KeyStore store = TlsSettings.loadPkcs12(pki.serverKeyStore(), pki.password());
        assertThat(store.isKeyEntry("server")).isTrue();
        Certificate[] chain = store.getCertificateChain("server");
        X509Certificate server = (X509Certificate) chain[0];

        assertThat(chain).hasSize(2);
        assertThat(chain[1]).isEqualTo(pki.caX509Certificate());
        assertThat(server.getSubjectX500Principal().getName())
                .isEqualTo("CN=localhost,O=Open DMP (development only),C=FR");
        assertThat(server.getSubjectAlternativeNames()).containsExactlyInAnyOrder(
                List.of(DNS_NAME, "localhost"), List.of(IP_ADDRESS, "127.0.0.1"),
                List.of(IP_ADDRESS, "0:0:0:0:0:0:0:1"));
        assertThat(server.getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
        assertThat(server.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(server.getKeyUsage()[2]).as("keyEncipherment").isTrue();
        assertThat(server.getBasicConstraints()).isEqualTo(-1);
        assertThat(server.getPublicKey().getAlgorithm()).isEqualTo("RSA");
        assertThat(((RSAPublicKey) server.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(Duration.between(server.getNotBefore().toInstant(), server.getNotAfter().toInstant()).toDays())
                .isBetween(729L, 731L);
        assertThatNoException().isThrownBy(() -> validate(server, pki.caX509Certificate()));
    }

    @Test
    void clientCertificateIsForClientAuthAndChainsToTheCa() throws Exception {
        X509Certificate client = pem(pki.clientCertificate());

        assertThat(client.getSubjectX500Principal().getName())
                .isEqualTo("CN=Demo clinical software,O=Open DMP (development only),C=FR");
        assertThat(client.getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
        assertThat(client.getBasicConstraints()).isEqualTo(-1);
        assertThatNoException().isThrownBy(() -> validate(client, pki.caX509Certificate()));
    }

    @Test
    void certificateFromAnotherCaDoesNotChainToTheCa() throws Exception {
        X509Certificate client = pem(pki.clientCertificate());
        X509Certificate server = (X509Certificate) TlsSettings.loadPkcs12(pki.serverKeyStore(), pki.password())
                .getCertificate("server");

        assertThatThrownBy(() -> validate(client, server)).isInstanceOf(CertPathValidatorException.class);
    }

    @Test
    void clientPemFilesMatchTheClientKeyStore() throws Exception {
        KeyStore store = TlsSettings.loadPkcs12(pki.clientKeyStore(), pki.password());
        Certificate[] chain = store.getCertificateChain("client");
        String keyPem = Files.readString(pki.clientKey(), StandardCharsets.US_ASCII);

        assertThat(chain).containsExactly(pem(pki.clientCertificate()), pki.caX509Certificate());
        assertThat(keyPem).startsWith("-----BEGIN PRIVATE KEY-----").doesNotContain("ENCRYPTED");
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(pemBody(keyPem)));
        assertThat(key.getModulus()).isEqualTo(((RSAPublicKey) chain[0].getPublicKey()).getModulus());
        assertThat(store.getKey("client", pki.password())).isEqualTo(key);
    }

    @Test
    void privateKeyFilesAreReadableByTheOwnerOnly() throws Exception {
        assumeTrue(pki.directory().getFileSystem().supportedFileAttributeViews().contains("posix"));

        assertThat(Stream.of(pki.caKey(), pki.clientKey(), pki.clientKeyStore(), pki.serverKeyStore()))
                .allSatisfy(file -> assertThat(Files.getPosixFilePermissions(file))
                        .isEqualTo(PosixFilePermissions.fromString("rw-------")));
        assertThat(Files.getPosixFilePermissions(pki.caCertificate()))
                .isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
    }

    @Test
    void trustStoreHoldsTheCaAsATrustedEntry() throws Exception {
        KeyStore store = TlsSettings.loadPkcs12(pki.trustStore(), pki.password());

        assertThat(store.size()).isEqualTo(1);
        assertThat(store.isCertificateEntry("ca")).isTrue();
        assertThat(store.getCertificate("ca")).isEqualTo(pki.caX509Certificate());
    }

    @Test
    void serialNumbersAreRandomAndDistinct() throws Exception {
        X509Certificate server = (X509Certificate) TlsSettings.loadPkcs12(pki.serverKeyStore(), pki.password())
                .getCertificate("server");

        assertThat(Stream.of(pki.caX509Certificate(), server, pem(pki.clientCertificate()))
                .map(X509Certificate::getSerialNumber))
                .doesNotHaveDuplicates()
                .allSatisfy(serial -> assertThat(serial.bitLength()).isGreaterThan(64));
    }

    @Test
    void issuedClientCertificateChainsToTheCaInANewKeyStore(@TempDir Path other) throws Exception {
        Path p12 = other.resolve("second.p12");

        X509Certificate issued = pki.issueClientCertificate("Second clinical software", p12);

        assertThat(issued.getSubjectX500Principal().getName())
                .isEqualTo("CN=Second clinical software,O=Open DMP (development only),C=FR");
        assertThat(issued.getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
        assertThatNoException().isThrownBy(() -> validate(issued, pki.caX509Certificate()));
        KeyStore store = TlsSettings.loadPkcs12(p12, pki.password());
        assertThat(store.getCertificateChain("client")).containsExactly(issued, pki.caX509Certificate());
        assertThat(store.isKeyEntry("client")).isTrue();
        try (Stream<Path> files = Files.list(other)) {
            assertThat(files).containsExactly(p12);
        }
    }

    @Test
    void issuingNeverOverwritesAnExistingKeyStore(@TempDir Path other) throws Exception {
        Path existing = Files.writeString(other.resolve("taken.p12"), "keep");

        assertThatThrownBy(() -> pki.issueClientCertificate("Third", existing))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(existing).hasContent("keep");
    }

    @Test
    void issuedCertificateHonoursAnExplicitValidityPeriod(@TempDir Path other) throws Exception {
        Instant notBefore = Instant.parse("2020-01-01T00:00:00Z");
        Instant notAfter = Instant.parse("2021-01-01T00:00:00Z");

        X509Certificate expired = pki.issueClientCertificate("Expired", other.resolve("expired.p12"),
                notBefore, notAfter);

        assertThat(expired.getNotBefore().toInstant()).isEqualTo(notBefore);
        assertThat(expired.getNotAfter().toInstant()).isEqualTo(notAfter);
    }

    static void validate(X509Certificate leaf, X509Certificate anchor) throws Exception {
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
        parameters.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(
                CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf)), parameters);
    }

    static X509Certificate pem(Path file) throws Exception {
        try (var in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static byte[] pemBody(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }

    private static String fingerprint(X509Certificate certificate) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    }
}
