package org.opendmp.pixpdq.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendmp.pixpdq.hl7v2.Messages.adt;
import static org.opendmp.pixpdq.hl7v2.Messages.ins;
import static org.opendmp.pixpdq.hl7v2.Messages.newNir;
import static org.opendmp.pixpdq.hl7v2.Messages.pdqQuery;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opendmp.testsupport.TestDatabase;

class PatientDemographicsQueryTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void findsByFamilyNameAndBirthDateAndReturnsTheTraits(TestDatabase database) {
        TestReceiver test = new TestReceiver(database);
        String nir = newNir();
        test.send(adt("A01", "2.5", ins(nir)));

        Reply reply = test.send(pdqQuery("T1", "@PID.5.1.1^DUPONT~@PID.7.1^19800101~@PID.8^M", "10", null));

        assertThat(reply.ackCode()).isEqualTo("AA");
        assertThat(reply.field("MSH", 9)).isEqualTo("RSP^K22^RSP_K21");
        assertThat(reply.field("QAK", 1)).isEqualTo("T1");
        assertThat(reply.field("QAK", 2)).isEqualTo("OK");
        assertThat(reply.segments("PID")).singleElement().satisfies(pid -> {
            assertThat(pid[3]).isEqualTo(nir + "^^^&1.2.250.1.213.1.4.10&ISO^NH");
            assertThat(pid[5]).isEqualTo("DUPONT^JEAN^JEAN PIERRE^^^^L~MARTIN^JEAN^^^^^D");
            assertThat(pid[7]).isEqualTo("19800101");
            assertThat(pid[8]).isEqualTo("M");
            assertThat(pid[11]).isEqualTo("^^^^^^BDL^^75056");
        });
        assertThat(reply.segments("DSC")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void answersNfWhenNothingMatches(TestDatabase database) {
        TestReceiver test = new TestReceiver(database);

        Reply reply = test.send(pdqQuery("T2", "@PID.5.1.1^NOBODY", "10", null));

        assertThat(reply.ackCode()).isEqualTo("AA");
        assertThat(reply.field("QAK", 2)).isEqualTo("NF");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void pagesThroughMoreResultsThanRcp2WithTheContinuationPointer(TestDatabase database) {
        TestReceiver test = new TestReceiver(database);
        for (int i = 0; i < 5; i++) {
            test.send(adt("A01", "2.5", ins(newNir()), "PAGINE^ANNE^^^^^L", "19900101", "F"));
        }
        List<String> seen = new ArrayList<>();
        String pointer = null;
        int pages = 0;
        do {
            Reply reply = test.send(pdqQuery("T3", "@PID.5.1.1^PAGINE", "2", pointer));
            assertThat(reply.ackCode()).isEqualTo("AA");
            reply.segments("PID").forEach(pid -> seen.add(pid[3]));
            pointer = reply.field("DSC", 1);
            pages++;
        } while (!pointer.isEmpty() && pages < 10);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(5).doesNotHaveDuplicates();
        assertThat(test.continuations.size()).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void refusesAnUnknownContinuationPointerWithAe204OnDsc1(TestDatabase database) {
        TestReceiver test = new TestReceiver(database);

        Reply reply = test.send(pdqQuery("T4", "@PID.5.1.1^PAGINE", "2", "0123456789abcdef"));

        assertThat(reply.ackCode()).isEqualTo("AE");
        assertThat(reply.field("QAK", 2)).isEqualTo("AE");
        assertThat(reply.error()).isEqualTo("DSC^1^1 204");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void refusesAnUnsupportedSearchFieldWithAe103(TestDatabase database) {
        TestReceiver test = new TestReceiver(database);

        Reply reply = test.send(pdqQuery("T5", "@PID.99^X", "2", null));

        assertThat(reply.error()).isEqualTo("QPD^1^3^1^1 103");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void cancelForgetsThePendingContinuation(TestDatabase database) {
        TestReceiver test = new TestReceiver(database);
        for (int i = 0; i < 3; i++) {
            test.send(adt("A01", "2.5", ins(newNir()), "ANNULE^ANNE^^^^^L", "19900101", "F"));
        }
        test.send(pdqQuery("T6", "@PID.5.1.1^ANNULE", "1", null));
        assertThat(test.continuations.size()).isEqualTo(1);

        Reply reply = test.send(Messages.msh("QCN^J01^QCN_J01", "2.5") + "QID|T6|IHE PDQ Query\r");

        assertThat(reply.ackCode()).isEqualTo("AA");
        assertThat(test.continuations.size()).isZero();
    }
}
