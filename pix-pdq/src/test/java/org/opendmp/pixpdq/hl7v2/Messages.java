package org.opendmp.pixpdq.hl7v2;

import java.util.concurrent.atomic.AtomicInteger;
import org.opendmp.pixpdq.ins.InsNumber;

/** HL7v2 test messages: a feed, a PIX query, a PDQ query, with fresh INS-NIR test identities. */
final class Messages {

    static final String INS_TEST = "ASIP-SANTE-INS-NIR-TEST&1.2.250.1.213.1.4.10&ISO";
    static final String HOSPITAL = "HOPITAL&1.2.250.1.999.1&ISO";
    private static final AtomicInteger COUNTER = new AtomicInteger(1);

    private Messages() {
    }

    /** A fresh valid NIR (men born in January 1980 in Paris, varying order number). */
    static String newNir() {
        String body = String.format("18001750%05d", COUNTER.getAndIncrement());
        return body + String.format("%02d", InsNumber.key(body));
    }

    static String msh(String type, String version) {
        return "MSH|^~\\&|SIH|HOPITAL|DMP|DMP|20250101120000||" + type + "|CTRL" + COUNTER.getAndIncrement()
                + "|P|" + version + "|||||FRA|8859/1\r";
    }

    /** ADT^event with the given PID-3 and the standard test traits. */
    static String adt(String event, String version, String pid3) {
        return adt(event, version, pid3, "DUPONT^JEAN^JEAN PIERRE^^^^L~MARTIN^JEAN^^^^^D", "19800101", "M");
    }

    static String adt(String event, String version, String pid3, String pid5, String pid7, String pid8) {
        return msh("ADT^" + event, version) + "EVN||20250101120000\r"
                + "PID|1||" + pid3 + "||" + pid5 + "||" + pid7 + "|" + pid8 + "|||^^^^^^BDL^^75056||^PRN^PH^^^^^^^^^0102030405\r"
                + "PV1|1|N\r";
    }

    static String ins(String nir) {
        return nir + "^^^" + INS_TEST + "^INS";
    }

    static String ipp(String id) {
        return id + "^^^" + HOSPITAL + "^PI";
    }

    static String merge(String survivingPid3, String mrg1) {
        return msh("ADT^A40^ADT_A39", "2.5") + "EVN||20250101120000\r"
                + "PID|1||" + survivingPid3 + "||DUPONT^JEAN^^^^^L\r"
                + "MRG|" + mrg1 + "\r";
    }

    static String pixQuery(String qpd3, String qpd4) {
        return msh("QBP^Q23^QBP_Q21", "2.5") + "QPD|IHE PIX Query|Q" + COUNTER.getAndIncrement() + "|" + qpd3 + "|"
                + qpd4 + "\rRCP|I\r";
    }

    static String pdqQuery(String tag, String qpd3, String quantity, String pointer) {
        return msh("QBP^Q22^QBP_Q21", "2.5") + "QPD|IHE PDQ Query|" + tag + "|" + qpd3 + "\r"
                + "RCP|I|" + quantity + "^RD\r" + (pointer == null ? "" : "DSC|" + pointer + "|I\r");
    }
}
