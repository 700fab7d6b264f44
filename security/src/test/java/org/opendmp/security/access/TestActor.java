package org.opendmp.security.access;

import java.time.Instant;

import org.opendmp.security.actor.Actor;
import org.opendmp.security.actor.AuthenticationMode;
import org.opendmp.security.actor.PurposeOfUse;
import org.opendmp.security.actor.Role;
import org.opendmp.security.actor.Software;

/** The representative callers of the access rules tests (made-up ids). */
enum TestActor {
    DOCTOR(AuthenticationMode.DIRECTE, doctor("SM26"), false, "810000000001"),
    MT(AuthenticationMode.DIRECTE, doctor("SM54"), true, "810000000002"),
    NURSE(AuthenticationMode.DIRECTE, profession("60"), false, "810000000003"),
    PHARMACIST(AuthenticationMode.DIRECTE, profession("21"), false, "810000000004"),
    OCCUPATIONAL(AuthenticationMode.DIRECTE, doctor("SM25"), false, "810000000005"),
    SECRETARY(AuthenticationMode.DIRECTE, new Role("SECRETARIAT_MEDICAL", "1.2.250.1.213.1.1.4.6", null, null),
            false, "310000000006"),
    INDIRECT_DOCTOR(AuthenticationMode.INDIRECTE, doctor("SM26"), false, "810000000007"),
    AIR_DOCTOR(AuthenticationMode.INDIRECTE_RENFORCEE, doctor("SM26"), false, "810000000008"),
    AUTOMATON(AuthenticationMode.INDIRECTE, new Role(Role.AUTOMATON_CODE, Role.AUTOMATON_SYSTEM, null, null),
            false, "LAB-SYSTEM-1");

    /** Every actor works in this facility (idNat_Struct, made up). */
    static final String FACILITY = "10B0000001";
    /** A patient id (INS-NIR test, made up); the policy never reads it. */
    static final String PATIENT = "185057512345673^^^&1.2.250.1.213.1.4.10&ISO^NH";

    private final AuthenticationMode authentication;
    private final Role role;
    private final boolean treatingDoctor;
    private final String id;

    TestActor(AuthenticationMode authentication, Role role, boolean treatingDoctor, String id) {
        this.authentication = authentication;
        this.role = role;
        this.treatingDoctor = treatingDoctor;
        this.id = id;
    }

    private static Role doctor(String specialty) {
        return new Role(Role.DOCTOR, Role.PROFESSIONS, specialty, Role.SPECIALTIES);
    }

    private static Role profession(String code) {
        return new Role(code, Role.PROFESSIONS, null, null);
    }

    /** Whether this actor is the patient's treating doctor. */
    boolean treatingDoctor() {
        return treatingDoctor;
    }

    /** The professional id (NameID). */
    String id() {
        return id;
    }

    /** This actor in access mode {@code mode}. */
    Actor in(PurposeOfUse mode) {
        return actor(id, FACILITY, mode);
    }

    /** This actor in normal mode. */
    Actor normal() {
        return in(PurposeOfUse.NORMAL);
    }

    /** This actor with other ids. */
    Actor actor(String professionalId, String facilityId, PurposeOfUse mode) {
        return new Actor(professionalId, name(), role, facilityId, "SA07", authentication, mode, PATIENT, false,
                new Software("LPS-TEST", "test software", "1", "TEST-1"), "3.0", "_test", Instant.EPOCH,
                "CN=test");
    }

    /** A context on an open DMP with {@code authorization}, the MT flag set as this actor is. */
    PatientContext context(PatientContext.Authorization authorization) {
        return PatientContext.open(authorization).withTreatingDoctor(treatingDoctor);
    }
}
