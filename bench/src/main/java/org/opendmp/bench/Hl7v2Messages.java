package org.opendmp.bench;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HL7 v2.5 messages of the bench: ITI-8 ADT^A01 for bench patient n (INS-NIR test authority,
 * French PAM style, with a hospital IPP) and ITI-21 PDQ queries by family name. Patient n's
 * traits are derived from n, so any patient can be searched for without keeping a list.
 */
final class Hl7v2Messages {

    static final String HOSPITAL_OID = "1.2.250.1.999.88.1";
    private static final String[] FAMILY_NAMES = {"MARTIN", "BERNARD", "THOMAS", "PETIT", "ROBERT", "RICHARD", "DURAND",
        "DUBOIS", "MOREAU", "LAURENT", "SIMON", "MICHEL", "LEFEBVRE", "LEROY", "ROUX", "DAVID", "BERTRAND", "MOREL",
        "FOURNIER", "GIRARD"};
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final AtomicLong CONTROL_IDS = new AtomicLong();

    private Hl7v2Messages() {
    }

    /** The family name of bench patient n: one of 20 common names with a number, so about 1 in 20,000 patients share one. */
    static String familyName(int n) {
        return FAMILY_NAMES[n % FAMILY_NAMES.length] + "-" + (n / FAMILY_NAMES.length) % 50_000;
    }

    /** ITI-8 ADT^A01 creating bench patient n. */
    static String admit(int n) {
        String nir = Messages.nir(Messages.FIRST_PATIENT + n);
        return msh("ADT^A01^ADT_A01")
                + "EVN|A01|" + now() + "\r"
                + "PID|||" + nir + "^^^ASIP-SANTE-INS-NIR-TEST&1.2.250.1.213.1.4.10&ISO^NH~IPP" + n + "^^^HOSP&"
                + HOSPITAL_OID + "&ISO^PI||" + familyName(n) + "^MARIE^^^^^L||19700101|F|||^^^^^^BDL^^75056\r"
                + "PV1||I\r";
    }

    /** ITI-21 QBP^Q22 by family name, at most {@code limit} patients per answer. */
    static String findByName(String familyName, int limit) {
        return msh("QBP^Q22^QBP_Q21")
                + "QPD|IHE PDQ Query|Q" + CONTROL_IDS.incrementAndGet() + "|@PID.5.1^" + familyName + "\r"
                + "RCP|I|" + limit + "^RD\r";
    }

    private static String msh(String type) {
        return "MSH|^~\\&|BENCH|HOSP|DMP|DMP|" + now() + "||" + type + "|B" + CONTROL_IDS.incrementAndGet() + "|P|2.5\r";
    }

    private static String now() {
        return LocalDateTime.now().format(TS);
    }
}
