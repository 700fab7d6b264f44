package org.opendmp.pixpdq.habilitation;

/** Which entries TD1.6 lists ({@code listAuthorizationByPatient/mode}): one {@link Mode}, or both ({@code TOUTE}). */
public enum ListMode {
    ACTIVE, INTERDITE, TOUTE;

    /** Whether an entry in {@code mode} is listed. */
    public boolean includes(Mode mode) {
        return this == TOUTE || name().equals(mode.name());
    }

    /** The list mode named {@code value}, or null when it is none of the three. */
    public static ListMode of(String value) {
        for (ListMode mode : values()) {
            if (mode.name().equals(value)) {
                return mode;
            }
        }
        return null;
    }
}
