package org.opendmp.pixpdq.habilitation;

import java.time.Instant;
import org.opendmp.pixpdq.patient.PatientId;

/**
 * One professional's standing on one patient's DMP: an entry of TD1.6's list.
 * {@link #toString()} hides the patient.
 *
 * @param patient        the patient's INS
 * @param professional   who, as last known
 * @param mode           authorized or blocked
 * @param treatingDoctor whether they are the patient's treating doctor (never when blocked)
 * @param since          when the current mode started (the DMP's {@code startOfAuthorization})
 * @param lastAction     the last change of this entry (the DMP's {@code lastActionDate})
 */
public record Habilitation(PatientId patient, Professional professional, Mode mode, boolean treatingDoctor,
                           Instant since, Instant lastAction) {

    /** The relation this entry makes. */
    public Relation relation() {
        return Relation.of(mode, treatingDoctor);
    }

    @Override
    public String toString() {
        return "Habilitation[patient=(hidden), professional=" + professional.id() + ", mode=" + mode
                + ", treatingDoctor=" + treatingDoctor + "]";
    }
}
