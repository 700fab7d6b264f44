package org.opendmp.pixpdq.patient;

/**
 * A patient registry request refused, with the reason by name. Protocol layers turn it into an
 * HL7v2 ACK AE/AR with ERR, an HL7v3 acknowledgement detail or an XDS RegistryError; messages
 * never repeat patient data.
 */
public final class PatientRegistryException extends RuntimeException {

    /** Why a request was refused. */
    public enum Reason {
        /** An identifier is malformed: no value, or an authority that is not an OID. */
        INVALID_IDENTIFIER,
        /** An INS whose authority is not one this registry accepts. */
        UNKNOWN_AUTHORITY,
        /** The request names no INS, and the registry is keyed on it. */
        MISSING_INS,
        /** An INS number with a wrong format or key. */
        INVALID_INS,
        /** No patient has this identifier (or it was merged into another). */
        UNKNOWN_PATIENT,
        /** A local identifier is already cross-referenced to another patient. */
        IDENTIFIER_CONFLICT,
        /** A required identity trait is missing or malformed. */
        INVALID_TRAIT,
        /** The request needs an open DMP and it is closed. */
        DMP_CLOSED,
        /** The request needs a closed DMP (reactivation) and it is open. */
        DMP_OPEN,
        /** The patient already exists (creation of a DMP that exists). */
        ALREADY_EXISTS
    }

    private final Reason reason;

    public PatientRegistryException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
