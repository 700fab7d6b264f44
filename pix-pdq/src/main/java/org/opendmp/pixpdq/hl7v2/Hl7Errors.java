package org.opendmp.pixpdq.hl7v2;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.Location;
import ca.uhn.hl7v2.Severity;
import org.opendmp.pixpdq.patient.PatientRegistryException;

/**
 * Refusals as HL7 errors: an {@link HL7Exception} carrying the HL7 table 0357 code and the
 * location (ERR-2, e.g. {@code PID^1^3}) that HAPI writes into the ERR segment. The patient
 * registry's reasons are mapped here and nowhere else. Texts never repeat patient data.
 */
final class Hl7Errors {

    private Hl7Errors() {
    }

    /** An error of severity E with its 0357 code, location and a text free of patient data. */
    static HL7Exception error(ErrorCode code, Location where, String text) {
        HL7Exception error = new HL7Exception(text, code);
        error.setLocation(where);
        error.setSeverity(Severity.ERROR);
        return error;
    }

    /** The location of a field, first segment of its name ({@code PID^1^3}). */
    static Location field(String segment, int field) {
        return new Location().withSegmentName(segment).withSegmentRepetition(1).withField(field);
    }

    /** The location of a component of one repetition of a field ({@code QPD^1^3^1^4}), repetitions from 1. */
    static Location component(String segment, int field, int repetition, int component) {
        return field(segment, field).withFieldRepetition(repetition).withComponent(component);
    }

    /**
     * The patient registry's refusal as an HL7 error at {@code where}: the field that carries the
     * identifiers (PID-3, MRG-1, QPD-3) or the traits concerned.
     */
    static HL7Exception of(PatientRegistryException refusal, Location where) {
        ErrorCode code = switch (refusal.reason()) {
            case INVALID_IDENTIFIER, INVALID_INS, INVALID_TRAIT -> ErrorCode.DATA_TYPE_ERROR;
            case UNKNOWN_AUTHORITY, MISSING_INS, UNKNOWN_PATIENT -> ErrorCode.UNKNOWN_KEY_IDENTIFIER;
            case IDENTIFIER_CONFLICT, ALREADY_EXISTS -> ErrorCode.DUPLICATE_KEY_IDENTIFIER;
            case DMP_CLOSED, DMP_OPEN -> ErrorCode.APPLICATION_INTERNAL_ERROR;
        };
        return error(code, where, refusal.getMessage());
    }

    /**
     * MSA-1 for an error: AR (reject) when the message as such cannot be handled (type, event,
     * processing id, version, internal error), AE when its content is wrong.
     */
    static AcknowledgmentCode ackCode(HL7Exception error) {
        return switch (error.getError()) {
            case UNSUPPORTED_MESSAGE_TYPE, UNSUPPORTED_EVENT_CODE, UNSUPPORTED_PROCESSING_ID, UNSUPPORTED_VERSION_ID,
                    APPLICATION_INTERNAL_ERROR, APPLICATION_RECORD_LOCKED -> AcknowledgmentCode.AR;
            default -> AcknowledgmentCode.AE;
        };
    }
}
