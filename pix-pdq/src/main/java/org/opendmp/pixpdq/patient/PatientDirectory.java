package org.opendmp.pixpdq.patient;

/** Answers whether documents may be registered for a patient identifier: the document registry's view of patients. */
@FunctionalInterface
public interface PatientDirectory {

    /** What is known of {@code identifier}. */
    PatientStatus status(PatientId identifier);

    /**
     * {@link #status}, read with the patient's row locked until the caller's transaction ends:
     * a merge or a closure of this patient waits for the caller's registration to commit, and a
     * registration waiting for them reads what they decided. Without a row, nothing is locked.
     */
    default PatientStatus lockedStatus(PatientId identifier) {
        return status(identifier);
    }
}
