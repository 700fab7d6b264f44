package org.opendmp.registry.ebrim;

import java.util.regex.Pattern;
import org.opendmp.registry.hl7.Oid;

/** Syntax of the identifiers XDS metadata uses: OIDs and document uniqueIds. */
public final class Identifiers {

    private static final Pattern HEX_SHA1 = Pattern.compile("[0-9a-fA-F]{40}");

    private Identifiers() {
    }

    public static boolean isOid(String value) {
        return value != null && value.length() <= 64 && Oid.isValid(value);
    }

    /**
     * A DocumentEntry uniqueId (ITI TF-3 4.2.3.2.26): an OID, or {@code OID^extension} with an
     * extension of at most 16 characters.
     */
    public static boolean isDocumentUniqueId(String value) {
        if (value == null || value.length() > 128) {
            return false;
        }
        int caret = value.indexOf('^');
        if (caret < 0) {
            return isOid(value);
        }
        String extension = value.substring(caret + 1);
        return isOid(value.substring(0, caret)) && !extension.isEmpty() && extension.length() <= 16
                && extension.chars().allMatch(c -> c > 32 && c < 127 && c != '^');
    }

    public static boolean isSha1Hex(String value) {
        return value != null && HEX_SHA1.matcher(value).matches();
    }
}
