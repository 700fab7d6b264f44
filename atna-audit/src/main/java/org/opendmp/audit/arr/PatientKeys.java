package org.opendmp.audit.arr;

/**
 * Reduces a patient id as audit messages carry it (HL7 CX, e.g.
 * {@code 207058575627097^^^&1.2.250.1.213.1.4.10&ISO^NH}) to the form the patient registry keys
 * patients by, {@code id^^^&oid&ISO}: CX.1 and the universal id of CX.4. Two spellings of one
 * patient give one key. A value that is not a CX with an OID authority is its own key.
 */
public final class PatientKeys {

    private PatientKeys() {
    }

    public static String of(String cx) {
        String[] components = cx.trim().split("\\^", -1);
        if (components.length < 4 || components[0].isEmpty()) {
            return cx.trim();
        }
        String[] authority = components[3].split("&", -1);
        String oid = authority.length >= 2 ? authority[1] : authority[0];
        if (oid.isEmpty()) {
            return cx.trim();
        }
        return components[0] + "^^^&" + oid + "&ISO";
    }
}
