package org.opendmp.audit.arr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendmp.security.tls.DevelopmentPki;
import org.opendmp.security.tls.TlsSettings;
import org.opendmp.testsupport.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The ARR's own listeners on loopback, TLS with certificates of a development PKI, under every kind of
 * bad input: each is refused with the right reason, counted, kept as a reject, logged without its
 * content, and valid events keep being stored afterwards.
 */
class ListenersTest {

    private static final int MAX = 16 * 1024;
    private static final Duration READ_TIMEOUT = Duration.ofMillis(800);
    private static final int MAX_CONNECTIONS = 4;

    @TempDir
    static Path pkiDir;
    static DevelopmentPki pki;
    static SSLContext serverContext;
    static SSLContext clientContext;

    private AuditStore store;
    private AuditRecordRepository arr;
    private int sequence;

    @BeforeAll
    static void pki() throws Exception {
        pki = DevelopmentPki.ensure(pkiDir.resolve("pki"));
        serverContext = TlsSettings.sslContext(pki.serverKeyStore(), pki.password(), pki.caCertificate());
        clientContext = TlsSettings.sslContext(pki.clientKeyStore(), pki.password(), pki.caCertificate());
    }

    private void start(AuditStore store, int queueCapacity) {
        this.store = store;
        arr = new AuditRecordRepository(store, new ArrSettings("127.0.0.1", 0, 0, MAX, 1024, 1000, MAX_CONNECTIONS,
                Duration.ofSeconds(5), READ_TIMEOUT, queueCapacity, 100, 1), serverContext, Clock.systemUTC()).start();
    }

    private void start() {
        DataSource dataSource = TestDatabase.H2.fresh();
        start(new AuditStore(new JdbcTemplate(dataSource), new DataSourceTransactionManager(dataSource)), 1000);
    }

    @AfterEach
    void stop() {
        if (arr != null) {
            arr.close();
        }
    }

    // ------------------------------------------------------------------------------------------------ TLS

    @Test
    void storesValidEventsSentOverTlsWithTheClientCertificateAsSender() throws Exception {
        start();
        try (SSLSocket socket = tls()) {
            OutputStream out = socket.getOutputStream();
            out.write(AuditSamples.frame(valid()));
            out.write(AuditSamples.frame(valid()));
            out.flush();
            awaitStored(2);
        }

        StoredEvent event = store.search(everything()).get(0);
        assertThat(event.transport()).isEqualTo(Transport.TLS);
        assertThat(event.sender()).contains("CN=Demo clinical software").endsWith("127.0.0.1");
        assertThat(arr.counters().received(Transport.TLS)).isEqualTo(2);
        assertThat(arr.counters().rejected(Transport.TLS)).isZero();
    }

    @Test
    void garbageIsAFramingRejectAndClosesOnlyThatConnection() throws Exception {
        start();
        assertRefusedOverTls(RejectReason.FRAMING, "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aNonNumericOctetCountIsAFramingReject() throws Exception {
        start();
        byte[] message = valid();
        byte[] frame = concat(("12x4 ").getBytes(StandardCharsets.US_ASCII), message);
        assertRefusedOverTls(RejectReason.FRAMING, frame);
    }

    @Test
    void aFrameCutByTheSenderClosingIsTruncated() throws Exception {
        start();
        byte[] frame = AuditSamples.frame(valid());
        assertRefusedOverTls(RejectReason.TRUNCATED, Arrays.copyOf(frame, frame.length / 2));
    }

    @Test
    void anOctetCountLargerThanTheMessageIsTruncatedAfterTheReadTimeout() throws Exception {
        start();
        byte[] message = valid();
        byte[] frame = concat(((message.length + 50) + " ").getBytes(StandardCharsets.US_ASCII), message);
        try (SSLSocket socket = tls()) {
            socket.getOutputStream().write(frame);
            socket.getOutputStream().flush();
            assertClosedByServer(socket);
        }
        awaitRejected(Transport.TLS, RejectReason.TRUNCATED, 1);
        assertValidStillStored(Transport.TLS);
    }

    @Test
    void anOctetCountSmallerThanTheMessageCutsItAndDesynchronizesTheStream() throws Exception {
        start();
        byte[] message = valid();
        byte[] frame = concat(((message.length - 30) + " ").getBytes(StandardCharsets.US_ASCII), message);
        try (SSLSocket socket = tls()) {
            socket.getOutputStream().write(frame);
            socket.getOutputStream().flush();
            assertClosedByServer(socket);
        }
        awaitRejected(Transport.TLS, RejectReason.INVALID_XML, 1);
        awaitRejected(Transport.TLS, RejectReason.FRAMING, 1);
        assertValidStillStored(Transport.TLS);
    }

    @Test
    void aTenMegabyteMessageIsRefusedFromItsCountAndTheConnectionGoesOn() throws Exception {
        start();
        byte[] huge = new byte[10 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'x');
        try (SSLSocket socket = tls()) {
            OutputStream out = socket.getOutputStream();
            out.write(AuditSamples.frame(huge));
            out.write(AuditSamples.frame(valid()));
            out.flush();
            awaitStored(1);
        }
        assertThat(arr.counters().rejected(Transport.TLS, RejectReason.OVERSIZED)).isEqualTo(1);
        awaitRejects(1);
        AuditStore.StoredReject reject = store.rejects(Instant.EPOCH, Instant.now().plusSeconds(60), null, null, 10).get(0);
        assertThat(reject.reject().size()).isEqualTo(huge.length);
        assertThat(reject.reject().content()).hasSize(1024);
    }

    @Test
    void xmlThatIsNotWellFormedIsRefused() throws Exception {
        start();
        assertRefusedOverTls(RejectReason.INVALID_XML, AuditSamples.frame(AuditSamples.syslog(
                "<AuditMessage><EventIdentification", "p", null)));
    }

    @Test
    void xmlThatIsNotAnAuditMessageIsRefused() throws Exception {
        start();
        assertRefusedOverTls(RejectReason.NOT_AUDIT_MESSAGE, AuditSamples.frame(AuditSamples.syslog(
                "<Envelope xmlns=\"http://www.w3.org/2003/05/soap-envelope\"><Body/></Envelope>", "p", null)));
    }

    @Test
    void anAuditMessageAgainstTheSchemaIsRefused() throws Exception {
        start();
        String invalid = new String(valid(), StandardCharsets.UTF_8).replace("EventOutcomeIndicator=\"0\"", "");
        assertRefusedOverTls(RejectReason.SCHEMA_INVALID, AuditSamples.frame(invalid.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aFramedMessageThatIsNotSyslogIsRefusedAndTheConnectionGoesOn() throws Exception {
        start();
        try (SSLSocket socket = tls()) {
            OutputStream out = socket.getOutputStream();
            out.write(AuditSamples.frame("just some text".getBytes(StandardCharsets.US_ASCII)));
            out.write(AuditSamples.frame(valid()));
            out.flush();
            awaitStored(1);
        }
        assertThat(arr.counters().rejected(Transport.TLS, RejectReason.NOT_SYSLOG)).isEqualTo(1);
    }

    @Test
    void aClientWithoutCertificateOrSpeakingPlainTextFailsTheHandshakeAndTheListenerGoesOn() throws Exception {
        start();
        SSLContext anonymous = TlsSettings.sslContext((Path) null, pki.password(), pki.caCertificate());
        try (SSLSocket socket = (SSLSocket) anonymous.getSocketFactory().createSocket("127.0.0.1", arr.tlsPort())) {
            socket.setSSLParameters(TlsSettings.clientParameters());
            socket.setSoTimeout(5_000);
            try {
                socket.startHandshake();
                socket.getOutputStream().write(AuditSamples.frame(valid()));
                socket.getOutputStream().flush();
                socket.getInputStream().read();
            } catch (IOException expected) {
                // refused: TLS 1.3 may report it at the first read
            }
        }
        try (Socket plain = new Socket("127.0.0.1", arr.tlsPort())) {
            plain.getOutputStream().write(AuditSamples.frame(valid()));
            plain.getOutputStream().flush();
            plain.setSoTimeout(5_000);
            drain(plain.getInputStream());
        }
        await(() -> arr.counters().handshakeFailures() == 2, "two handshake failures");
        assertThat(store.count()).isZero();
        assertValidStillStored(Transport.TLS);
    }

    @Test
    void connectionsBeyondTheMaximumAreClosedAtOnceAndServiceResumesWhenOthersClose() throws Exception {
        start();
        List<SSLSocket> idle = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_CONNECTIONS; i++) {
                idle.add(tls());
            }
            try (Socket extra = new Socket("127.0.0.1", arr.tlsPort())) {
                extra.setSoTimeout(5_000);
                assertThat(extra.getInputStream().read()).isEqualTo(-1);
            }
            assertThat(arr.counters().connectionsRefused()).isEqualTo(1);
        } finally {
            for (SSLSocket socket : idle) {
                socket.close();
            }
        }
        assertValidStillStored(Transport.TLS);
    }

    @Test
    void anEventSentAgainAfterAReconnectionIsStoredOnce() throws Exception {
        start();
        byte[] frame = AuditSamples.frame(AuditSamples.syslog(AuditSamples.iti18(Instant.now().toString(),
                AuditSamples.PATIENT, AuditSamples.DOCTOR, "normal", 0), "1234", 99L));
        for (int attempt = 0; attempt < 2; attempt++) {
            try (SSLSocket socket = tls()) {
                socket.getOutputStream().write(frame);
                socket.getOutputStream().flush();
            }
            int expected = attempt + 1;
            await(() -> arr.counters().stored() + arr.counters().duplicates() == expected, "written");
        }
        assertThat(store.count()).isEqualTo(1);
        assertThat(arr.counters().duplicates()).isEqualTo(1);
    }

    @Test
    void whenTheDatabaseIsSlowTheListenerStopsReadingAndLosesNothing() throws Exception {
        DataSource dataSource = TestDatabase.H2.fresh();
        CountDownLatch release = new CountDownLatch(1);
        AuditStore slow = new AuditStore(new JdbcTemplate(dataSource), new DataSourceTransactionManager(dataSource)) {
            @Override
            public Written store(List<ReceivedMessage> messages) {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.store(messages);
            }
        };
        start(slow, 4);
        int sent = 300;
        Thread sender = new Thread(() -> {
            try (SSLSocket socket = tls()) {
                OutputStream out = socket.getOutputStream();
                for (int i = 0; i < sent; i++) {
                    out.write(AuditSamples.frame(valid()));
                }
                out.flush();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        sender.start();
        Thread.sleep(1_000);
        assertThat(arr.queueDepth()).isLessThanOrEqualTo(4);
        assertThat(arr.counters().received(Transport.TLS)).isLessThan(sent);
        release.countDown();
        sender.join(30_000);
        awaitStored(sent);
        assertThat(arr.counters().stored()).isEqualTo(sent);
    }

    // ------------------------------------------------------------------------------------------------ UDP

    @Test
    void storesValidEventsSentOverUdp() throws Exception {
        start();
        udp(valid());
        udp(valid());
        awaitStored(2);
        assertThat(store.search(everything()).get(0).transport()).isEqualTo(Transport.UDP);
    }

    @Test
    void everyKindOfBadDatagramIsRefusedAndTheListenerKeepsAcceptingValidOnes() throws Exception {
        start();
        byte[] message = valid();
        udp("garbage \u0000\u0001\u0002".getBytes(StandardCharsets.ISO_8859_1));
        udp(AuditSamples.frame(message));
        udp(Arrays.copyOf(message, message.length - 40));
        udp(AuditSamples.syslog("<Envelope/>", "p", null));
        udp(AuditSamples.syslog("<AuditMessage/>", "p", null));
        byte[] big = new byte[MAX + 1000];
        Arrays.fill(big, (byte) 'x');
        udp(big);
        udp(new byte[0]);
        udp(valid());

        awaitStored(1);
        await(() -> arr.counters().rejected(Transport.UDP) == 7, "7 UDP rejects");
        assertThat(arr.counters().rejected(Transport.UDP, RejectReason.NOT_SYSLOG)).isEqualTo(3);
        assertThat(arr.counters().rejected(Transport.UDP, RejectReason.INVALID_XML)).isEqualTo(1);
        assertThat(arr.counters().rejected(Transport.UDP, RejectReason.NOT_AUDIT_MESSAGE)).isEqualTo(1);
        assertThat(arr.counters().rejected(Transport.UDP, RejectReason.SCHEMA_INVALID)).isEqualTo(1);
        assertThat(arr.counters().rejected(Transport.UDP, RejectReason.OVERSIZED)).isEqualTo(1);
        awaitRejects(7);
        assertValidStillStored(Transport.UDP);
    }

    // ------------------------------------------------------------------------------------------------ logs

    @Test
    void rejectsAreLoggedWithTheirReasonButNeverTheirContent() throws Exception {
        start();
        try (CapturedLog log = CapturedLog.attach()) {
            String invalid = new String(valid(), StandardCharsets.UTF_8).replace("EventOutcomeIndicator=\"0\"", "");
            assertRefusedOverTls(RejectReason.SCHEMA_INVALID, AuditSamples.frame(invalid.getBytes(StandardCharsets.UTF_8)));
            udp(Arrays.copyOf(valid(), 600));
            await(() -> arr.counters().rejected(Transport.UDP) == 1, "UDP reject");

            assertThat(log.lines()).anyMatch(line -> line.contains("schema_invalid") && line.contains("tls"));
            assertThat(log.lines()).anyMatch(line -> line.contains("invalid_xml") && line.contains("udp"));
            assertThat(String.join("\n", log.lines())).doesNotContain(AuditSamples.INS).doesNotContain("MAX LIBRE")
                    .doesNotContain(AuditSamples.DOCTOR);
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private byte[] valid() {
        return AuditSamples.syslog(AuditSamples.iti18(Instant.now().toString(), AuditSamples.PATIENT, AuditSamples.DOCTOR,
                "bris_de_glace", 0), "4242", (long) ++sequence);
    }

    private SSLSocket tls() throws IOException {
        SSLSocket socket = (SSLSocket) clientContext.getSocketFactory().createSocket("127.0.0.1", arr.tlsPort());
        socket.setSSLParameters(TlsSettings.clientParameters());
        socket.setSoTimeout(10_000);
        socket.startHandshake();
        return socket;
    }

    private void udp(byte[] datagram) throws IOException {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.send(new DatagramPacket(datagram, datagram.length, InetAddress.getByName("127.0.0.1"), arr.udpPort()));
        }
    }

    /** Sends the bytes on a new TLS connection, expects the reject and a closed connection, then a valid event to pass. */
    private void assertRefusedOverTls(RejectReason reason, byte[] bytes) throws Exception {
        long before = store.rejectCount();
        try (SSLSocket socket = tls()) {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            if (reason == RejectReason.FRAMING) {
                assertClosedByServer(socket);
            } else {
                socket.shutdownOutput();
                assertClosedByServer(socket);
            }
        }
        awaitRejected(Transport.TLS, reason, 1);
        awaitRejects(before + 1);
        assertThat(store.rejects(Instant.EPOCH, Instant.now().plusSeconds(60), reason, null, 10)).isNotEmpty();
        assertValidStillStored(Transport.TLS);
    }

    private void assertValidStillStored(Transport transport) throws Exception {
        long before = store.count();
        if (transport == Transport.TLS) {
            try (SSLSocket socket = tls()) {
                socket.getOutputStream().write(AuditSamples.frame(valid()));
                socket.getOutputStream().flush();
                awaitStored(before + 1);
            }
        } else {
            udp(valid());
            awaitStored(before + 1);
        }
    }

    private static void assertClosedByServer(Socket socket) throws IOException {
        socket.setSoTimeout(10_000);
        drain(socket.getInputStream());
    }

    private static void drain(InputStream in) {
        try {
            while (in.read() >= 0) {
                // nothing is ever sent back
            }
        } catch (IOException closed) {
            // reset or alert: closed as well
        }
    }

    private void awaitStored(long count) {
        await(() -> store.count() == count, count + " events stored");
    }

    private void awaitRejects(long count) {
        await(() -> store.rejectCount() == count, count + " rejects stored");
    }

    private void awaitRejected(Transport transport, RejectReason reason, long count) {
        await(() -> arr.counters().rejected(transport, reason) == count, count + " " + reason + " over " + transport);
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 20 s: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static AuditQuery everything() {
        return new AuditQuery(Instant.EPOCH, Instant.now().plusSeconds(3600), List.of(), null, null, null, null, null,
                null, null, null, 100);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
