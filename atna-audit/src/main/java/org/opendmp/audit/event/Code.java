package org.opendmp.audit.event;

import java.util.Objects;

/**
 * A coded value as DICOM audit messages carry it ({@code csd-code}, {@code codeSystemName},
 * {@code originalText}).
 *
 * @param code        the code
 * @param codeSystem  the code system's name or OID
 * @param displayName the text shown for it; the code itself when {@code null}
 */
public record Code(String code, String codeSystem, String displayName) {

    public Code {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(codeSystem, "codeSystem");
        if (displayName == null || displayName.isBlank()) {
            displayName = code;
        }
    }

    /** A code whose display name is the code itself. */
    public static Code of(String code, String codeSystem) {
        return new Code(code, codeSystem, null);
    }
}
