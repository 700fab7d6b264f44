package org.opendmp.pixpdq.habilitation;

/**
 * A request on authorizations refused, with the reason by name. The SOAP layer turns it into a SOAP
 * fault whose subcode is {@link Reason#code()}, the portal into an HTTP status; messages never
 * repeat patient data.
 */
public final class HabilitationRefusal extends RuntimeException {

    /** Why a request was refused; {@link #code()} is the SOAP fault subcode. */
    public enum Reason {
        /** No VIHF, hence no known caller: the transaction is about the caller's own authorization. */
        VIHF_REQUIRED("DMPVihfRequired"),
        /** The VIHF names no patient ({@code resource-id}), or not as an INS. */
        PATIENT_REQUIRED("DMPPatientRequired"),
        /** No patient has this INS (or it was merged into another). */
        UNKNOWN_PATIENT("DMPPatientNotFound"),
        /** The patient's DMP is closed: no new authorization. */
        DMP_CLOSED("DMPClosed"),
        /** The patient blocked this professional: they cannot authorize themselves. */
        BLOCKED_BY_PATIENT("DMPAccessBlockedByPatient"),
        /** Only a doctor can be the patient's treating doctor. */
        NOT_A_DOCTOR("DMPNotADoctor"),
        /** The request is malformed: a missing or unknown value. */
        INVALID_REQUEST("DMPInvalidRequest");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        /** The fault subcode's local name. */
        public String code() {
            return code;
        }
    }

    private final Reason reason;

    public HabilitationRefusal(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
