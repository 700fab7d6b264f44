package org.opendmp.security.access;

import org.opendmp.security.actor.Actor;
import org.opendmp.security.actor.AuthenticationMode;

/**
 * How the caller authenticated, as the rights matrix distinguishes it: the VIHF's
 * {@code Authentification_mode}, with {@code DIRECTE} split by the card: a professional's CPS (or CPF)
 * or an establishment staff card (CPE) of a non-professional, for example a medical secretary.
 */
public enum AuthenticationKind {
    /** {@code DIRECTE} with a health profession (TRE_G15): the professional's own card. */
    CPS_DIRECT,
    /** {@code DIRECTE} with another role: an establishment staff card (CPE). */
    CPE_DIRECT,
    /** {@code INDIRECTE}: the facility's certificate vouches for the user. */
    INDIRECT,
    /** {@code INDIRECTE_RENFORCEE}: the facility's certificate, plus the user's own strong authentication. */
    INDIRECT_REINFORCED;

    /**
     * Whether the caller acts on behalf of its facility, whose documents (authorInstitution) then count as
     * its own: CPE cards and both indirect modes.
     */
    public boolean onBehalfOfFacility() {
        return this != CPS_DIRECT;
    }

    /** The kind of {@code actor}'s authentication. */
    public static AuthenticationKind of(Actor actor) {
        AuthenticationMode mode = actor.authenticationMode();
        if (mode == null) {
            throw new IllegalArgumentException("the actor has no authentication mode");
        }
        return switch (mode) {
            case DIRECTE -> actor.role() != null && actor.role().professional() ? CPS_DIRECT : CPE_DIRECT;
            case INDIRECTE -> INDIRECT;
            case INDIRECTE_RENFORCEE -> INDIRECT_REINFORCED;
        };
    }
}
