package org.opendmp.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendmp.conformance.Hl7v2Client.a01;
import static org.opendmp.conformance.Hl7v2Client.adt;
import static org.opendmp.conformance.Hl7v2Client.msh;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.opendmp.conformance.Hl7v2Client.Hl7Message;

/**
 * ITI-8, ITI-9 and ITI-21 over MLLP/TLS: a feed is visible to PIX and PDQ queries, a merge
 * retires the subsumed INS and moves its local ids, PDQ pages with a continuation pointer, and
 * each refusal comes back as the precise ACK (MSA-1, ERR-2 location, ERR-3 HL7 table 0357 code).
 */
@DmpServerTest
class PatientFeedIT {

    private static final String INS_TEST = "^^^ASIP-SANTE-INS-NIR-TEST&1.2.250.1.213.1.4.10&ISO^INS";
    private static final String HOSPITAL = "^^^HOPITAL&1.2.250.1.999.77.1&ISO^PI";
    private static final Random RANDOM = new Random();

    private final DmpServer server;

    PatientFeedIT(DmpServer server) {
        this.server = server;
    }

    @Test
    void a01ThenPixQueryFindsTheCrossReference() throws Exception {
        String nir = TestData.newNir();
        String ipp = localId();

        Hl7Message ack = send(a01(nir + INS_TEST + "~" + ipp + HOSPITAL, "DUPONT^JEAN^^^^^L", "19800101", "M"));
        Hl7Message pix = send(pixQuery(ipp + HOSPITAL, "^^^&1.2.250.1.213.1.4.10&ISO"));

        assertThat(ack.ackCode()).as("%s", ack).isEqualTo("AA");
        assertThat(pix.field("MSH", 9)).isEqualTo("RSP^K23^RSP_K23");
        assertThat(pix.ackCode()).isEqualTo("AA");
        assertThat(pix.field("QAK", 2)).isEqualTo("OK");
        assertThat(pix.field("PID", 3)).isEqualTo(nir + "^^^&1.2.250.1.213.1.4.10&ISO^NH");
    }

    @Test
    void a08UpdateIsVisibleThroughPdq() throws Exception {
        String nir = TestData.newNir();
        String before = familyName();
        String after = familyName();
        send(a01(nir + INS_TEST, before + "^ANNE^^^^^L", "19750505", "F"));

        Hl7Message ack = send(adt("A08^ADT_A01", nir + INS_TEST, after + "^ANNE^^^^^L", "19750505", "F"));
        Hl7Message old = send(pdq(tag(), "@PID.5.1.1^" + before, 10, null));
        Hl7Message found = send(pdq(tag(), "@PID.5.1.1^" + after + "~@PID.7.1^19750505", 10, null));

        assertThat(ack.ackCode()).isEqualTo("AA");
        assertThat(old.field("QAK", 2)).isEqualTo("NF");
        assertThat(found.field("MSH", 9)).isEqualTo("RSP^K22^RSP_K21");
        assertThat(found.segments("PID")).singleElement()
                .satisfies(pid -> assertThat(pid[3]).startsWith(nir + "^^^&1.2.250.1.213.1.4.10&ISO"));
    }

    @Test
    void a40MergeRetiresTheSubsumedInsAndMovesItsLocalIds() throws Exception {
        String surviving = TestData.newNir();
        String subsumed = TestData.newNir();
        String ipp = localId();
        send(a01(surviving + INS_TEST, "FUSION^LEA^^^^^L", "20000101", "F"));
        send(a01(subsumed + INS_TEST + "~" + ipp + HOSPITAL, "FUSION^LEA^^^^^L", "20000101", "F"));

        Hl7Message ack = send(msh("ADT^A40^ADT_A39", "2.5") + "EVN||" + TestData.now() + "\r"
                + "PID|1||" + surviving + INS_TEST + "||FUSION^LEA^^^^^L\rMRG|" + subsumed + INS_TEST + "\r");
        Hl7Message oldIns = send(pixQuery(subsumed + INS_TEST, ""));
        Hl7Message moved = send(pixQuery(ipp + HOSPITAL, "^^^&1.2.250.1.213.1.4.10&ISO"));

        assertThat(ack.ackCode()).as("%s", ack).isEqualTo("AA");
        assertThat(oldIns.ackCode()).isEqualTo("AE");
        assertThat(oldIns.error()).isEqualTo("QPD^1^3^1^1 204");
        assertThat(moved.field("PID", 3)).startsWith(surviving + "^");
    }

    @Test
    void pdqPagesThroughMoreResultsThanRcp2WithTheContinuationPointer() throws Exception {
        String family = familyName();
        for (int i = 0; i < 5; i++) {
            assertThat(send(a01(TestData.newNir() + INS_TEST, family + "^PAUL^^^^^L", "19600101", "M")).ackCode())
                    .isEqualTo("AA");
        }
        String tag = tag();
        List<String> ids = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String pointer = null;
        try (Hl7v2Client client = Hl7v2Client.connect(server)) {
            do {
                Hl7Message page = client.send(pdq(tag, "@PID.5.1.1^" + family, 2, pointer));
                assertThat(page.ackCode()).as("%s", page).isEqualTo("AA");
                assertThat(page.field("QAK", 1)).isEqualTo(tag);
                page.segments("PID").forEach(pid -> ids.add(pid[3]));
                pageSizes.add(page.segments("PID").size());
                pointer = page.field("DSC", 1);
            } while (!pointer.isEmpty() && pageSizes.size() < 10);
        }

        assertThat(pageSizes).containsExactly(2, 2, 1);
        assertThat(ids).hasSize(5).doesNotHaveDuplicates();
    }

    @Test
    void refusesA01WithoutInsWithAe204OnPid3() throws Exception {
        Hl7Message ack = send(a01(localId() + HOSPITAL, "SANSINS^JEAN^^^^^L", "19800101", "M"));

        assertThat(ack.field("MSH", 9)).startsWith("ACK");
        assertThat(ack.ackCode()).isEqualTo("AE");
        assertThat(ack.error()).isEqualTo("PID^1^3 204");
        assertThat(ack.field("ERR", 4)).isEqualTo("E");
    }

    @Test
    void refusesAnInvalidNirKeyWithAe102OnPid3() throws Exception {
        String nir = TestData.newNir();

        Hl7Message ack = send(a01(TestData.withWrongKey(nir) + INS_TEST, "CLE^JEAN^^^^^L", "19800101", "M"));
        Hl7Message pix = send(pixQuery(nir + INS_TEST, ""));

        assertThat(ack.ackCode()).isEqualTo("AE");
        assertThat(ack.error()).isEqualTo("PID^1^3 102");
        assertThat(pix.error()).as("nothing was stored").isEqualTo("QPD^1^3^1^1 204");
    }

    @Test
    void refusesAMissingBirthNameWithAe101OnPid5() throws Exception {
        Hl7Message ack = send(a01(TestData.newNir() + INS_TEST, "^JEAN^^^^^L", "19800101", "M"));

        assertThat(ack.error()).isEqualTo("PID^1^5 101");
    }

    @Test
    void refusesAnUnsupportedVersionWithAr203() throws Exception {
        Hl7Message ack = send(a01(TestData.newNir() + INS_TEST, "VERSION^JEAN^^^^^L", "19800101", "M")
                .replace("|P|2.5\r", "|P|2.6\r"));

        assertThat(ack.ackCode()).isEqualTo("AR");
        assertThat(ack.error()).isEqualTo("MSH^1^12 203");
    }

    @Test
    void refusesAnUnsupportedEventWithAr201() throws Exception {
        Hl7Message ack = send(adt("A03^ADT_A03", TestData.newNir() + INS_TEST, "SORTIE^JEAN^^^^^L", "19800101", "M"));

        assertThat(ack.ackCode()).isEqualTo("AR");
        assertThat(ack.error()).isEqualTo("MSH^1^9^1^2 201");
    }

    @Test
    void refusesAnUnknownSegmentWithAe100AndBadEncodingCharactersWithAe102() throws Exception {
        String message = a01(TestData.newNir() + INS_TEST, "SEGMENT^JEAN^^^^^L", "19800101", "M");

        Hl7Message unknownSegment = send(message + "XYZ|1\r");
        Hl7Message badEncoding = send(message.replace("MSH|^~\\&|", "MSH|^~\\#|"));

        assertThat(unknownSegment.ackCode()).isEqualTo("AE");
        assertThat(unknownSegment.error()).isEqualTo("XYZ^1 100");
        assertThat(badEncoding.error()).isEqualTo("MSH^1^2 102");
        assertThat(badEncoding.field("MSA", 2)).isEqualTo(new Hl7Message(message).field("MSH", 10));
    }

    @Test
    void refusesTheMergeOfAnUnknownPatientWithAe204OnMrg1() throws Exception {
        String surviving = TestData.newNir();
        send(a01(surviving + INS_TEST, "SURVIT^JEAN^^^^^L", "19800101", "M"));

        Hl7Message ack = send(msh("ADT^A40^ADT_A39", "2.5") + "EVN||" + TestData.now() + "\r"
                + "PID|1||" + surviving + INS_TEST + "||SURVIT^JEAN^^^^^L\rMRG|" + TestData.newNir() + INS_TEST + "\r");

        assertThat(ack.ackCode()).isEqualTo("AE");
        assertThat(ack.error()).isEqualTo("MRG^1^1 204");
    }

    @Test
    void pixQueryOfAnUnknownDomainGetsAe204OnQpd3AndQpd4() throws Exception {
        String nir = TestData.newNir();
        Hl7v2Client.feed(server, nir);

        Hl7Message unknownDomain = send(pixQuery("X^^^&1.2.250.1.999.404&ISO", ""));
        Hl7Message unknownAsked = send(pixQuery(nir + INS_TEST, "^^^&1.2.250.1.999.404&ISO"));

        assertThat(unknownDomain.field("QAK", 2)).isEqualTo("AE");
        assertThat(unknownDomain.error()).isEqualTo("QPD^1^3^1^4 204");
        assertThat(unknownAsked.error()).isEqualTo("QPD^1^4^1^4 204");
    }

    @Test
    void feedHelperMakesATestPatientKnown() throws Exception {
        String nir = TestData.newNir();

        Hl7v2Client.feed(server, nir);
        Hl7Message pix = send(pixQuery(nir + INS_TEST, ""));

        assertThat(pix.ackCode()).isEqualTo("AA");
        assertThat(pix.field("QAK", 2)).isEqualTo("NF");
    }

    private Hl7Message send(String message) throws Exception {
        return Hl7v2Client.send(server, message);
    }

    private static String pixQuery(String qpd3, String qpd4) {
        return msh("QBP^Q23^QBP_Q21", "2.5") + "QPD|IHE PIX Query|" + tag() + "|" + qpd3 + "|" + qpd4 + "\rRCP|I\r";
    }

    private static String pdq(String tag, String qpd3, int quantity, String pointer) {
        return msh("QBP^Q22^QBP_Q21", "2.5") + "QPD|IHE PDQ Query|" + tag + "|" + qpd3 + "\r"
                + "RCP|I|" + quantity + "^RD\r" + (pointer == null ? "" : "DSC|" + pointer + "|I\r");
    }

    private static String tag() {
        return "Q" + Long.toHexString(RANDOM.nextLong());
    }

    private static String localId() {
        return "IPP" + Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE);
    }

    /** A family name no other test uses (letters only). */
    private static String familyName() {
        StringBuilder name = new StringBuilder("NOM");
        for (int i = 0; i < 10; i++) {
            name.append((char) ('A' + RANDOM.nextInt(26)));
        }
        return name.toString();
    }
}
