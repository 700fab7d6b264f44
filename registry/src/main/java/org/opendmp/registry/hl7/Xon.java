package org.opendmp.registry.hl7;

/**
 * HL7 XON (extended composite name and id for organizations), the datatype of
 * {@code authorInstitution}: a name (XON.1), optionally an identifier (XON.10) with its assigning
 * authority (XON.6), e.g. {@code CABINET DR LIBRE^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^499900063480001};
 * older senders put a numeric id in XON.3 instead.
 * When XON.10 is itself an OID no assigning authority is needed:
 * {@code Some Hospital^^^^^^^^^1.2.3.4.5.6.7.8.9.1789.45}. Absent components are null; values
 * are unescaped.
 *
 * @param organizationName        XON.1, required
 * @param idNumber                XON.3, the id number of HL7 versions before 2.5 (deprecated)
 * @param assigningAuthorityOid   XON.6, the OID of {@code &OID&ISO}
 * @param identifierTypeCode      XON.7 (e.g. IDNST, the French FINESS/SIRET structure id)
 * @param organizationIdentifier  XON.10
 */
public record Xon(String organizationName, String idNumber, String assigningAuthorityOid,
                  String identifierTypeCode, String organizationIdentifier) {

    /** Parses {@code value}, the content of {@code attribute}; refuses it with XDSRegistryMetadataError. */
    public static Xon parse(String value, String attribute) {
        Hl7Components xon = Hl7Components.split(value, attribute, "XON");
        Xon organization = new Xon(xon.get(1), xon.get(3), xon.assigningAuthority(6), xon.get(7), xon.get(10));
        if (organization.organizationName() == null) {
            throw xon.fail("needs an organization name (XON.1)");
        }
        if (organization.needsAssigningAuthority()) {
            throw xon.fail("identifier (XON.10) is not an OID, so it needs an assigning authority"
                    + " (XON.6) as &OID&ISO");
        }
        return organization;
    }

    /** The organization's id: XON.10, or XON.3 when XON.10 is empty; null when it has neither. */
    public String identifier() {
        return organizationIdentifier != null ? organizationIdentifier : idNumber;
    }

    private boolean needsAssigningAuthority() {
        return organizationIdentifier != null && !Oid.isValid(organizationIdentifier)
                && assigningAuthorityOid == null;
    }
}
