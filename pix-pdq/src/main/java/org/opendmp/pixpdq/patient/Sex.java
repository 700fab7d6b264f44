package org.opendmp.pixpdq.patient;

/**
 * Administrative sex, an INS identity trait: HL7 table 0001 (v2 PID-8) and AdministrativeGender
 * (v3 administrativeGenderCode). The INS knows only F and M; U is unknown.
 */
public enum Sex {
    F, M, U;

    /** The sex for an HL7 code; O, A and N (v2 only) read as U. Null for anything else. */
    public static Sex fromCode(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "F" -> F;
            case "M" -> M;
            case "U", "UN", "O", "A", "N" -> U;
            default -> null;
        };
    }
}
