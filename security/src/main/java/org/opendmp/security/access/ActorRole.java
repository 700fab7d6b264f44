package org.opendmp.security.access;

import java.util.Set;

import org.opendmp.security.actor.Actor;
import org.opendmp.security.actor.Role;

/**
 * The caller's role as the rights matrix distinguishes it. Each caller has exactly one: the most
 * specific that applies (an occupational physician is not also a DOCTOR row's doctor).
 */
public enum ActorRole {
    /** A health professional (TRE_G15) other than a doctor: pharmacist, nurse, midwife, ... */
    PROFESSIONAL,
    /** A doctor who is neither this patient's treating doctor nor an occupational physician. */
    DOCTOR,
    /** This patient's treating doctor ("médecin traitant", MT). */
    TREATING_DOCTOR,
    /** A doctor whose specialty is occupational medicine (configured list of specialty codes). */
    OCCUPATIONAL_PHYSICIAN,
    /** Anyone else with a human role, for example a medical secretary with a CPE card. */
    NON_PROFESSIONAL,
    /** An automated system ({@code AUTOMATE}). */
    AUTOMATON;

    /**
     * The role of {@code actor}.
     *
     * @param patient                 the patient's context, or {@code null} when the transaction is about no
     *                                one patient (then nobody is a treating doctor)
     * @param occupationalSpecialties specialty codes (the VIHF's second role value) of occupational medicine
     */
    public static ActorRole of(Actor actor, PatientContext patient, Set<String> occupationalSpecialties) {
        Role role = actor.role();
        if (role == null) {
            throw new IllegalArgumentException("the actor has no role");
        }
        if (role.automaton()) {
            return AUTOMATON;
        }
        if (role.doctor()) {
            if (role.specialty() != null && occupationalSpecialties.contains(role.specialty())) {
                return OCCUPATIONAL_PHYSICIAN;
            }
            return patient != null && patient.treatingDoctor() ? TREATING_DOCTOR : DOCTOR;
        }
        return role.professional() ? PROFESSIONAL : NON_PROFESSIONAL;
    }
}
