package org.opendmp.audit.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendmp.audit.event.DicomXml;
import org.opendmp.security.tls.DevelopmentPki;
import org.opendmp.security.tls.TlsSettings;

/** The wired audit trail: transactions audited while the ARR is down reach it once it is up, across a restart. */
class AuditTrailTest {

    @TempDir
    static Path pkiDirectory;
    static SSLContext serverContext;
    static SSLContext clientContext;

    @TempDir
    Path data;

    @BeforeAll
    static void pki() throws Exception {
        DevelopmentPki pki = DevelopmentPki.ensure(pkiDirectory.resolve("pki"));
        serverContext = TlsSettings.sslContext(pki.serverKeyStore(), pki.password(), pki.caCertificate());
        clientContext = TlsSettings.sslContext(pki.clientKeyStore(), pki.password(), pki.caCertificate());
    }

    @Test
    void transactionsAuditedWhileTheArrIsDownReachItAfterARestartExactlyOnce() throws Exception {
        AuditCounters counters = new AuditCounters();
        try (TestSyslogServer arr = TestSyslogServer.tls(serverContext)) {
            arr.stopAbruptly();
            AuditTrailSettings settings = AuditTrailSettings.of(data.resolve("audit"), AuditTrailSettings.Transport.TLS,
                    "localhost", arr.port(), "dmp1.example.test")
                    .withAuditSource("opendmp@dmp1.example.test", "1.2.250.1.999.1")
                    .withDelivery(TlsDeliveryTest.settings(Duration.ofMillis(200)));

            try (AuditTrail trail = AuditTrail.open(settings, clientContext, counters)) {
                for (int i = 0; i < 25; i++) {
                    trail.auditor().audit(AuditorTest.query());
                }
                assertThat(trail.queue().depth()).isEqualTo(25);
            }
            arr.start();
            try (AuditTrail trail = AuditTrail.open(settings, clientContext, counters)) {
                assertThat(trail.delivery().awaitDelivered(25, Duration.ofSeconds(30))).isTrue();
                assertThat(trail.queue().depth()).isZero();
            }

            List<TestSyslogServer.Received> received = arr.received();
            assertThat(received).hasSize(25);
            assertThat(arr.byKey()).hasSize(25);
            for (TestSyslogServer.Received message : received) {
                DicomXml xml = DicomXml.parse(message.xml());
                assertThat(xml.text("/AuditMessage/EventIdentification/EventTypeCode/@csd-code")).isEqualTo("ITI-18");
                assertThat(xml.text("/AuditMessage/AuditSourceIdentification/@AuditSourceID"))
                        .isEqualTo("opendmp@dmp1.example.test");
            }
            assertThat(counters.appended()).isEqualTo(25);
            assertThat(counters.delivered()).isEqualTo(25);
            assertThat(counters.lost()).isZero();
        }
    }
}
