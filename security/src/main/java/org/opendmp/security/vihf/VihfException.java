package org.opendmp.security.vihf;

/**
 * A VIHF assertion was refused. The message is safe to return to the caller and to log: it names the
 * failed check and, for attribute errors, the attribute's name, never a value (no INS, no names).
 */
public final class VihfException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the assertion was refused, roughly in the order of {@link VihfValidator}'s checks. */
    public enum Reason {
        /** Not a SAML 2.0 Assertion, or a required element or attribute of its structure is missing. */
        MALFORMED,
        /** The assertion carries no ds:Signature. */
        UNSIGNED,
        /**
         * The signature's shape is refused: several signatures, a Reference to anything but the assertion, a
         * duplicate ID, other transforms, no readable KeyInfo certificate.
         */
        SIGNATURE_MALFORMED,
        /** A signature, digest, canonicalization or transform algorithm outside the accepted ones. */
        UNSUPPORTED_ALGORITHM,
        /** The signature value or a digest does not verify: the assertion was altered or signed with another key. */
        INVALID_SIGNATURE,
        /** The signing certificate does not chain to a trust anchor of the authentication mode, or is not valid now. */
        UNTRUSTED_SIGNER,
        /** The Issuer is not the signing certificate's subject DN. */
        ISSUER_MISMATCH,
        /** The assertion is past its NotOnOrAfter, or older than the accepted age. */
        EXPIRED,
        /** The assertion's NotBefore or IssueInstant lies in the future. */
        NOT_YET_VALID,
        /** A required VIHF attribute is absent or empty. */
        MISSING_ATTRIBUTE,
        /** A VIHF attribute has a value outside its allowed values, or several values where one is allowed. */
        INVALID_ATTRIBUTE
    }

    private final Reason reason;
    private final String attribute;

    public VihfException(Reason reason, String message) {
        this(reason, null, message, null);
    }

    VihfException(Reason reason, String message, Throwable cause) {
        this(reason, null, message, cause);
    }

    private VihfException(Reason reason, String attribute, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.attribute = attribute;
    }

    static VihfException missing(String attribute) {
        return new VihfException(Reason.MISSING_ATTRIBUTE, attribute,
                "VIHF attribute " + attribute + " is missing", null);
    }

    static VihfException invalid(String attribute, String problem) {
        return new VihfException(Reason.INVALID_ATTRIBUTE, attribute,
                "VIHF attribute " + attribute + " " + problem, null);
    }

    /** Why the assertion was refused. */
    public Reason reason() {
        return reason;
    }

    /** The name of the missing or invalid attribute, or {@code null} for other reasons. */
    public String attribute() {
        return attribute;
    }
}
