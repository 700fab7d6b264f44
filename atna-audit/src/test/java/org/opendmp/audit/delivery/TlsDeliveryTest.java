package org.opendmp.audit.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendmp.security.tls.DevelopmentPki;
import org.opendmp.security.tls.TlsSettings;

/** Delivery over mutual TLS (RFC 5425) to a local ARR, with outages. */
class TlsDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path pkiDirectory;
    static SSLContext serverContext;
    static SSLContext clientContext;
    static SSLContext anonymousClientContext;

    @TempDir
    Path journal;

    private TestSyslogServer server;
    private DurableAuditQueue queue;
    private AuditDelivery delivery;
    private final AuditCounters counters = new AuditCounters();

    @BeforeAll
    static void pki() throws Exception {
        DevelopmentPki pki = DevelopmentPki.ensure(pkiDirectory.resolve("pki"));
        serverContext = TlsSettings.sslContext(pki.serverKeyStore(), pki.password(), pki.caCertificate());
        clientContext = TlsSettings.sslContext(pki.clientKeyStore(), pki.password(), pki.caCertificate());
        anonymousClientContext = TlsSettings.sslContext((Path) null, pki.password(), pki.caCertificate());
    }

    @AfterEach
    void stop() throws IOException {
        if (delivery != null) {
            delivery.close();
        }
        if (queue != null) {
            queue.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void eventsReachTheArrOverMutualTlsInOrderFramedByOctetCounting() throws Exception {
        server = TestSyslogServer.tls(serverContext);
        start(clientContext, Duration.ofMillis(100));

        long last = appendEvents(1, 100);

        assertThat(delivery.awaitDelivered(last, WAIT)).isTrue();
        List<TestSyslogServer.Received> received = server.received();
        assertThat(received).hasSize(100);
        for (int i = 0; i < 100; i++) {
            TestSyslogServer.Received message = received.get(i);
            assertThat(message.sequenceId()).isEqualTo(i + 1);
            assertThat(message.pri()).isEqualTo(85);
            assertThat(message.hostname()).isEqualTo("dmp1.example.test");
            assertThat(message.appName()).isEqualTo("opendmp");
            assertThat(message.procId()).isEqualTo(queue.journalId() + ".0");
            assertThat(message.msgId()).isEqualTo("IHE+RFC-3881");
            assertThat(new String(message.xml(), StandardCharsets.UTF_8)).isEqualTo(event(i + 1));
        }
        assertThat(server.clientSubjects()).allMatch(subject -> subject.contains("CN=Demo clinical software"));
        assertThat(counters.delivered()).isEqualTo(100);
        assertThat(queue.depth()).isZero();
    }

    @Test
    void aClientWithoutCertificateIsRefusedAndItsEventsWaitInTheJournal() throws Exception {
        server = TestSyslogServer.tls(serverContext);
        start(anonymousClientContext, Duration.ofMillis(100));

        long last = appendEvents(1, 5);

        assertThat(delivery.awaitDelivered(last, Duration.ofSeconds(2))).isFalse();
        assertThat(counters.deliveryFailures()).isPositive();
        assertThat(server.received()).isEmpty();
        assertThat(queue.depth()).isEqualTo(5);
    }

    @Test
    void arrDownWhileTransactionsRunThenUpEveryEventArrivesExactlyOnce() throws Exception {
        server = TestSyslogServer.tls(serverContext);
        server.stopAbruptly();
        start(clientContext, Duration.ofMillis(100));

        long last = appendEvents(1, 50);
        Thread.sleep(500);
        assertThat(counters.deliveryFailures()).isPositive();
        assertThat(queue.depth()).isEqualTo(50);
        server.start();

        assertThat(delivery.awaitDelivered(last, WAIT)).isTrue();
        assertThat(server.received()).hasSize(50);
        assertThat(server.byKey()).hasSize(50);
        assertThat(server.received()).extracting(TestSyslogServer.Received::sequenceId)
                .containsExactlyElementsOf(sequence(1, 50));
    }

    @Test
    void anArrFailingMidStreamGetsTheUnsettledEventsAgainEachWithItsIdentity() throws Exception {
        server = TestSyslogServer.tls(serverContext);
        start(clientContext, Duration.ofSeconds(3));

        appendEvents(1, 30);
        assertThat(server.awaitDistinct(30, WAIT)).isTrue();
        server.stopAbruptly(); // crashed: what it had read may be lost, the sender cannot know
        long last = appendEvents(31, 60);
        Thread.sleep(300);
        server.start();

        assertThat(delivery.awaitDelivered(last, WAIT)).isTrue();
        Map<String, List<TestSyslogServer.Received>> byKey = server.byKey();
        assertThat(byKey).hasSize(60);
        assertThat(byKey.values().stream().map(copies -> copies.get(0).sequenceId()).toList())
                .containsExactlyInAnyOrderElementsOf(sequence(1, 60));
        for (List<TestSyslogServer.Received> copies : byKey.values()) {
            for (TestSyslogServer.Received copy : copies) {
                assertThat(copy.raw()).isEqualTo(copies.get(0).raw()); // a re-send is the same message
            }
        }
        int duplicates = server.received().size() - byKey.size();
        System.out.printf("ARR failing mid-stream: 60 events, %d copies received, %d duplicates, %d failed attempts%n",
                server.received().size(), duplicates, counters.deliveryFailures());
        assertThat(counters.deliveryFailures()).isPositive();
        assertThat(counters.delivered()).isGreaterThanOrEqualTo(60);
    }

    @Test
    void anArrCrashingAfterReadingIsNoticedBeforeTheEventsAreAcknowledgedAndGetsThemAgain() throws Exception {
        server = TestSyslogServer.tls(serverContext);
        start(clientContext, Duration.ofSeconds(1));
        long last = appendEvents(1, 10);
        assertThat(server.awaitDistinct(10, WAIT)).isTrue();

        server.stopAbruptly(); // no further event: only the check before acknowledging can see it
        Thread.sleep(2000);
        assertThat(queue.acknowledged()).isZero();
        assertThat(counters.deliveryFailures()).isPositive();
        server.start();

        assertThat(delivery.awaitDelivered(last, WAIT)).isTrue();
        assertThat(server.byKey()).hasSize(10);
        assertThat(server.received()).hasSize(20);
    }

    @Test
    void aConnectionTheArrClosedWhileIdleIsReplacedBeforeWriting() throws Exception {
        server = TestSyslogServer.tls(serverContext);
        start(clientContext, Duration.ofMillis(100));
        delivery.awaitDelivered(appendEvents(1, 5), WAIT);

        server.closeConnections();
        Thread.sleep(1500);
        long last = appendEvents(6, 10);

        assertThat(delivery.awaitDelivered(last, WAIT)).isTrue();
        assertThat(server.byKey()).hasSize(10);
        assertThat(server.received()).hasSize(10);
        assertThat(counters.deliveryFailures()).isZero();
    }

    @Test
    void atShutdownTheArrsCloseNotifyConfirmsTheUnsettledEvents() throws Exception {
        server = TestSyslogServer.tls(serverContext);
        start(clientContext, Duration.ofHours(1));
        long last = appendEvents(1, 10);
        assertThat(server.awaitDistinct(10, WAIT)).isTrue();
        assertThat(queue.acknowledged()).isZero();

        delivery.close();

        assertThat(queue.acknowledged()).isEqualTo(last);
        assertThat(counters.delivered()).isEqualTo(10);
    }

    @Test
    void eventsLeftInTheJournalAtAStopAreDeliveredAfterTheRestart() throws Exception {
        server = TestSyslogServer.tls(serverContext);
        server.stopAbruptly();
        start(clientContext, Duration.ofMillis(100));
        long last = appendEvents(1, 20);
        delivery.close();
        queue.close();
        assertThat(server.received()).isEmpty();

        server.start();
        queue = DurableAuditQueue.open(journal, QueueSettings.defaults(), counters);
        delivery = new AuditDelivery(queue, new TlsSyslogSender(clientContext, "localhost", server.port(),
                Duration.ofSeconds(5)), format(), settings(Duration.ofMillis(100)), counters);
        delivery.start();

        assertThat(delivery.awaitDelivered(last, WAIT)).isTrue();
        assertThat(server.received()).extracting(TestSyslogServer.Received::sequenceId)
                .containsExactlyElementsOf(sequence(1, 20));
    }

    // ---------------------------------------------------------------------------------------------------

    private void start(SSLContext client, Duration settle) throws IOException {
        queue = DurableAuditQueue.open(journal, QueueSettings.defaults(), counters);
        delivery = new AuditDelivery(queue, new TlsSyslogSender(client, "localhost", server.port(), Duration.ofSeconds(5)),
                format(), settings(settle), counters);
        delivery.start();
    }

    private SyslogFormat format() {
        return new SyslogFormat("dmp1.example.test", "opendmp", queue.journalId());
    }

    static DeliverySettings settings(Duration settle) {
        return DeliverySettings.defaults().withSettleTime(settle)
                .withBackoff(Duration.ofMillis(50), Duration.ofMillis(400));
    }

    private long appendEvents(int from, int to) throws IOException {
        long last = 0;
        for (int i = from; i <= to; i++) {
            last = queue.append(event(i).getBytes(StandardCharsets.UTF_8));
        }
        return last;
    }

    static String event(int i) {
        return "<AuditMessage><!-- event " + i + " été --></AuditMessage>";
    }

    static List<Long> sequence(long from, long to) {
        return java.util.stream.LongStream.rangeClosed(from, to).boxed().toList();
    }
}
