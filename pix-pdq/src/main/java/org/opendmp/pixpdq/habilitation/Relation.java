package org.opendmp.pixpdq.habilitation;

/**
 * What ties one professional to one patient's DMP, as the access policy asks it: nothing, an
 * authorization, or a block by the patient; and whether they are the patient's treating doctor
 * (only ever with an authorization).
 *
 * @param standing       none, authorized or blocked
 * @param treatingDoctor whether the professional is the patient's médecin traitant
 */
public record Relation(Standing standing, boolean treatingDoctor) {

    /** No authorization and no block. */
    public static final Relation NONE = new Relation(Standing.NONE, false);

    /** The three standings of a professional on a DMP. */
    public enum Standing {
        /** No authorization: TD0.3 may add one. */
        NONE,
        /** Authorized (mode {@code ACTIVE}). */
        ACTIVE,
        /** Blocked by the patient (mode {@code INTERDITE}): no access, no self-authorization. */
        BLOCKED
    }

    public Relation {
        if (treatingDoctor && standing != Standing.ACTIVE) {
            throw new IllegalArgumentException("only an authorized professional is a treating doctor");
        }
    }

    static Relation of(Mode mode, boolean treatingDoctor) {
        return new Relation(mode == Mode.ACTIVE ? Standing.ACTIVE : Standing.BLOCKED, treatingDoctor);
    }

    public boolean authorized() {
        return standing == Standing.ACTIVE;
    }

    public boolean blocked() {
        return standing == Standing.BLOCKED;
    }
}
