package org.opendmp.pixpdq.patient;

/** What the registry knows of a patient identifier, as the document registry asks it. */
public enum PatientStatus {
    /** No patient has this identifier. */
    UNKNOWN,
    /** A known patient whose DMP is open. */
    OPEN,
    /** A known patient whose DMP is closed: its documents are kept, nothing new is accepted. */
    CLOSED,
    /** A patient merged into another (the subsumed identity of an A40 or ITI-44 merge). */
    MERGED
}
