package org.opendmp.pixpdq.ins;

import java.util.Set;

/**
 * The assigning authorities of the INS: the NIR (the social security number, in production,
 * test and demonstration flavours) and the NIA (the provisional number given while a NIR is
 * pending). In a CX they appear as CX.4, e.g. {@code ...^^^&1.2.250.1.213.1.4.8&ISO}.
 */
public final class InsOids {

    /** INS-NIR, production. */
    public static final String NIR = "1.2.250.1.213.1.4.8";
    /** INS-NIA (identifiant national d'attente). */
    public static final String NIA = "1.2.250.1.213.1.4.9";
    /** INS-NIR, test identities. */
    public static final String NIR_TEST = "1.2.250.1.213.1.4.10";
    /** INS-NIR, demonstration identities. */
    public static final String NIR_DEMO = "1.2.250.1.213.1.4.11";

    private static final Set<String> NIRS = Set.of(NIR, NIR_TEST, NIR_DEMO);

    private InsOids() {
    }

    /** Whether {@code oid} assigns NIR numbers (production, test or demonstration). */
    public static boolean isNir(String oid) {
        return oid != null && NIRS.contains(oid);
    }

    /** Whether {@code oid} assigns INS numbers, NIR or NIA. */
    public static boolean isIns(String oid) {
        return isNir(oid) || NIA.equals(oid);
    }
}
