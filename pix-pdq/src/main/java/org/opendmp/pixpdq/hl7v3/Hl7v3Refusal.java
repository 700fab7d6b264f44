package org.opendmp.pixpdq.hl7v3;

import org.opendmp.pixpdq.patient.PatientRegistryException;

/**
 * A request refused, answered with an HL7v3 acknowledgement: {@code AR} (application reject: the
 * message does not match its schema, names an unsupported interaction or reason) or {@code AE}
 * (application error: the registry refused it), with one acknowledgementDetail whose code comes
 * from HL7 table 0357 (message error condition codes, code system 2.16.840.1.113883.12.357) as
 * IHE ITI-44/45/47 use it. The text never repeats patient data.
 */
public final class Hl7v3Refusal extends RuntimeException {

    /** HL7 table 0357. */
    public static final String ERROR_CODE_SYSTEM = "2.16.840.1.113883.12.357";

    /** The table 0357 codes used here. */
    public enum ErrorCode {
        REQUIRED_FIELD_MISSING("101"),
        DATA_TYPE_ERROR("102"),
        TABLE_VALUE_NOT_FOUND("103"),
        UNSUPPORTED_MESSAGE_TYPE("200"),
        UNSUPPORTED_EVENT_CODE("201"),
        UNKNOWN_KEY_IDENTIFIER("204"),
        DUPLICATE_KEY_IDENTIFIER("205"),
        APPLICATION_RECORD_LOCKED("206");

        private final String code;

        ErrorCode(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final String typeCode;
    private final ErrorCode code;
    private final String location;

    private Hl7v3Refusal(String typeCode, ErrorCode code, String text, String location) {
        super(text);
        this.typeCode = typeCode;
        this.code = code;
        this.location = location;
    }

    /** AR: the message itself is not acceptable (schema, interaction, reason code). */
    public static Hl7v3Refusal reject(ErrorCode code, String text) {
        return new Hl7v3Refusal("AR", code, text, null);
    }

    /** AE: an acceptable message the application could not carry out. */
    public static Hl7v3Refusal error(ErrorCode code, String text, String location) {
        return new Hl7v3Refusal("AE", code, text, location);
    }

    /** The acknowledgement for a refusal of the patient registry; the only place mapping its reasons. */
    public static Hl7v3Refusal of(PatientRegistryException refused, String location) {
        ErrorCode code = switch (refused.reason()) {
            case UNKNOWN_PATIENT, UNKNOWN_AUTHORITY -> ErrorCode.UNKNOWN_KEY_IDENTIFIER;
            case ALREADY_EXISTS, IDENTIFIER_CONFLICT -> ErrorCode.DUPLICATE_KEY_IDENTIFIER;
            case DMP_CLOSED, DMP_OPEN -> ErrorCode.APPLICATION_RECORD_LOCKED;
            case MISSING_INS, INVALID_TRAIT -> ErrorCode.REQUIRED_FIELD_MISSING;
            case INVALID_IDENTIFIER, INVALID_INS -> ErrorCode.DATA_TYPE_ERROR;
        };
        return new Hl7v3Refusal("AE", code, refused.reason() + ": " + refused.getMessage(), location);
    }

    /** AE or AR. */
    public String typeCode() {
        return typeCode;
    }

    public ErrorCode code() {
        return code;
    }

    /** Where in the request the problem is (an XPath-like path, as IHE shows it), or null. */
    public String location() {
        return location;
    }
}
