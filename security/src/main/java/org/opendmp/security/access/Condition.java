package org.opendmp.security.access;

import org.opendmp.security.actor.PurposeOfUse;

/**
 * A condition an ALLOW row of the rights matrix may add, about the patient's record and the caller's
 * relation to it. Checked in declaration order; the first that fails gives the denial reason.
 */
enum Condition {
    /** The DMP is open. */
    DMP_OPEN(DenialReason.DMP_CLOSED),
    /** The patient has not blocked the caller. */
    NOT_BLOCKED(DenialReason.BLOCKED_BY_PATIENT),
    /** The patient has not opposed the VIHF's emergency access mode (always true in normal mode). */
    NOT_OPPOSED(DenialReason.PATIENT_OPPOSED_EMERGENCY_ACCESS),
    /** The caller has an ACTIVE authorization, or is the treating doctor and not blocked. */
    AUTHORIZED(DenialReason.NO_AUTHORIZATION);

    private final DenialReason reason;

    Condition(DenialReason reason) {
        this.reason = reason;
    }

    DenialReason reason() {
        return reason;
    }

    boolean holds(ActorRole role, PurposeOfUse mode, PatientContext patient) {
        return switch (this) {
            case DMP_OPEN -> patient.dmpStatus() == PatientContext.DmpStatus.OPEN;
            case NOT_BLOCKED -> !patient.blocked();
            case NOT_OPPOSED -> switch (mode) {
                case NORMAL -> true;
                case CENTRE_15 -> !patient.centre15Opposed();
                case BRIS_DE_GLACE -> !patient.brisDeGlaceOpposed();
            };
            case AUTHORIZED -> patient.authorization() == PatientContext.Authorization.ACTIVE
                    || role == ActorRole.TREATING_DOCTOR && !patient.blocked();
        };
    }
}
