package org.opendmp.pixpdq.habilitation;

import java.time.Instant;
import org.opendmp.pixpdq.patient.PatientId;
import org.opendmp.security.actor.Actor;
import org.opendmp.security.actor.AuthenticationMode;
import org.opendmp.security.actor.PurposeOfUse;
import org.opendmp.security.actor.Role;
import org.opendmp.security.actor.Software;

/** Callers as a validated VIHF would describe them. */
public final class TestActors {

    public static final Role GENERAL_PRACTITIONER = new Role(Role.DOCTOR, Role.PROFESSIONS, "SM26", Role.SPECIALTIES);
    public static final Role NURSE = new Role("60", Role.PROFESSIONS, null, null);
    public static final String FACILITY = "499900063480001";

    private TestActors() {
    }

    /** A professional in normal access mode, about {@code patient}. */
    public static Actor actor(String professionalId, String displayName, Role role, PatientId patient) {
        return actor(professionalId, displayName, role,
                patient == null ? null : patient.id() + "^^^&" + patient.authority() + "&ISO^NH");
    }

    /** The same with the {@code resource-id} as sent. */
    public static Actor actor(String professionalId, String displayName, Role role, String resourceId) {
        return new Actor(professionalId, displayName, role, FACILITY, "SA07", AuthenticationMode.DIRECTE,
                PurposeOfUse.NORMAL, resourceId, false, new Software("01.01.01.01", "LPS TEST", "1", "TEST"), "3.0",
                "_assertion", Instant.parse("2026-01-01T12:00:00Z"), "CN=TEST,O=TEST,C=FR");
    }

    /** A general practitioner, doctor MAX LIBRE. */
    public static Actor doctor(String professionalId, PatientId patient) {
        return actor(professionalId, "MAX LIBRE", GENERAL_PRACTITIONER, patient);
    }

    /** A nurse, CLAIRE SOIN. */
    public static Actor nurse(String professionalId, PatientId patient) {
        return actor(professionalId, "CLAIRE SOIN", NURSE, patient);
    }
}
