package org.opendmp.audit.arr;

/**
 * A DICOM coded value ({@code csd-code}, {@code codeSystemName}, {@code displayName}) as audit
 * messages carry it in EventID, EventTypeCode, PurposeOfUse, RoleIDCode.
 *
 * @param code        {@code csd-code}, e.g. {@code ITI-18}
 * @param system      {@code codeSystemName}, e.g. {@code IHE Transactions}, or null
 * @param displayName {@code displayName} (or {@code originalText} without one), or null
 */
public record Code(String code, String system, String displayName) {

    /** Whether this code is {@code code} in a system named {@code system} (either spelled as an OID or {@code urn:oid:OID}). */
    public boolean is(String system, String code) {
        return code.equals(this.code) && inSystem(system);
    }

    /** Whether the code system is {@code system}, compared with and without an {@code urn:oid:} prefix. */
    public boolean inSystem(String system) {
        if (this.system == null) {
            return false;
        }
        String mine = this.system.startsWith("urn:oid:") ? this.system.substring(8) : this.system;
        String theirs = system.startsWith("urn:oid:") ? system.substring(8) : system;
        return mine.equals(theirs);
    }
}
