package org.opendmp.pixpdq.patient;

import java.util.Objects;
import java.util.regex.Pattern;
import org.opendmp.pixpdq.ins.InsOids;

/**
 * One identifier of a patient in one identifier domain: the INS (authority an INS OID) or a
 * facility's local identifier (IPP), as carried by HL7 CX (CX.1 and CX.4.2) and HL7v3 II
 * (extension and root). {@link #toString()} hides the identifier, which is patient data.
 *
 * @param id        the identifier (CX.1, II.extension)
 * @param authority the OID of the assigning authority (CX.4.2, II.root)
 */
public record PatientId(String id, String authority) {

    private static final Pattern OID = Pattern.compile("[0-2](\\.(0|[1-9][0-9]*))+");

    public PatientId {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(authority, "authority");
    }

    /** Whether {@code value} is an OID in dotted form ({@code 1.2.250.1.213.1.4.8}). */
    public static boolean isOid(String value) {
        return value != null && value.length() <= 64 && OID.matcher(value).matches();
    }

    /** Whether this is an INS (its authority assigns NIR or NIA numbers). */
    public boolean isIns() {
        return InsOids.isIns(authority);
    }

    /**
     * The form the XDS registry stores patient ids in, {@code id^^^&authority&ISO}, with the
     * HL7 separators in the identifier escaped.
     */
    public String canonical() {
        StringBuilder escaped = new StringBuilder(id.length());
        for (char c : id.toCharArray()) {
            switch (c) {
                case '\\' -> escaped.append("\\E\\");
                case '^' -> escaped.append("\\S\\");
                case '&' -> escaped.append("\\T\\");
                case '~' -> escaped.append("\\R\\");
                case '|' -> escaped.append("\\F\\");
                default -> escaped.append(c);
            }
        }
        return escaped + "^^^&" + authority + "&ISO";
    }

    @Override
    public String toString() {
        return "PatientId[id=(hidden), authority=" + authority + "]";
    }
}
