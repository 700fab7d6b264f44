package org.opendmp.security.vihf;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.opendmp.security.actor.AuthenticationMode;
import org.opendmp.security.actor.PurposeOfUse;
import org.opendmp.security.actor.Role;
import org.opendmp.security.actor.Software;
import org.w3c.dom.Element;

/**
 * The saml2:Attribute elements of an assertion's AttributeStatements, by Name, and the typed reading of the
 * VIHF's attributes. Errors name the attribute, never its value.
 */
final class VihfAttributes {

    /** An HL7 v3 coded value ({@code CE}): {@code code} and {@code codeSystem}. */
    record Coded(String code, String codeSystem) {
    }

    private final Map<String, Element> byName;
    /** Names met more than once: ambiguous, refused when read. */
    private final Set<String> repeated;

    private VihfAttributes(Map<String, Element> byName, Set<String> repeated) {
        this.byName = byName;
        this.repeated = repeated;
    }

    static VihfAttributes of(Element assertion) {
        Map<String, Element> byName = new HashMap<>(32);
        Set<String> repeated = new HashSet<>(2);
        for (Element statement : Dom.children(assertion, VihfNames.SAML, "AttributeStatement")) {
            for (Element attribute : Dom.children(statement, VihfNames.SAML, "Attribute")) {
                String name = attribute.getAttributeNS(null, "Name");
                if (byName.putIfAbsent(name, attribute) != null) {
                    repeated.add(name);
                }
            }
        }
        return new VihfAttributes(byName, repeated);
    }

    /** {@code Authentification_mode}, in either spelling. */
    AuthenticationMode authenticationMode() throws VihfException {
        boolean lower = byName.containsKey(VihfNames.AUTHENTICATION_MODE);
        boolean capital = byName.containsKey(VihfNames.AUTHENTICATION_MODE_CAPITAL);
        if (lower && capital) {
            throw VihfException.invalid(VihfNames.AUTHENTICATION_MODE, "is given in both spellings");
        }
        String name = capital ? VihfNames.AUTHENTICATION_MODE_CAPITAL : VihfNames.AUTHENTICATION_MODE;
        AuthenticationMode mode = AuthenticationMode.of(requiredText(name));
        if (mode == null) {
            throw VihfException.invalid(name, "is not DIRECTE, INDIRECTE or INDIRECTE_RENFORCEE");
        }
        return mode;
    }

    /** The role: profession (or {@code AUTOMATE}, or another role), then the optional specialty. */
    Role role() throws VihfException {
        List<Element> values = values(VihfNames.ROLE);
        if (values.isEmpty()) {
            throw VihfException.missing(VihfNames.ROLE);
        }
        if (values.size() > 2) {
            throw VihfException.invalid(VihfNames.ROLE, "has more than a role and a specialty");
        }
        Coded role = coded(VihfNames.ROLE, values.get(0), "Role", true);
        Coded specialty = values.size() > 1 ? coded(VihfNames.ROLE, values.get(1), "Role", true) : null;
        return new Role(role.code(), role.codeSystem(),
                specialty == null ? null : specialty.code(), specialty == null ? null : specialty.codeSystem());
    }

    /** The access mode; its code system, when given, must be the DMP's. */
    PurposeOfUse purposeOfUse() throws VihfException {
        Element value = single(VihfNames.PURPOSE_OF_USE);
        if (value == null) {
            throw VihfException.missing(VihfNames.PURPOSE_OF_USE);
        }
        Coded coded = coded(VihfNames.PURPOSE_OF_USE, value, "PurposeOfUse", false);
        if (coded.codeSystem() != null && !PurposeOfUse.CODE_SYSTEM.equals(coded.codeSystem())) {
            throw VihfException.invalid(VihfNames.PURPOSE_OF_USE, "has a code system other than "
                    + PurposeOfUse.CODE_SYSTEM);
        }
        PurposeOfUse purpose = PurposeOfUse.of(coded.code());
        if (purpose == null) {
            throw VihfException.invalid(VihfNames.PURPOSE_OF_USE, "is not normal, centre_15 or bris_de_glace");
        }
        return purpose;
    }

    /** Whether a confidentiality-code value is {@code INVISIBLE_REPRESENTANTS_LEGAUX}. */
    boolean legalGuardianSecret() throws VihfException {
        for (Element value : values(VihfNames.CONFIDENTIALITY_CODE)) {
            Element code = Dom.firstChildElement(value);
            String text = code != null ? Dom.attribute(code, "code") : Dom.text(value);
            if (VihfNames.LEGAL_GUARDIAN_SECRET.equals(text)) {
                return true;
            }
        }
        return false;
    }

    /** {@code Ressource_URN}, which must be {@code urn:dmp}. */
    void requireDmpResource() throws VihfException {
        if (!VihfNames.DMP_URN.equals(requiredText(VihfNames.RESOURCE_URN))) {
            throw VihfException.invalid(VihfNames.RESOURCE_URN, "is not " + VihfNames.DMP_URN);
        }
    }

    /** {@code VIHF_Version}, a version number such as {@code 3.0}. */
    String version() throws VihfException {
        String version = requiredText(VihfNames.VIHF_VERSION);
        if (!version.matches("\\d{1,3}\\.\\d{1,3}")) {
            throw VihfException.invalid(VihfNames.VIHF_VERSION, "is not a version number such as 3.0");
        }
        return version;
    }

    /** {@code Secteur_Activite}: the code, before the {@code ^} of its code system; {@code null} if absent. */
    String activitySector() throws VihfException {
        String sector = optionalText(VihfNames.ACTIVITY_SECTOR);
        if (sector == null) {
            return null;
        }
        int caret = sector.indexOf('^');
        String code = caret < 0 ? sector : sector.substring(0, caret).strip();
        if (code.isEmpty()) {
            throw VihfException.invalid(VihfNames.ACTIVITY_SECTOR, "has no code");
        }
        return code;
    }

    Software software() throws VihfException {
        return new Software(requiredText(VihfNames.SOFTWARE_ID), requiredText(VihfNames.SOFTWARE_NAME),
                requiredText(VihfNames.SOFTWARE_VERSION), optionalText(VihfNames.SOFTWARE_HOMOLOGATION));
    }

    /** The single text value of attribute {@code name}; missing when absent or blank. */
    String requiredText(String name) throws VihfException {
        String text = optionalText(name);
        if (text == null) {
            throw VihfException.missing(name);
        }
        return text;
    }

    /** The single text value of attribute {@code name}, or {@code null} when absent or blank. */
    String optionalText(String name) throws VihfException {
        return Dom.text(single(name));
    }

    /** The single AttributeValue of {@code name}, or {@code null} when the attribute or its value is absent. */
    private Element single(String name) throws VihfException {
        List<Element> values = values(name);
        if (values.size() > 1) {
            throw VihfException.invalid(name, "has several values");
        }
        return values.isEmpty() ? null : values.get(0);
    }

    private List<Element> values(String name) throws VihfException {
        if (repeated.contains(name)) {
            throw VihfException.invalid(name, "appears more than once");
        }
        Element attribute = byName.get(name);
        return attribute == null ? List.of() : Dom.children(attribute, VihfNames.SAML, "AttributeValue");
    }

    /**
     * The HL7 v3 element {@code localName} inside an AttributeValue; when {@code elementRequired} is false, a
     * bare text value stands for the code alone.
     */
    private static Coded coded(String name, Element value, String localName, boolean elementRequired)
            throws VihfException {
        Element element = Dom.child(value, VihfNames.HL7, localName);
        if (element == null) {
            String text = elementRequired || Dom.firstChildElement(value) != null ? null : Dom.text(value);
            if (text == null) {
                throw VihfException.invalid(name, "does not hold an HL7 " + localName + " element");
            }
            return new Coded(text, null);
        }
        String code = Dom.attribute(element, "code");
        String codeSystem = Dom.attribute(element, "codeSystem");
        if (code == null) {
            throw VihfException.invalid(name, "has no code");
        }
        if (elementRequired && codeSystem == null) {
            throw VihfException.invalid(name, "has no codeSystem");
        }
        return new Coded(code, codeSystem);
    }
}
