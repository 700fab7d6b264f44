package org.opendmp.registry.hl7;

/**
 * HL7 XCN (extended composite id and name for persons), the datatype of {@code authorPerson}
 * and {@code legalAuthenticator}, e.g. {@code 899900063480^MAX^LIBRE^^^^^^&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS}.
 * A person is known by an identifier (XCN.1), a family name (XCN.2), or both. Absent components
 * are null; values are unescaped.
 *
 * @param id                      XCN.1 id number
 * @param familyName              XCN.2 family name
 * @param givenName               XCN.3 given name
 * @param secondAndFurtherNames   XCN.4 second and further given names or initials
 * @param suffix                  XCN.5 suffix (e.g. JR)
 * @param prefix                  XCN.6 prefix (e.g. DR)
 * @param assigningAuthorityOid   XCN.9 assigning authority, the OID of {@code &OID&ISO}
 * @param nameTypeCode            XCN.10 name type code (e.g. D, display name)
 * @param identifierTypeCode      XCN.13 identifier type code (e.g. IDNPS, the French RPPS/ADELI id)
 */
public record Xcn(String id, String familyName, String givenName, String secondAndFurtherNames,
                  String suffix, String prefix, String assigningAuthorityOid,
                  String nameTypeCode, String identifierTypeCode) {

    /** Parses {@code value}, the content of {@code attribute}; refuses it with XDSRegistryMetadataError. */
    public static Xcn parse(String value, String attribute) {
        Hl7Components xcn = Hl7Components.split(value, attribute, "XCN");
        Xcn person = new Xcn(xcn.get(1), xcn.get(2), xcn.get(3), xcn.get(4), xcn.get(5),
                xcn.get(6), xcn.assigningAuthority(9), xcn.get(10), xcn.get(13));
        if (person.id() == null && person.familyName() == null) {
            throw xcn.fail("needs an identifier (XCN.1) or a family name (XCN.2)");
        }
        return person;
    }
}
