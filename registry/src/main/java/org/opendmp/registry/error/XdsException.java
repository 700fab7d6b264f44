package org.opendmp.registry.error;

/**
 * A refusal with its IHE error code. Thrown anywhere in validation, storage or query code
 * and turned into a {@code RegistryError} in exactly one place (the SOAP edge).
 *
 * <p>The message is returned to the client as {@code codeContext}: it must name the rule and
 * the offending attribute, never patient data.
 */
public class XdsException extends RuntimeException {

    private final XdsErrorCode errorCode;
    private final String location;

    public XdsException(XdsErrorCode errorCode, String message) {
        this(errorCode, message, null);
    }

    public XdsException(XdsErrorCode errorCode, String message, String location) {
        super(message, null, false, false);
        this.errorCode = errorCode;
        this.location = location;
    }

    public XdsErrorCode errorCode() {
        return errorCode;
    }

    /** The id or symbolic id of the object at fault, when there is one; may be null. */
    public String location() {
        return location;
    }
}
