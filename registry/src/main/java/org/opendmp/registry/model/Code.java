package org.opendmp.registry.model;

/**
 * A coded value of XDS metadata (classCode, typeCode, confidentialityCode, ...): the code
 * ({@code nodeRepresentation}), its coding scheme (the {@code codingScheme} slot) and display name.
 */
public record Code(String code, String scheme, String displayName) {

    /** The form stored queries use for codes: {@code code^^scheme}. */
    public String key() {
        return key(code, scheme);
    }

    public static String key(String code, String scheme) {
        return code + "^^" + scheme;
    }
}
