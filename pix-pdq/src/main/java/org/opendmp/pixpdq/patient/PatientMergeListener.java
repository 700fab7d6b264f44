package org.opendmp.pixpdq.patient;

/**
 * Told of a merge inside the merge's transaction, so what is keyed on the subsumed patient
 * (the document registry's entries) moves to the surviving one atomically with the identities.
 */
@FunctionalInterface
public interface PatientMergeListener {

    /** {@code subsumed}'s records now belong to {@code surviving}; both are INS. */
    void merged(PatientId subsumed, PatientId surviving);
}
