package org.opendmp.audit.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Delivery over UDP (RFC 5426): one message per datagram; what does not fit is counted as lost. */
class UdpDeliveryTest {

    @TempDir
    Path journal;

    @Test
    void eachEventIsOneDatagramAndAnOversizedOneIsCountedAsLost() throws Exception {
        AuditCounters counters = new AuditCounters();
        try (TestSyslogServer server = TestSyslogServer.udp();
             DurableAuditQueue queue = DurableAuditQueue.open(journal, QueueSettings.defaults(), counters)) {
            AuditDelivery delivery = new AuditDelivery(queue, new UdpSyslogSender("localhost", server.port(), 1500),
                    new SyslogFormat("dmp1.example.test", "opendmp", queue.journalId()),
                    TlsDeliveryTest.settings(Duration.ofSeconds(30)), counters);
            delivery.start();
            try {
                for (int i = 1; i <= 20; i++) {
                    queue.append(TlsDeliveryTest.event(i).getBytes(StandardCharsets.UTF_8));
                }
                queue.append(("<AuditMessage>" + "x".repeat(2000) + "</AuditMessage>").getBytes(StandardCharsets.UTF_8));
                long last = queue.append(TlsDeliveryTest.event(22).getBytes(StandardCharsets.UTF_8));

                java.util.List<Long> expected = new java.util.ArrayList<>(TlsDeliveryTest.sequence(1, 20));
                expected.add(22L);
                // UDP cannot confirm anything: no settle time, sent is delivered
                assertThat(delivery.awaitDelivered(last, Duration.ofSeconds(10))).isTrue();
                assertThat(server.awaitDistinct(21, Duration.ofSeconds(10))).isTrue();
                assertThat(server.received()).extracting(TestSyslogServer.Received::sequenceId)
                        .containsExactlyElementsOf(expected);
                assertThat(new String(server.received().get(20).xml(), StandardCharsets.UTF_8))
                        .isEqualTo(TlsDeliveryTest.event(22));
                assertThat(counters.lost(AuditMetrics.Loss.OVERSIZED)).isEqualTo(1);
                assertThat(counters.delivered()).isEqualTo(21);
            } finally {
                delivery.close();
            }
        }
    }
}
