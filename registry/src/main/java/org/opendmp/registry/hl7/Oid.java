package org.opendmp.registry.hl7;

/**
 * ISO object identifiers in dot notation ({@code 1.2.250.1.213.1.4.8}), the identifiers XDS
 * uses for assigning authorities, coding schemes and unique ids.
 */
public final class Oid {

    private Oid() {
    }

    /**
     * Whether {@code value} is an OID: at least two arcs of digits separated by dots, no leading
     * zero in an arc (except the arc {@code 0} itself), first arc 0, 1 or 2 (ITU-T X.660).
     */
    public static boolean isValid(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        String[] arcs = value.split("\\.", -1);
        if (arcs.length < 2 || !isFirstArc(arcs[0])) {
            return false;
        }
        for (String arc : arcs) {
            if (!isArc(arc)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isFirstArc(String arc) {
        return arc.equals("0") || arc.equals("1") || arc.equals("2");
    }

    private static boolean isArc(String arc) {
        if (arc.isEmpty() || (arc.length() > 1 && arc.charAt(0) == '0')) {
            return false;
        }
        return arc.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
