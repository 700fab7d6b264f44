package org.opendmp.security.actor;

/**
 * The caller's role from the VIHF ({@code urn:oasis:names:tc:xacml:2.0:subject:role}): the first value
 * is a profession (TRE_G15) or {@value #AUTOMATON_CODE} for an automated system, or another role code
 * for a non-professional (for example a secretary with a CPE card); the second, optional, is the
 * specialty of a doctor or pharmacist (TRE_R01).
 *
 * @param code            the profession or role code, for example {@code 10} (doctor)
 * @param codeSystem      its code system OID
 * @param specialty       the specialty code, for example {@code SM26}, or {@code null}
 * @param specialtySystem the specialty's code system OID, or {@code null}
 */
public record Role(String code, String codeSystem, String specialty, String specialtySystem) {

    /** TRE_G15, the health professions. */
    public static final String PROFESSIONS = "1.2.250.1.71.1.2.7";
    /** TRE_R01 and related specialty code systems of the RPPS. */
    public static final String SPECIALTIES = "1.2.250.1.71.4.2.5";
    /** The code system of the {@value #AUTOMATON_CODE} role. */
    public static final String AUTOMATON_SYSTEM = "1.2.250.1.213.1.1.4.6";
    /** The role of an automated system acting on its own behalf. */
    public static final String AUTOMATON_CODE = "AUTOMATE";
    /** TRE_G15 code of doctors. */
    public static final String DOCTOR = "10";

    /** Whether the caller is a health professional (a TRE_G15 profession). */
    public boolean professional() {
        return PROFESSIONS.equals(codeSystem);
    }

    /** Whether the caller is a doctor. */
    public boolean doctor() {
        return professional() && DOCTOR.equals(code);
    }

    /** Whether the caller is an automated system. */
    public boolean automaton() {
        return AUTOMATON_CODE.equals(code) && AUTOMATON_SYSTEM.equals(codeSystem);
    }
}
