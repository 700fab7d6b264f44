package org.opendmp.registry.hl7;

import java.util.Set;

/**
 * HL7 XTN (extended telecommunication number), the datatype of {@code authorTelecommunication}
 * and of the telecom part of {@code intendedRecipient}. Two forms are accepted: an email address,
 * {@code ^^Internet^user@example.org} (XTN.3 {@code Internet}, XTN.4 the address), or a
 * telephone, XTN.3 a telephone equipment type (HL7 table 0202: PH, CP, FX, ...) with the number
 * unformatted in XTN.12 or split into XTN.5 country, XTN.6 area and XTN.7 local number.
 * Absent components are null; values are unescaped.
 *
 * @param useCode            XTN.2 telecommunication use code (e.g. WPN, NET)
 * @param equipmentType      XTN.3 telecommunication equipment type
 * @param emailAddress       XTN.4
 * @param countryCode        XTN.5
 * @param areaCode           XTN.6
 * @param localNumber        XTN.7
 * @param extension          XTN.8
 * @param unformattedNumber  XTN.12
 */
public record Xtn(String useCode, String equipmentType, String emailAddress, String countryCode,
                  String areaCode, String localNumber, String extension, String unformattedNumber) {

    /** XTN.3 of the email form. */
    public static final String INTERNET = "Internet";

    /** XTN.3 values for telephones (HL7 table 0202 without Internet and X.400). */
    public static final Set<String> TELEPHONE_TYPES =
            Set.of("PH", "CP", "FX", "MD", "BP", "SAT", "TDD", "TTY");

    /** Parses {@code value}, the content of {@code attribute}; refuses it with XDSRegistryMetadataError. */
    public static Xtn parse(String value, String attribute) {
        Hl7Components xtn = Hl7Components.split(value, attribute, "XTN");
        Xtn telecom = new Xtn(xtn.get(2), xtn.get(3), xtn.get(4), xtn.get(5), xtn.get(6),
                xtn.get(7), xtn.get(8), xtn.get(12));
        if (INTERNET.equals(telecom.equipmentType())) {
            checkEmail(telecom.emailAddress(), xtn);
        } else if (telecom.isTelephone()) {
            checkTelephone(telecom, xtn);
        } else {
            throw xtn.fail("equipment type (XTN.3) must be Internet or a telephone type "
                    + TELEPHONE_TYPES.stream().sorted().toList());
        }
        return telecom;
    }

    /** Whether this is the email form. */
    public boolean isEmail() {
        return INTERNET.equals(equipmentType);
    }

    /** Whether this is the telephone form. */
    public boolean isTelephone() {
        return equipmentType != null && TELEPHONE_TYPES.contains(equipmentType);
    }

    private static void checkEmail(String address, Hl7Components xtn) {
        if (address == null) {
            throw xtn.fail("of type Internet needs an email address (XTN.4)");
        }
        int at = address.indexOf('@');
        boolean wellFormed = at > 0 && at == address.lastIndexOf('@') && at < address.length() - 1
                && address.chars().noneMatch(Character::isWhitespace);
        if (!wellFormed) {
            throw xtn.fail("email address (XTN.4) must be local-part@domain with exactly one @");
        }
    }

    private static void checkTelephone(Xtn telecom, Hl7Components xtn) {
        if (telecom.unformattedNumber() == null && telecom.localNumber() == null) {
            throw xtn.fail("of a telephone type needs an unformatted number (XTN.12)"
                    + " or a local number (XTN.7)");
        }
    }
}
