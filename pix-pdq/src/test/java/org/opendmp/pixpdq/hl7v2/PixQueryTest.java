package org.opendmp.pixpdq.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendmp.pixpdq.hl7v2.Messages.adt;
import static org.opendmp.pixpdq.hl7v2.Messages.ins;
import static org.opendmp.pixpdq.hl7v2.Messages.ipp;
import static org.opendmp.pixpdq.hl7v2.Messages.newNir;
import static org.opendmp.pixpdq.hl7v2.Messages.pixQuery;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opendmp.testsupport.TestDatabase;

class PixQueryTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void findsTheInsOfALocalId(TestDatabase database) {
        TestReceiver test = new TestReceiver(database);
        String nir = newNir();
        test.send(adt("A01", "2.5", ins(nir) + "~" + ipp("IPP-10")));

        Reply reply = test.send(pixQuery(ipp("IPP-10"), "^^^&1.2.250.1.213.1.4.10&ISO"));

        assertThat(reply.ackCode()).as(reply.text().replace("\r", "\n")).isEqualTo("AA");
        assertThat(reply.field("MSH", 9)).isEqualTo("RSP^K23^RSP_K23");
        assertThat(reply.field("QAK", 2)).isEqualTo("OK");
        assertThat(reply.field("PID", 3)).isEqualTo(nir + "^^^&1.2.250.1.213.1.4.10&ISO^NH");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void answersNfWithoutPidWhenThePatientHasNoIdInTheDomainsAsked(TestDatabase database) {
        TestReceiver test = new TestReceiver(database);
        String nir = newNir();
        test.send(adt("A01", "2.5", ins(nir) + "~" + ipp("IPP-11")));

        Reply reply = test.send(pixQuery(ins(nir), "^^^&1.2.250.1.213.1.4.10&ISO"));

        assertThat(reply.ackCode()).isEqualTo("AA");
        assertThat(reply.field("QAK", 2)).isEqualTo("NF");
        assertThat(reply.segments("PID")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void answersAe204OnQpd3Component1ForAnUnknownId(TestDatabase database) {
        TestReceiver test = new TestReceiver(database);

        Reply reply = test.send(pixQuery(ins(newNir()), ""));

        assertThat(reply.field("MSH", 9)).startsWith("RSP^K23");
        assertThat(reply.ackCode()).isEqualTo("AE");
        assertThat(reply.field("QAK", 2)).isEqualTo("AE");
        assertThat(reply.error()).isEqualTo("QPD^1^3^1^1 204");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void answersAe204OnQpd3Component4ForAnUnknownDomain(TestDatabase database) {
        TestReceiver test = new TestReceiver(database);

        Reply reply = test.send(pixQuery("X^^^&1.2.250.1.999.404&ISO", ""));

        assertThat(reply.error()).isEqualTo("QPD^1^3^1^4 204");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void answersAe204OnQpd4ForAnUnknownDomainAsked(TestDatabase database) {
        TestReceiver test = new TestReceiver(database);
        String nir = newNir();
        test.send(adt("A01", "2.5", ins(nir)));

        Reply reply = test.send(pixQuery(ins(nir), "^^^&1.2.250.1.213.1.4.10&ISO~^^^&1.2.250.1.999.404&ISO"));

        assertThat(reply.error()).isEqualTo("QPD^1^4^2^4 204");
    }
}
