package org.opendmp.conformance;

/** A coded value of XDS metadata: code (nodeRepresentation), coding scheme and display name. */
public record Code(String code, String scheme, String displayName) {

    public static Code of(String code, String scheme) {
        return new Code(code, scheme, code);
    }

    /** Stored query form {@code code^^scheme}. */
    public String queryValue() {
        return code + "^^" + scheme;
    }
}
