package org.opendmp.pixpdq.habilitation;

import java.time.Instant;
import java.time.LocalDate;
import org.opendmp.pixpdq.patient.PatientId;

/**
 * A patient whose DMP a professional is authorized on, as TD0.4 lists it. {@link #toString()} hides
 * patient data.
 *
 * @param ins              the INS
 * @param lastName         the used name, or the birth name when there is none
 * @param birthName        the birth name
 * @param firstName        the first given name, or null
 * @param birthDate        the birth date, or null
 * @param treatingDoctor   whether the professional is the patient's treating doctor
 * @param authorizedSince  when the authorization started
 * @param lastAction       the authorization's last change
 * @param patientUpdatedAt the last change of the patient's administrative data or DMP state
 * @param lastDocument     when the last document was added to the DMP, or null when none was
 */
public record AuthorizedPatient(PatientId ins, String lastName, String birthName, String firstName,
                                LocalDate birthDate, boolean treatingDoctor, Instant authorizedSince,
                                Instant lastAction, Instant patientUpdatedAt, Instant lastDocument) {

    /** The last change of the DMP: of its administrative data, or a document added. */
    public Instant lastUpdate() {
        return lastDocument != null && lastDocument.isAfter(patientUpdatedAt) ? lastDocument : patientUpdatedAt;
    }

    AuthorizedPatient withLastDocument(Instant date) {
        return new AuthorizedPatient(ins, lastName, birthName, firstName, birthDate, treatingDoctor, authorizedSince,
                lastAction, patientUpdatedAt, date);
    }

    @Override
    public String toString() {
        return "AuthorizedPatient[(hidden), treatingDoctor=" + treatingDoctor + "]";
    }
}
