package org.opendmp.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opendmp.conformance.XdsAssertions.assertSuccess;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Mutual TLS on the service port (DMP-CONTRACT: TLS 1.2 or higher with a client certificate): the
 * development client certificate is served; no certificate, an untrusted certificate or TLS 1.1
 * fail the handshake, with no HTTP answer.
 */
@DmpServerTest
class TlsIT {

    private static final String SOAP12 = "application/soap+xml; charset=UTF-8; action=\"" + Xds.ACTION_ITI18 + "\"";

    private final DmpServer server;
    private final XdsClient xds;

    TlsIT(DmpServer server, XdsClient xds) {
        this.server = server;
        this.xds = xds;
    }

    /** A FindDocuments with the VIHF the test client sends: only the TLS layer differs between the tests. */
    private byte[] aQuery() {
        return xds.secure(SoapMessages.soap12(Xds.ACTION_ITI18, server.registryUri().toString(),
                StoredQuery.findDocuments(xds.newPatient().cx()).body()).xml()).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void servesAClientPresentingTheDevelopmentClientCertificate() throws Exception {
        MtlsClient trusted = MtlsClient.trusted(server.pkiDir());

        MtlsClient.HttpResult result = trusted.post(server.registryUri(), SOAP12, aQuery());

        assertThat(result.status()).isEqualTo(200);
        assertSuccess(xds.query(StoredQuery.findDocuments(xds.newPatient().cx())));
    }

    @Test
    void refusesAClientWithoutCertificateDuringTheHandshake() {
        MtlsClient anonymous = new MtlsClient(MtlsClient.sslContext(null, server.pkiDir().resolve("ca.pem")));

        assertThatThrownBy(() -> anonymous.post(server.registryUri(), SOAP12, aQuery()))
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(ConnectException.class);
    }

    @Test
    void refusesAClientWhoseCertificateTheServerDoesNotTrust() throws Exception {
        Path keyStore = selfSignedKeyStore();
        MtlsClient untrusted = new MtlsClient(MtlsClient.sslContext(keyStore, server.pkiDir().resolve("ca.pem")));

        assertThatThrownBy(() -> untrusted.post(server.registryUri(), SOAP12, aQuery()))
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(ConnectException.class);
    }

    @Test
    void acceptsTls12AndRefusesATls11OnlyClient() throws Exception {
        String tls12 = probe("TLSv1.2");
        assertThat(tls12).as("TLS 1.2 probe").startsWith("RESULT OK TLSv1.2 HTTP/1.1");

        String tls11 = probe("TLSv1.1");
        assertThat(tls11).as("TLS 1.1 probe").startsWith("RESULT FAILED");
        assertThat(tls11).as("the probe itself must offer TLS 1.1 (refusal has to come from the server)")
                .doesNotContain("No appropriate protocol");
    }

    /** A key pair and self-signed certificate from keytool, unknown to the server's CA. */
    private Path selfSignedKeyStore() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "tls-it"));
        Path keyStore = dir.resolve("untrusted-" + server.database() + "-" + System.nanoTime() + ".p12");
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-noprompt",
                "-alias", "untrusted",
                "-keyalg", "RSA", "-keysize", "2048", "-sigalg", "SHA256withRSA",
                "-dname", "CN=Untrusted Client,O=OpenDMP Conformance,C=FR",
                "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", "changeit", "-keypass", "changeit");
        String output = run(command);
        assertThat(keyStore).as("keytool output: %s", output).isRegularFile();
        return keyStore;
    }

    /** Runs {@link TlsProbe} in a JVM whose security properties allow TLS 1.0/1.1 on the client side. */
    private String probe(String protocol) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "tls-it"));
        Path securityOverride = dir.resolve("client-allows-old-tls.security");
        Files.writeString(securityOverride, "jdk.tls.disabledAlgorithms=SSLv3, RC4, DES, MD5withRSA, "
                + "DH keySize < 1024, EC keySize < 224, 3DES_EDE_CBC, anon, NULL\n");
        Path classes = Path.of(TlsProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.security.properties=" + securityOverride.toAbsolutePath(),
                "-cp", classes.toString(),
                TlsProbe.class.getName(),
                "localhost", Integer.toString(server.port()),
                server.pkiDir().resolve("client.p12").toString(),
                server.pkiDir().resolve("ca.pem").toString(),
                protocol));
        String output = run(command);
        return output.lines().filter(line -> line.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new AssertionError("no RESULT line from the TLS probe:\n" + output));
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return new String(output, StandardCharsets.UTF_8);
    }
}
