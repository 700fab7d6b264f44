package org.opendmp.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.opendmp.conformance.Hl7v2Client.Hl7Message;

/**
 * The MLLP listener's own defences: mutual TLS, and connections that send truncated or oversized
 * frames, or nothing, are closed after the configured timeouts while the listener goes on answering
 * (ServerExtension starts the server with short MLLP timeouts and a small frame limit).
 */
@DmpServerTest
class Hl7v2ListenerIT {

    private static final long IDLE_MILLIS = ServerExtension.MLLP_IDLE_TIMEOUT_SECONDS * 1000L;
    private static final long READ_MILLIS = ServerExtension.MLLP_READ_TIMEOUT_SECONDS * 1000L;

    private final DmpServer server;

    Hl7v2ListenerIT(DmpServer server) {
        this.server = server;
    }

    @Test
    void answersSeveralMessagesOnOneConnection() throws Exception {
        try (Hl7v2Client client = Hl7v2Client.connect(server)) {
            for (int i = 0; i < 3; i++) {
                assertThat(client.send(aFeed()).ackCode()).isEqualTo("AA");
            }
        }
    }

    @Test
    void refusesAClientWithoutCertificateDuringTheHandshake() {
        assertThatThrownBy(() -> {
            try (Hl7v2Client anonymous = Hl7v2Client.connect(server,
                    MtlsClient.sslContext(null, server.pkiDir().resolve("ca.pem")))) {
                anonymous.send(aFeed());
            }
        }).isInstanceOf(IOException.class);
        assertListenerAnswers();
    }

    @Test
    void closesASilentConnectionAfterTheIdleTimeout() throws Exception {
        try (Hl7v2Client silent = Hl7v2Client.connect(server)) {
            long start = System.nanoTime();

            assertClosedByServer(silent);

            long waited = (System.nanoTime() - start) / 1_000_000;
            assertThat(waited).isBetween(IDLE_MILLIS - 500, IDLE_MILLIS * 4 + 5_000);
        }
        assertListenerAnswers();
    }

    @Test
    void closesAPlainTcpConnectionThatNeverStartsTls() throws Exception {
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress("localhost", server.mllpPort()), 5_000);
            plain.setSoTimeout((int) (IDLE_MILLIS * 4 + 10_000));
            plain.getInputStream().readAllBytes();
        } catch (SocketException reset) {
            // a reset is a close too
        }
        assertListenerAnswers();
    }

    @Test
    void dropsATruncatedFrameWithItsConnectionAfterTheReadTimeout() throws Exception {
        try (Hl7v2Client client = Hl7v2Client.connect(server)) {
            byte[] framed = Hl7v2Client.frame(aFeed().getBytes(StandardCharsets.ISO_8859_1));
            client.sendBytes(Arrays.copyOf(framed, framed.length / 2));
            long start = System.nanoTime();

            assertClosedByServer(client);

            long waited = (System.nanoTime() - start) / 1_000_000;
            assertThat(waited).isLessThan(READ_MILLIS * 4 + IDLE_MILLIS + 5_000);
        }
        assertListenerAnswers();
    }

    @Test
    void closesTheConnectionOfAnOversizedFirstFrame() throws Exception {
        try (Hl7v2Client client = Hl7v2Client.connect(server)) {
            sendOversized(client);

            assertClosedByServer(client);
        }
        assertListenerAnswers();
    }

    @Test
    void closesTheConnectionOfAnOversizedFrameAfterAGoodOne() throws Exception {
        try (Hl7v2Client client = Hl7v2Client.connect(server)) {
            assertThat(client.send(aFeed()).ackCode()).isEqualTo("AA");
            sendOversized(client);

            assertClosedByServer(client);
        }
        assertListenerAnswers();
    }

    private static void sendOversized(Hl7v2Client client) {
        StringBuilder big = new StringBuilder(aFeed());
        while (big.length() <= ServerExtension.MLLP_MAX_FRAME_SIZE + 1024) {
            big.append("NTE|1||").append("x".repeat(1000)).append('\r');
        }
        try {
            client.sendBytes(Hl7v2Client.frame(big.toString().getBytes(StandardCharsets.ISO_8859_1)));
        } catch (IOException closedWhileSending) {
            // the server may close before everything is written
        }
    }

    private static void assertClosedByServer(Hl7v2Client client) {
        assertThatThrownBy(client::readFrame).isInstanceOfAny(EOFException.class, SocketException.class,
                javax.net.ssl.SSLException.class);
    }

    private void assertListenerAnswers() {
        try {
            Hl7Message ack = Hl7v2Client.send(server, aFeed());
            assertThat(ack.ackCode()).as("the listener still answers").isEqualTo("AA");
        } catch (IOException e) {
            throw new AssertionError("the listener no longer answers", e);
        }
    }

    private static String aFeed() {
        return Hl7v2Client.a01(TestData.newNir() + "^^^&" + Xds.INS_NIR_TEST_OID + "&ISO^NH", "ECOUTE^JEAN^^^^^L",
                "19800101", "M");
    }
}
