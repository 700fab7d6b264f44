package org.opendmp.pixpdq.patient;

import java.time.Instant;

/**
 * The state of a patient's DMP (dossier médical partagé): open or closed, and what the patient
 * decided about it. Every patient identity the registry knows has a DMP, open from the first feed
 * (as Mon espace santé accounts are opened for everyone unless they object); TD1.4 closes it,
 * TD1.2 reactivates it.
 *
 * @param status                 open or closed
 * @param closedAt               when it was closed, or null
 * @param closureReason          why (e.g. {@code FERMETURE_DEMANDE_PATIENT}), or null
 * @param consent                the patient consented to opening it ({@code CONSENTEMENT_OUVERTURE_DMP})
 * @param oppositionBrisDeGlace  the patient refuses bris de glace access ({@code OPPOSITION_BRIS_DE_GLACE})
 * @param oppositionCentre15     the patient refuses access by emergency regulation, centre 15
 *                               ({@code OPPOSITION_ACCES_URGENCE})
 */
public record Dmp(Status status, Instant closedAt, String closureReason, boolean consent,
                  boolean oppositionBrisDeGlace, boolean oppositionCentre15) {

    /** Open: documents may be added. Closed: documents are kept, nothing new comes in. */
    public enum Status { OPEN, CLOSED }

    /** A newly opened DMP with the patient's choices. */
    public static Dmp open(boolean consent, boolean oppositionBrisDeGlace, boolean oppositionCentre15) {
        return new Dmp(Status.OPEN, null, null, consent, oppositionBrisDeGlace, oppositionCentre15);
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }
}
