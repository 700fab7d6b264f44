package org.opendmp.pixpdq.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendmp.pixpdq.hl7v2.Messages.adt;
import static org.opendmp.pixpdq.hl7v2.Messages.ins;
import static org.opendmp.pixpdq.hl7v2.Messages.newNir;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opendmp.pixpdq.ins.InsOids;
import org.opendmp.pixpdq.patient.PatientId;
import org.opendmp.pixpdq.patient.PatientStatus;
import org.opendmp.testsupport.TestDatabase;

/** What is refused before any transaction runs: header, delimiters, version, type, segments. */
class MessageCheckTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rejectsAnUnsupportedVersionWithAr203OnMsh12(TestDatabase database) {
        TestReceiver test = new TestReceiver(database);
        String nir = newNir();

        Reply reply = test.send(adt("A01", "2.4", ins(nir)));

        assertThat(reply.ackCode()).isEqualTo("AR");
        assertThat(reply.error()).isEqualTo("MSH^1^12 203");
        assertThat(test.registry.status(new PatientId(nir, InsOids.NIR_TEST))).isEqualTo(PatientStatus.UNKNOWN);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rejectsAnUnsupportedMessageTypeWithAr200AndEventWithAr201(TestDatabase database) {
        TestReceiver test = new TestReceiver(database);

        assertThat(test.send(adt("A01", "2.5", ins(newNir())).replace("ADT^A01", "ORU^R01")).error())
                .isEqualTo("MSH^1^9^1^1 200");
        Reply event = test.send(adt("A03", "2.5", ins(newNir())));
        assertThat(event.ackCode()).isEqualTo("AR");
        assertThat(event.error()).isEqualTo("MSH^1^9^1^2 201");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rejectsNonStandardEncodingCharactersWithAe102OnMsh2(TestDatabase database) {
        TestReceiver test = new TestReceiver(database);

        Reply reply = test.send(adt("A01", "2.5", ins(newNir())).replace("MSH|^~\\&|", "MSH|^~\\#|"));

        assertThat(reply.ackCode()).isEqualTo("AE");
        assertThat(reply.error()).isEqualTo("MSH^1^2 102");
        assertThat(reply.field("MSA", 2)).startsWith("CTRL");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rejectsAnUnknownSegmentWithAe100ButIgnoresZSegments(TestDatabase database) {
        TestReceiver test = new TestReceiver(database);
        String nir = newNir();

        Reply unknown = test.send(adt("A01", "2.5", ins(nir)) + "XYZ|1|foo\r");
        Reply zSegment = test.send(adt("A01", "2.5", ins(newNir())) + "ZBE|1|MVT\r");

        assertThat(unknown.ackCode()).isEqualTo("AE");
        assertThat(unknown.error()).isEqualTo("XYZ^1 100");
        assertThat(test.registry.status(new PatientId(nir, InsOids.NIR_TEST))).isEqualTo(PatientStatus.UNKNOWN);
        assertThat(zSegment.ackCode()).isEqualTo("AA");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void answersGarbageWithAnAckNotAnException(TestDatabase database) {
        TestReceiver test = new TestReceiver(database);

        Reply reply = test.send("hello");

        assertThat(reply.ackCode()).isEqualTo("AE");
        assertThat(reply.field("ERR", 3)).startsWith("100");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void readsAndAnswersUtf8WhenMsh18SaysSo(TestDatabase database) {
        TestReceiver test = new TestReceiver(database);
        String message = adt("A01", "2.5", ins(newNir()), "HÉLÈNE^ZOÉ^^^^^L", "19800101", "F")
                .replace("8859/1", "UNICODE UTF-8");

        byte[] answer = test.receiver.receive(message.getBytes(StandardCharsets.UTF_8));

        assertThat(new Reply(new String(answer, StandardCharsets.UTF_8)).ackCode()).isEqualTo("AA");
        assertThat(test.registry.search(new org.opendmp.pixpdq.patient.PatientQuery("HELENE", null, null, null,
                null, null), 0, 10)).singleElement().satisfies(p -> assertThat(p.traits().birthName()).isEqualTo("HÉLÈNE"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void readsIso885915WhenMsh18SaysSoSoThatOeLigaturesSurvive(TestDatabase database) {
        TestReceiver test = new TestReceiver(database);
        String message = adt("A01", "2.5", ins(newNir()), "C\u0152URDEROI^CHLO\u00C9^^^^^L", "19800101", "F")
                .replace("8859/1", "8859/15");

        byte[] answer = test.receiver.receive(message.getBytes(java.nio.charset.Charset.forName("ISO-8859-15")));

        assertThat(new Reply(new String(answer, java.nio.charset.Charset.forName("ISO-8859-15"))).ackCode()).isEqualTo("AA");
        assertThat(test.registry.search(new org.opendmp.pixpdq.patient.PatientQuery("C\u0152URDEROI", null, null, null,
                null, null), 0, 10)).singleElement()
                .satisfies(p -> assertThat(p.traits().birthName()).isEqualTo("C\u0152URDEROI"));
    }
}
