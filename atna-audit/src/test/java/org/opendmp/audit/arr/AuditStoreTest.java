package org.opendmp.audit.arr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opendmp.audit.arr.AuditRecord.ObjectRef;
import org.opendmp.testsupport.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

class AuditStoreTest {

    private static final Instant RECEIVED = Instant.parse("2025-03-04T12:00:00Z");
    private static final Instant DAY = Instant.parse("2025-03-04T00:00:00Z");
    private static final Instant NEXT_DAY = Instant.parse("2025-03-05T00:00:00Z");
    private final AuditMessageReader reader = new AuditMessageReader();

    private static AuditStore store(TestDatabase database) {
        DataSource dataSource = database.fresh();
        return new AuditStore(new JdbcTemplate(dataSource), new DataSourceTransactionManager(dataSource));
    }

    private ReceivedMessage message(String xml, String procId, Long sequenceId) throws MessageRejected {
        byte[] bytes = AuditSamples.syslog(xml, procId, sequenceId);
        SyslogMessage syslog = SyslogParser.parse(bytes, 0, bytes.length);
        return new ReceivedMessage(syslog, reader.read(bytes, syslog.msgOffset(), syslog.msgLength()),
                new String(bytes, syslog.msgOffset(), syslog.msgLength(), StandardCharsets.UTF_8), Transport.TLS,
                "CN=lps,O=Example 127.0.0.1", RECEIVED);
    }

    private ReceivedMessage query(String time, String patient, String user, String purpose, Long sequence)
            throws MessageRejected {
        return message(AuditSamples.iti18(time, patient, user, purpose, 0), "q", sequence);
    }

    private static AuditQuery all(int limit) {
        return new AuditQuery(DAY, NEXT_DAY, List.of(), null, null, null, null, null, null, null, null, limit);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void storesWhatWasIndexedAndGivesItBackWithTheXml(TestDatabase database) throws Exception {
        AuditStore store = store(database);
        ReceivedMessage sent = query("2025-03-04T10:11:12.345Z", AuditSamples.PATIENT, AuditSamples.DOCTOR,
                "bris_de_glace", 1L);

        assertThat(store.store(List.of(sent))).isEqualTo(new AuditStore.Written(1, 0));

        StoredEvent listed = store.search(all(10)).get(0);
        StoredEvent event = store.find(listed.id());
        AuditRecord record = event.record();
        assertThat(record.eventTime()).isEqualTo(Instant.parse("2025-03-04T10:11:12.345Z"));
        assertThat(record.eventId()).isEqualTo(new Code("110112", "DCM", "Query"));
        assertThat(record.eventTypes()).containsExactly(new Code("ITI-18", "IHE Transactions", "Registry Stored Query"));
        assertThat(record.action()).isEqualTo("E");
        assertThat(record.purposeOfUse()).isEqualTo("bris_de_glace");
        assertThat(record.requestor().key()).isEqualTo(AuditSamples.DOCTOR);
        assertThat(record.requestor().name()).isEqualTo("MAX LIBRE");
        assertThat(record.requestor().professionCode()).isEqualTo("10");
        assertThat(record.requestor().specialtyCode()).isEqualTo("SM26");
        assertThat(record.facility()).isEqualTo(new AuditRecord.Facility(AuditSamples.FACILITY, "Cabinet du Dr Libre"));
        assertThat(record.source()).isEqualTo(sent.record().source());
        assertThat(record.destination()).isEqualTo(sent.record().destination());
        assertThat(record.patients()).containsExactly(AuditSamples.PATIENT);
        assertThat(record.queryId()).isEqualTo(sent.record().queryId());
        assertThat(event.syslog()).isEqualTo(new StoredEvent.Header("lps.example", "OpenDMP", "q", "IHE+RFC-3881", 1L));
        assertThat(event.sender()).isEqualTo("CN=lps,O=Example 127.0.0.1");
        assertThat(event.receivedAt()).isEqualTo(RECEIVED);
        assertThat(event.xml()).isEqualTo(sent.xml());
        assertThat(listed.xml()).as("searches leave the XML out").isNull();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aMessageSentAgainWithTheSameSequenceIdIsStoredOnce(TestDatabase database) throws Exception {
        AuditStore store = store(database);
        ReceivedMessage first = query("2025-03-04T10:00:00Z", AuditSamples.PATIENT, AuditSamples.DOCTOR, "normal", 7L);
        ReceivedMessage again = query("2025-03-04T10:00:00Z", AuditSamples.PATIENT, AuditSamples.DOCTOR, "normal", 7L);
        ReceivedMessage otherProcess = message(AuditSamples.iti18("2025-03-04T10:00:00Z", AuditSamples.PATIENT,
                AuditSamples.DOCTOR, "normal", 0), "other", 7L);

        assertThat(store.store(List.of(first))).isEqualTo(new AuditStore.Written(1, 0));
        assertThat(store.store(List.of(again, again, otherProcess))).isEqualTo(new AuditStore.Written(1, 2));

        assertThat(store.count()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void messagesWithoutSequenceIdAreNeverDuplicates(TestDatabase database) throws Exception {
        AuditStore store = store(database);
        ReceivedMessage message = query("2025-03-04T10:00:00Z", AuditSamples.PATIENT, AuditSamples.DOCTOR, "normal", null);

        store.store(List.of(message, message));
        store.store(List.of(message));

        assertThat(store.count()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void searchesByPatientWhateverTheSpellingOfItsCx(TestDatabase database) throws Exception {
        AuditStore store = store(database);
        store.store(List.of(
                query("2025-03-04T10:00:00Z", AuditSamples.INS + "^^^&1.2.250.1.213.1.4.10&ISO", AuditSamples.DOCTOR, "normal", null),
                query("2025-03-04T11:00:00Z", AuditSamples.INS + "^^^ASIP-SANTE-INS-NIR-TEST&1.2.250.1.213.1.4.10&ISO^NH^^20210604",
                        AuditSamples.DOCTOR, "normal", null),
                query("2025-03-04T12:00:00Z", "180032B02040123^^^&1.2.250.1.213.1.4.10&ISO", AuditSamples.DOCTOR, "normal", null)));

        List<StoredEvent> found = store.search(new AuditQuery(DAY, NEXT_DAY, List.of(AuditSamples.PATIENT_KEY), null,
                null, null, null, null, null, null, null, 10));

        assertThat(found).extracting(e -> e.record().eventTime()).containsExactly(
                Instant.parse("2025-03-04T11:00:00Z"), Instant.parse("2025-03-04T10:00:00Z"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everyFilterNarrowsTheSearch(TestDatabase database) throws Exception {
        AuditStore store = store(database);
        store.store(List.of(
                query("2025-03-04T08:00:00Z", AuditSamples.PATIENT, AuditSamples.DOCTOR, "bris_de_glace", null),
                message(AuditSamples.iti18("2025-03-04T09:00:00Z", AuditSamples.PATIENT, "899900077777", "normal", 8), "q", null),
                message(AuditSamples.iti43("2025-03-04T10:00:00Z", AuditSamples.PATIENT, "899700000001",
                        List.of("1.2.3.4.1", "1.2.3.4.2")), "r", null),
                message(AuditSamples.iti41("2025-03-04T11:00:00Z", AuditSamples.PATIENT, "1.2.3.4.5", "1.2.3.4.6"), "p", null),
                query("2025-03-03T23:59:59.999Z", AuditSamples.PATIENT, AuditSamples.DOCTOR, "normal", null)));

        assertThat(times(store, all(10))).containsExactly(11, 10, 9, 8);
        assertThat(times(store, filter(AuditSamples.DOCTOR, null, null, null, null, null, null))).containsExactly(11, 8);
        assertThat(times(store, filter(null, "110112", null, null, null, null, null))).containsExactly(9, 8);
        assertThat(times(store, filter(null, null, "ITI-43", null, null, null, null))).containsExactly(10);
        assertThat(times(store, filter(null, null, "TD2.1", null, null, null, null))).containsExactly(11);
        assertThat(times(store, filter(null, null, null, 8, null, null, null))).containsExactly(9);
        assertThat(times(store, filter(null, null, null, null, "C", null, null))).containsExactly(10);
        assertThat(times(store, filter(null, null, null, null, null, "bris_de_glace", null))).containsExactly(8);
        assertThat(times(store, filter(null, null, null, null, null, null, "1.2.3.4.2"))).containsExactly(10);
        assertThat(times(store, filter(null, null, null, null, null, null, "1.2.3.4.6"))).containsExactly(11);
        assertThat(times(store, new AuditQuery(Instant.parse("2025-03-04T09:00:00Z"), Instant.parse("2025-03-04T11:00:00Z"),
                List.of(), null, null, null, null, null, null, null, null, 10))).containsExactly(10, 9);
        assertThat(times(store, new AuditQuery(DAY, NEXT_DAY, List.of(AuditSamples.PATIENT_KEY), "899700000001",
                null, "ITI-43", 0, null, null, null, null, 10))).containsExactly(10);
        assertThat(store.search(filter(null, null, null, null, null, null, "1.2.3.4.1")).get(0).documents())
                .containsExactly(new ObjectRef(ObjectRef.Kind.DOCUMENT, "1.2.3.4.1", AuditSamples.REPOSITORY),
                        new ObjectRef(ObjectRef.Kind.DOCUMENT, "1.2.3.4.2", AuditSamples.REPOSITORY));
    }

    private static AuditQuery filter(String user, String eventId, String type, Integer outcome, String action,
                                     String purpose, String object) {
        return new AuditQuery(DAY, NEXT_DAY, List.of(), user, eventId, type, outcome, action, purpose, object, null, 10);
    }

    private static List<Integer> times(AuditStore store, AuditQuery query) {
        return store.search(query).stream().map(e -> e.record().eventTime().atZone(java.time.ZoneOffset.UTC).getHour())
                .toList();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void pagesNewestFirstWithoutLosingEventsOfTheSameMillisecond(TestDatabase database) throws Exception {
        AuditStore store = store(database);
        List<ReceivedMessage> messages = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            messages.add(query("2025-03-04T10:00:0" + (i % 3) + "Z", AuditSamples.PATIENT, AuditSamples.DOCTOR, "normal", null));
        }
        store.store(messages);

        List<StoredEvent> seen = new ArrayList<>();
        for (boolean patient : new boolean[] {false, true}) {
            seen.clear();
            AuditQuery.Cursor after = null;
            do {
                List<StoredEvent> page = store.search(new AuditQuery(DAY, NEXT_DAY,
                        patient ? List.of(AuditSamples.PATIENT_KEY) : List.of(), null, null, null, null, null, null,
                        null, after, 3));
                seen.addAll(page);
                after = page.size() == 3 ? page.get(2).cursor() : null;
            } while (after != null);
            assertThat(seen).hasSize(7).extracting(StoredEvent::id).doesNotHaveDuplicates();
            assertThat(seen).extracting(e -> e.record().eventTime()).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void valuesLongerThanTheirColumnAreCutButTheXmlIsKeptWhole(TestDatabase database) throws Exception {
        AuditStore store = store(database);
        String longName = "N".repeat(300);
        ReceivedMessage message = message(AuditSamples.iti18("2025-03-04T10:00:00Z", AuditSamples.PATIENT,
                AuditSamples.DOCTOR, "normal", 0).replace("MAX LIBRE", longName), "q", null);

        store.store(List.of(message));

        StoredEvent event = store.find(store.search(all(1)).get(0).id());
        assertThat(event.record().requestor().name()).hasSize(256);
        assertThat(event.xml()).contains(longName);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void keepsRejectsAndListsThemNewestFirst(TestDatabase database) {
        AuditStore store = store(database);
        store.storeRejects(List.of(
                new Reject(RejectReason.FRAMING, "bad count", Transport.TLS, "CN=x 127.0.0.1", RECEIVED, 4, new byte[] {'G', 'E', 'T', ' '}),
                new Reject(RejectReason.OVERSIZED, "too big", Transport.UDP, "127.0.0.1:5000", RECEIVED.plusSeconds(1),
                        70_000, new byte[] {'<'})));

        List<AuditStore.StoredReject> rejects = store.rejects(DAY, NEXT_DAY, null, null, 10);

        assertThat(rejects).extracting(r -> r.reject().reason()).containsExactly(RejectReason.OVERSIZED, RejectReason.FRAMING);
        assertThat(rejects.get(1).reject().content()).containsExactly('G', 'E', 'T', ' ');
        assertThat(rejects.get(0).reject().size()).isEqualTo(70_000);
        assertThat(store.rejects(DAY, NEXT_DAY, RejectReason.FRAMING, null, 10)).hasSize(1);
        assertThat(store.rejects(DAY, NEXT_DAY, null, rejects.get(0).cursor(), 10)).hasSize(1);
    }
}
