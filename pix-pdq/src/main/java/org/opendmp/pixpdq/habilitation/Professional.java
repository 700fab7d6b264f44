package org.opendmp.pixpdq.habilitation;

import org.opendmp.security.actor.Actor;
import org.opendmp.security.actor.Role;

/**
 * A health professional as the DMP lists them on a patient's authorizations: the national id and
 * what the VIHF told of them when they last acted (name, profession, specialty, facility). A
 * professional the patient designated or blocked before ever calling is known by id only.
 *
 * @param id             the national id (idNat_PS, OID {@value Actor#PROFESSIONAL_ID_SYSTEM})
 * @param firstName      the first name, or null
 * @param lastName       the last name, or null
 * @param professionCode the profession (TRE_G15, e.g. {@code 10} doctor), or null
 * @param specialtyCode  the specialty (e.g. {@code SM26}), or null
 * @param facilityId     the facility (idNat_Struct) the professional acted from, or null
 */
public record Professional(String id, String firstName, String lastName, String professionCode,
                           String specialtyCode, String facilityId) {

    private static final int MAX_ID_LENGTH = 64;

    public Professional {
        if (!isValidId(id)) {
            throw new IllegalArgumentException("a professional id has 1 to 64 letters, digits or / . _ -");
        }
    }

    /** A professional known by id only. */
    public static Professional known(String id) {
        return new Professional(id, null, null, null, null, null);
    }

    /**
     * The VIHF's caller. The display name ({@code subject-id}, e.g. {@code MAX LIBRE}) is split at
     * its first space: first name, then last name. A professional's TRE_G15 code is their
     * profession; another role (automaton, secretary) leaves the profession empty.
     */
    public static Professional of(Actor actor) {
        String first = null;
        String last = null;
        String display = actor.displayName() == null ? "" : actor.displayName().trim();
        if (!display.isEmpty()) {
            int space = display.indexOf(' ');
            first = space < 0 ? null : display.substring(0, space);
            last = space < 0 ? display : display.substring(space + 1).trim();
        }
        Role role = actor.role();
        String profession = role != null && role.professional() ? role.code() : null;
        String specialty = role == null ? null : role.specialty();
        return new Professional(actor.professionalId(), first, last, profession, specialty, actor.facilityId());
    }

    /** Whether {@code id} has the form of a national id: 1 to 64 letters, digits, or {@code / . _ -}. */
    public static boolean isValidId(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            return false;
        }
        for (char c : id.toCharArray()) {
            boolean letterOrDigit = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            if (!letterOrDigit && c != '/' && c != '.' && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** Whether the profession is known to be doctor (TRE_G15 {@code 10}). */
    public boolean doctor() {
        return Role.DOCTOR.equals(professionCode);
    }

    /**
     * The DMP's {@code codeSpeciality}: {@code G15_<profession>}, then {@code /<specialty>} when
     * there is one ({@code G15_10/SM26}); null when the profession is unknown.
     */
    public String codeSpeciality() {
        if (professionCode == null) {
            return null;
        }
        return "G15_" + professionCode + (specialtyCode == null ? "" : "/" + specialtyCode);
    }

    /** The DMP's {@code libSpeciality}, e.g. {@code Médecin - Qualifié en Médecine générale (SM)}, or null. */
    public String libSpeciality() {
        return SpecialtyLabels.label(professionCode, specialtyCode);
    }

    /** This professional with what {@code newer} tells (names, codes, facility), keeping what it leaves empty. */
    Professional updatedWith(Professional newer) {
        return new Professional(id, or(newer.firstName, firstName), or(newer.lastName, lastName),
                or(newer.professionCode, professionCode), or(newer.specialtyCode, specialtyCode),
                or(newer.facilityId, facilityId));
    }

    private static String or(String preferred, String fallback) {
        return preferred != null ? preferred : fallback;
    }
}
