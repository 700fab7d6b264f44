package org.opendmp.audit.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.opendmp.audit.event.AuditFixtures.SERVER;
import static org.opendmp.audit.event.AuditFixtures.SOURCE;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendmp.audit.event.AuditEvents;
import org.opendmp.audit.event.AuditFixtures;
import org.opendmp.audit.event.AuditRecordInput;
import org.opendmp.audit.event.DicomXml;
import org.opendmp.audit.event.NodeAuthenticationFailure;
import org.opendmp.audit.event.SecurityEvent;

class AuditorTest {

    @TempDir
    Path journal;

    private final AuditCounters counters = new AuditCounters();

    @Test
    void aTransactionIsWrittenToTheJournalAsValidDicomXml() throws IOException {
        try (DurableAuditQueue queue = open(QueueSettings.defaults())) {
            Auditor auditor = new Auditor(new AuditEvents(SOURCE), queue, counters);

            auditor.audit(query());
            auditor.audit(new NodeAuthenticationFailure(java.time.Instant.now(), "192.0.2.9", null, "bad_certificate",
                    SERVER));

            queue.awaitDurable(2, Duration.ofSeconds(5));
            List<QueuedEvent> events = DurableAuditQueueTest.readAll(queue, 1);
            assertThat(events).hasSize(2);
            DicomXml first = DicomXml.parse(events.get(0).payload());
            assertThat(first.text("/AuditMessage/EventIdentification/EventTypeCode/@csd-code")).isEqualTo("ITI-18");
            DicomXml second = DicomXml.parse(events.get(1).payload());
            assertThat(second.text("/AuditMessage/EventIdentification/EventID/@csd-code")).isEqualTo("110113");
            assertThat(counters.appended()).isEqualTo(2);
        }
    }

    @Test
    void anEventThatCannotBeBuiltIsCountedAsLostAndNothingIsThrown() throws IOException {
        try (DurableAuditQueue queue = open(QueueSettings.defaults())) {
            Auditor auditor = new Auditor(new AuditEvents(SOURCE), queue, counters);

            assertThatCode(() -> auditor.audit((AuditRecordInput) null)).doesNotThrowAnyException();
            assertThatCode(() -> auditor.audit((SecurityEvent) null)).doesNotThrowAnyException();

            assertThat(counters.lost(AuditMetrics.Loss.BUILD_FAILED)).isEqualTo(2);
            assertThat(queue.lastAppended()).isZero();
        }
    }

    @Test
    void whenTheJournalIsFullEventsAreLostCountedAndTheGapIsAuditedOnceThereIsRoom() throws IOException {
        try (DurableAuditQueue queue = open(QueueSettings.defaults().withSizes(8192, 16384))) {
            Auditor auditor = new Auditor(new AuditEvents(SOURCE), queue, counters);
            while (counters.lost() == 0) {
                auditor.audit(query());
            }
            auditor.audit(query());
            long appended = queue.lastAppended();
            assertThat(counters.lost(AuditMetrics.Loss.QUEUE_FULL)).isEqualTo(2);

            queue.awaitDurable(appended, Duration.ofSeconds(5));
            queue.acknowledge(appended); // delivered: the files are deleted, there is room again
            auditor.audit(query());

            List<QueuedEvent> events = DurableAuditQueueTest.readAll(queue, appended + 1);
            assertThat(events).hasSize(2);
            DicomXml gap = DicomXml.parse(events.get(0).payload());
            assertThat(gap.text("/AuditMessage/EventIdentification/EventTypeCode/@csd-code")).isEqualTo("110133");
            assertThat(gap.text("/AuditMessage/EventIdentification/EventOutcomeDescription"))
                    .startsWith("2 audit events lost from ").endsWith(": QUEUE_FULL");
            assertThat(DicomXml.parse(events.get(1).payload())
                    .text("/AuditMessage/EventIdentification/EventTypeCode/@csd-code")).isEqualTo("ITI-18");
        }
    }

    @Test
    void auditingAfterTheJournalClosedIsALossNotAnException() throws IOException {
        DurableAuditQueue queue = open(QueueSettings.defaults());
        Auditor auditor = new Auditor(new AuditEvents(SOURCE), queue, counters);
        queue.close();

        assertThatCode(() -> auditor.audit(query())).doesNotThrowAnyException();

        assertThat(counters.lost(AuditMetrics.Loss.WRITE_FAILED)).isEqualTo(1);
    }

    private DurableAuditQueue open(QueueSettings settings) throws IOException {
        return DurableAuditQueue.open(journal, settings, counters);
    }

    static AuditRecordInput query() {
        return AuditFixtures.storedQuery();
    }
}
