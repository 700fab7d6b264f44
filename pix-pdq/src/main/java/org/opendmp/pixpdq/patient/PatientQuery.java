package org.opendmp.pixpdq.patient;

import java.time.LocalDate;

/**
 * Demographic search criteria of PDQ (ITI-21, ITI-47). Every criterion is optional; at least
 * one is required. A name ending in {@code *} matches by prefix, otherwise exactly. Names are
 * compared without case and accents. The family name matches the birth name or the used name.
 *
 * @param familyName     family name (birth or used), or null
 * @param givenName      first given name, or null
 * @param sex            sex, or null
 * @param birthDate      date of birth, or null
 * @param birthPlaceCode INSEE code of the birthplace, or null
 * @param identifier     an identifier of the patient (INS or local), or null
 */
public record PatientQuery(String familyName, String givenName, Sex sex, LocalDate birthDate,
                           String birthPlaceCode, PatientId identifier) {

    /** Whether no criterion is set. */
    public boolean isEmpty() {
        return familyName == null && givenName == null && sex == null && birthDate == null
                && birthPlaceCode == null && identifier == null;
    }

    @Override
    public String toString() {
        return "PatientQuery[(hidden)]";
    }
}
