package org.opendmp.security.actor;

/**
 * How the VIHF was signed ({@code Authentification_mode}): with the professional's own card
 * ({@code DIRECTE}), or with the facility's organisation certificate, the facility vouching for the
 * professional ({@code INDIRECTE}, and {@code INDIRECTE_RENFORCEE} when the assertion also carries an
 * AuthnContextDecl of the professional's own strong authentication).
 */
public enum AuthenticationMode {
    DIRECTE, INDIRECTE, INDIRECTE_RENFORCEE;

    /** Whether the assertion is signed by a facility certificate rather than a personal card. */
    public boolean indirect() {
        return this != DIRECTE;
    }

    /** The mode named {@code value}, or {@code null} when the value is none of the three. */
    public static AuthenticationMode of(String value) {
        for (AuthenticationMode mode : values()) {
            if (mode.name().equals(value)) {
                return mode;
            }
        }
        return null;
    }
}
