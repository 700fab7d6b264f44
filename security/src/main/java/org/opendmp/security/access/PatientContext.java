package org.opendmp.security.access;

import java.util.Objects;

/**
 * What the access rules need to know about one patient's DMP and about the caller's relation to it:
 * whether the record is open, the patient's oppositions to emergency access, whether the patient
 * authorized or blocked this professional, and whether the professional is the patient's treating
 * doctor. One context describes one patient, the VIHF's resource-id patient; callers only ask about that
 * patient's documents (the policy never compares patient ids).
 *
 * @param dmpStatus              whether the DMP is open or closed
 * @param authorization          the caller's authorization on this DMP
 * @param treatingDoctor         whether the caller is the patient's treating doctor (MT); only a doctor
 *                               can be, the flag is ignored for other roles
 * @param brisDeGlaceOpposed     whether the patient opposed access in bris de glace mode
 * @param centre15Opposed        whether the patient opposed access by the emergency call centre (centre 15)
 */
public record PatientContext(
        DmpStatus dmpStatus,
        Authorization authorization,
        boolean treatingDoctor,
        boolean brisDeGlaceOpposed,
        boolean centre15Opposed) {

    /** The state of the record. */
    public enum DmpStatus { OPEN, CLOSED }

    /** The caller's authorization on the record, as TD1.6 lists them. */
    public enum Authorization {
        /** No authorization: the caller may read only in an emergency mode. */
        NONE,
        /** Authorized ({@code ACTIVE}). */
        ACTIVE,
        /** Blocked by the patient ({@code INTERDITE}): reads nothing, in any mode. */
        BLOCKED
    }

    public PatientContext {
        Objects.requireNonNull(dmpStatus, "dmpStatus");
        Objects.requireNonNull(authorization, "authorization");
    }

    /** An open DMP without oppositions, where the caller has {@code authorization} and is not the treating doctor. */
    public static PatientContext open(Authorization authorization) {
        return new PatientContext(DmpStatus.OPEN, authorization, false, false, false);
    }

    /** This context with the caller as the patient's treating doctor or not. */
    public PatientContext withTreatingDoctor(boolean value) {
        return new PatientContext(dmpStatus, authorization, value, brisDeGlaceOpposed, centre15Opposed);
    }

    /** This context with the DMP in {@code status}. */
    public PatientContext withDmpStatus(DmpStatus status) {
        return new PatientContext(status, authorization, treatingDoctor, brisDeGlaceOpposed, centre15Opposed);
    }

    /** This context with the patient's oppositions to bris de glace and to centre 15 access. */
    public PatientContext withOppositions(boolean brisDeGlace, boolean centre15) {
        return new PatientContext(dmpStatus, authorization, treatingDoctor, brisDeGlace, centre15);
    }

    /** Whether the patient blocked the caller. */
    public boolean blocked() {
        return authorization == Authorization.BLOCKED;
    }
}
