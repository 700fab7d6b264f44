package org.opendmp.pixpdq.habilitation;

/**
 * What a TD0.3 {@code setAuthorization} did, with the {@code context} the answer carries: a change,
 * or nothing because the state asked for was already there (the DMP answers {@code DMPOk} to both).
 */
public enum Outcome {
    AUTHORIZATION_ADDED("Autorisation ajoutée", true),
    ALREADY_AUTHORIZED("Autorisation déjà présente aucune action effectuée", false),
    AUTHORIZATION_REMOVED("Autorisation supprimée", true),
    NO_AUTHORIZATION("Aucune autorisation à supprimer aucune action effectuée", false),
    TREATING_DOCTOR_DECLARED("Déclaration de médecin traitant enregistrée", true),
    ALREADY_TREATING_DOCTOR("Médecin traitant déjà déclaré aucune action effectuée", false),
    TREATING_DOCTOR_WITHDRAWN("Statut de médecin traitant retiré", true),
    NOT_TREATING_DOCTOR("Le professionnel n'est pas médecin traitant aucune action effectuée", false);

    private final String context;
    private final boolean changed;

    Outcome(String context, boolean changed) {
        this.context = context;
        this.changed = changed;
    }

    /** The answer's {@code context} text. */
    public String context() {
        return context;
    }

    /** Whether anything was changed. */
    public boolean changed() {
        return changed;
    }
}
