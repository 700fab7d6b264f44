package org.opendmp.pixpdq.patient;

/** Answers whether documents may be registered for a patient identifier: the document registry's view of patients. */
@FunctionalInterface
public interface PatientDirectory {

    /** What is known of {@code identifier}. */
    PatientStatus status(PatientId identifier);
}
