package org.opendmp.pixpdq.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendmp.pixpdq.hl7v2.Messages.adt;
import static org.opendmp.pixpdq.hl7v2.Messages.ins;
import static org.opendmp.pixpdq.hl7v2.Messages.ipp;
import static org.opendmp.pixpdq.hl7v2.Messages.merge;
import static org.opendmp.pixpdq.hl7v2.Messages.newNir;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opendmp.pixpdq.patient.IdentityTraits;
import org.opendmp.pixpdq.patient.Patient;
import org.opendmp.pixpdq.patient.PatientId;
import org.opendmp.pixpdq.patient.PatientStatus;
import org.opendmp.pixpdq.patient.Sex;
import org.opendmp.pixpdq.patient.Telecom;
import org.opendmp.testsupport.TestDatabase;

class PatientIdentityFeedTest {

    private static final String INS_TEST = "1.2.250.1.213.1.4.10";
    private static final String HOSPITAL = "1.2.250.1.999.1";

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void a01AddsThePatientWithItsInsLocalIdAndTraits(TestDatabase database) {
        TestReceiver test = new TestReceiver(database);
        String nir = newNir();

        Reply reply = test.send(adt("A01^ADT_A01", "2.5", ins(nir) + "~" + ipp("IPP-1")));

        assertThat(reply.ackCode()).isEqualTo("AA");
        assertThat(reply.field("MSH", 9)).isEqualTo("ACK^A01^ACK");
        assertThat(reply.field("MSH", 3) + "|" + reply.field("MSH", 4) + "|" + reply.field("MSH", 5) + "|"
                + reply.field("MSH", 6)).as("sender and receiver swapped").isEqualTo("DMP|DMP|SIH|HOPITAL");
        assertThat(reply.field("MSA", 2)).as("MSA-2, the request's control id").startsWith("CTRL");
        assertThat(reply.field("MSH", 12)).isEqualTo("2.5");
        Patient patient = test.registry.find(new PatientId("IPP-1", HOSPITAL)).orElseThrow();
        assertThat(patient.ins()).isEqualTo(new PatientId(nir, INS_TEST));
        IdentityTraits traits = patient.traits();
        assertThat(traits.birthName()).isEqualTo("DUPONT");
        assertThat(traits.usedName()).isEqualTo("MARTIN");
        assertThat(traits.givenNames()).containsExactly("JEAN", "PIERRE");
        assertThat(traits.birthDate()).isEqualTo(LocalDate.of(1980, 1, 1));
        assertThat(traits.sex()).isEqualTo(Sex.M);
        assertThat(traits.birthPlaceCode()).isEqualTo("75056");
        assertThat(patient.telecoms()).containsExactly(new Telecom("H", "tel:0102030405"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void acceptsA04AndA05AndVersion231(TestDatabase database) {
        TestReceiver test = new TestReceiver(database);

        assertThat(test.send(adt("A04", "2.5", ins(newNir()))).ackCode()).isEqualTo("AA");
        assertThat(test.send(adt("A05", "2.5", ins(newNir()))).ackCode()).isEqualTo("AA");
        Reply v231 = test.send(adt("A01", "2.3.1", ins(newNir())));
        assertThat(v231.ackCode()).isEqualTo("AA");
        assertThat(v231.field("MSH", 12)).isEqualTo("2.3.1");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void a08RevisesTheTraitsOfAKnownPatientFoundByItsLocalId(TestDatabase database) {
        TestReceiver test = new TestReceiver(database);
        String nir = newNir();
        test.send(adt("A01", "2.5", ins(nir) + "~" + ipp("IPP-2")));

        Reply reply = test.send(adt("A08", "2.5", ipp("IPP-2"), "DURAND^MARIE^^^^^L", "19800102", "F"));

        assertThat(reply.ackCode()).isEqualTo("AA");
        IdentityTraits traits = test.registry.find(new PatientId(nir, INS_TEST)).orElseThrow().traits();
        assertThat(traits.birthName()).isEqualTo("DURAND");
        assertThat(traits.sex()).isEqualTo(Sex.F);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rejectsA01WithoutInsWithAe204OnPid3(TestDatabase database) {
        TestReceiver test = new TestReceiver(database);

        Reply reply = test.send(adt("A01", "2.5", ipp("IPP-3")));

        assertThat(reply.ackCode()).isEqualTo("AE");
        assertThat(reply.error()).isEqualTo("PID^1^3 204");
        assertThat(reply.field("ERR", 4)).isEqualTo("E");
        assertThat(test.registry.find(new PatientId("IPP-3", HOSPITAL))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rejectsAnInvalidNirKeyWithAe102OnPid3(TestDatabase database) {
        TestReceiver test = new TestReceiver(database);
        String nir = newNir();
        String wrongKey = nir.substring(0, 13) + (nir.endsWith("01") ? "02" : "01");

        Reply reply = test.send(adt("A01", "2.5", ins(wrongKey)));

        assertThat(reply.ackCode()).isEqualTo("AE");
        assertThat(reply.error()).isEqualTo("PID^1^3 102");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rejectsAnInsOfAnAuthorityNotAcceptedWithAe204(TestDatabase database) {
        TestReceiver test = new TestReceiver(database);

        Reply reply = test.send(adt("A01", "2.5", newNir() + "^^^DEMO&1.2.250.1.213.1.4.11&ISO^INS"));

        assertThat(reply.error()).isEqualTo("PID^1^3 204");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rejectsALocalIdWithoutAuthorityOidWithAe101OnCx4(TestDatabase database) {
        TestReceiver test = new TestReceiver(database);

        Reply reply = test.send(adt("A01", "2.5", ins(newNir()) + "~IPP^^^HOPITAL^PI"));

        assertThat(reply.ackCode()).isEqualTo("AE");
        assertThat(reply.error()).isEqualTo("PID^1^3^2^4 101");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rejectsMissingBirthNameWithAe101OnPid5(TestDatabase database) {
        TestReceiver test = new TestReceiver(database);
        String nir = newNir();

        Reply reply = test.send(adt("A01", "2.5", ins(nir), "^JEAN^^^^^L", "19800101", "M"));

        assertThat(reply.error()).isEqualTo("PID^1^5 101");
        assertThat(test.registry.status(new PatientId(nir, INS_TEST))).isEqualTo(PatientStatus.UNKNOWN);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rejectsABirthDateWithoutDayWithAe102AndAnUnknownSexWith103(TestDatabase database) {
        TestReceiver test = new TestReceiver(database);

        assertThat(test.send(adt("A01", "2.5", ins(newNir()), "DUPONT^JEAN^^^^^L", "198001", "M")).error())
                .isEqualTo("PID^1^7 102");
        assertThat(test.send(adt("A01", "2.5", ins(newNir()), "DUPONT^JEAN^^^^^L", "19800101", "X")).error())
                .isEqualTo("PID^1^8 103");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rejectsALocalIdOfAnotherPatientWithAe205(TestDatabase database) {
        TestReceiver test = new TestReceiver(database);
        test.send(adt("A01", "2.5", ins(newNir()) + "~" + ipp("IPP-4")));

        Reply reply = test.send(adt("A01", "2.5", ins(newNir()) + "~" + ipp("IPP-4")));

        assertThat(reply.error()).isEqualTo("PID^1^3 205");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void a40MergesTheSubsumedPatientIntoTheSurvivingOne(TestDatabase database) {
        TestReceiver test = new TestReceiver(database);
        String surviving = newNir();
        String subsumed = newNir();
        test.send(adt("A01", "2.5", ins(surviving)));
        test.send(adt("A01", "2.5", ins(subsumed) + "~" + ipp("IPP-5")));

        Reply reply = test.send(merge(ins(surviving), ins(subsumed)));

        assertThat(reply.ackCode()).isEqualTo("AA");
        assertThat(test.registry.status(new PatientId(subsumed, INS_TEST))).isEqualTo(PatientStatus.MERGED);
        assertThat(test.registry.find(new PatientId("IPP-5", HOSPITAL)).orElseThrow().ins())
                .isEqualTo(new PatientId(surviving, INS_TEST));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void a40InVersion231MergesALocalIdIntoTheSurvivingPatient(TestDatabase database) {
        TestReceiver test = new TestReceiver(database);
        String surviving = newNir();
        test.send(adt("A01", "2.3.1", ins(surviving)));
        test.send(adt("A01", "2.3.1", ins(newNir()) + "~" + ipp("IPP-6")));

        Reply reply = test.send(merge(ins(surviving), ipp("IPP-6")).replace("|P|2.5|", "|P|2.3.1|"));

        assertThat(reply.ackCode()).isEqualTo("AA");
        assertThat(reply.field("MSH", 12)).isEqualTo("2.3.1");
        assertThat(test.registry.find(new PatientId("IPP-6", HOSPITAL))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rejectsTheMergeOfAnUnknownPatientWithAe204OnMrg1(TestDatabase database) {
        TestReceiver test = new TestReceiver(database);
        String surviving = newNir();
        test.send(adt("A01", "2.5", ins(surviving)));

        assertThat(test.send(merge(ins(surviving), ins(newNir()))).error()).isEqualTo("MRG^1^1 204");
        assertThat(test.send(merge(ins(newNir()), ins(surviving))).error()).isEqualTo("PID^1^3 204");
        assertThat(test.registry.status(new PatientId(surviving, INS_TEST))).isEqualTo(PatientStatus.OPEN);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void answersInTheReceivedVersionWithTheControlIdInMsa2(TestDatabase database) {
        TestReceiver test = new TestReceiver(database);
        String message = adt("A01", "2.5", ins(newNir()));

        Reply reply = test.send(message);

        assertThat(reply.field("MSA", 2)).isEqualTo(new Reply(message).field("MSH", 10));
        assertThat(reply.field("MSH", 3)).isEqualTo("DMP");
        assertThat(reply.field("MSH", 5)).isEqualTo("SIH");
        assertThat(List.of(reply.text().split("\r"))).noneMatch(s -> s.contains("DUPONT"));
    }
}
