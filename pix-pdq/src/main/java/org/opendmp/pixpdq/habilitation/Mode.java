package org.opendmp.pixpdq.habilitation;

/**
 * A professional's standing on a patient's DMP, as the DMP names it ({@code modeType}): authorized
 * ({@code ACTIVE}, declared by the professional with TD0.3) or blocked by the patient
 * ({@code INTERDITE}). No row at all means no authorization.
 */
public enum Mode {
    ACTIVE, INTERDITE
}
