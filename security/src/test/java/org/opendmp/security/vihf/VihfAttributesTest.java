package org.opendmp.security.vihf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opendmp.security.actor.AuthenticationMode;
import org.opendmp.security.vihf.VihfException.Reason;
import org.w3c.dom.Element;

/** Required VIHF attributes and their allowed values; errors name the attribute and never a value. */
class VihfAttributesTest {

    private final VihfValidator validator = Vihfs.validator();

    @ParameterizedTest
    @ValueSource(strings = {"Identifiant_Structure", "urn:oasis:names:tc:xacml:2.0:subject:role", "VIHF_Version",
            "Authentification_mode", "urn:oasis:names:tc:xspa:1.0:subject:purposeofuse", "Ressource_URN", "LPS_ID",
            "LPS_Nom", "LPS_Version"})
    void refusesAnAssertionWithoutARequiredAttribute(String name) {
        Element assertion = signed(AuthenticationMode.DIRECTE, a -> Vihfs.without(a, name));

        assertRefused(assertion, Reason.MISSING_ATTRIBUTE, name);
    }

    @Test
    void refusesARequiredAttributeWithAnEmptyValue() {
        Element assertion = signed(AuthenticationMode.DIRECTE,
                a -> Vihfs.value(a, VihfNames.FACILITY_ID).setTextContent("  "));

        assertRefused(assertion, Reason.MISSING_ATTRIBUTE, VihfNames.FACILITY_ID);
    }

    @Test
    void refusesAReinforcedIndirectAssertionWithoutAuthnContextDecl() {
        Element assertion = signed(AuthenticationMode.INDIRECTE_RENFORCEE, a -> {
            Element context = Dom.child(Dom.child(a, VihfNames.SAML, "AuthnStatement"), VihfNames.SAML, "AuthnContext");
            context.removeChild(Dom.child(context, VihfNames.SAML, "AuthnContextDecl"));
        });

        assertRefused(assertion, Reason.MISSING_ATTRIBUTE, "AuthnStatement/AuthnContext/AuthnContextDecl");
    }

    @Test
    void refusesAnUnknownAccessMode() {
        Element assertion = signed(AuthenticationMode.DIRECTE, a -> Dom.firstChildElement(
                Vihfs.value(a, VihfNames.PURPOSE_OF_USE)).setAttributeNS(null, "code", "urgence"));

        assertRefused(assertion, Reason.INVALID_ATTRIBUTE, VihfNames.PURPOSE_OF_USE);
    }

    @Test
    void refusesAnAccessModeFromAnotherCodeSystem() {
        Element assertion = signed(AuthenticationMode.DIRECTE, a -> Dom.firstChildElement(
                Vihfs.value(a, VihfNames.PURPOSE_OF_USE)).setAttributeNS(null, "codeSystem", "2.16.840.1.113883.5.8"));

        assertRefused(assertion, Reason.INVALID_ATTRIBUTE, VihfNames.PURPOSE_OF_USE);
    }

    @Test
    void acceptsAnAccessModeWithoutCodeSystem() throws Exception {
        Element assertion = signed(AuthenticationMode.DIRECTE, a -> Dom.firstChildElement(
                Vihfs.value(a, VihfNames.PURPOSE_OF_USE)).removeAttributeNS(null, "codeSystem"));

        assertThat(validator.validate(assertion).purposeOfUse().code()).isEqualTo("normal");
    }

    @Test
    void refusesAnUnknownAuthenticationMode() {
        Element assertion = signed(AuthenticationMode.DIRECTE,
                a -> Vihfs.value(a, VihfNames.AUTHENTICATION_MODE).setTextContent("FORTE"));

        assertRefused(assertion, Reason.INVALID_ATTRIBUTE, VihfNames.AUTHENTICATION_MODE);
    }

    @Test
    void refusesBothSpellingsOfTheAuthenticationMode() {
        Element assertion = signed(AuthenticationMode.DIRECTE, a -> {
            Element attribute = Vihfs.attribute(a, VihfNames.AUTHENTICATION_MODE);
            Element copy = (Element) attribute.cloneNode(true);
            copy.setAttributeNS(null, "Name", VihfNames.AUTHENTICATION_MODE_CAPITAL);
            attribute.getParentNode().appendChild(copy);
        });

        assertRefused(assertion, Reason.INVALID_ATTRIBUTE, VihfNames.AUTHENTICATION_MODE);
    }

    @Test
    void refusesAResourceOtherThanTheDmp() {
        Element assertion = signed(AuthenticationMode.DIRECTE,
                a -> Vihfs.value(a, VihfNames.RESOURCE_URN).setTextContent("urn:other"));

        assertRefused(assertion, Reason.INVALID_ATTRIBUTE, VihfNames.RESOURCE_URN);
    }

    @Test
    void refusesAVersionThatIsNotANumber() {
        Element assertion = signed(AuthenticationMode.DIRECTE,
                a -> Vihfs.value(a, VihfNames.VIHF_VERSION).setTextContent("three"));

        assertRefused(assertion, Reason.INVALID_ATTRIBUTE, VihfNames.VIHF_VERSION);
    }

    @Test
    void refusesTwoPatientsWithoutNamingThem() {
        Element assertion = signed(AuthenticationMode.DIRECTE, a -> {
            Element value = Vihfs.value(a, VihfNames.RESOURCE_ID);
            Element second = (Element) value.cloneNode(true);
            second.setTextContent("290029900200251^^^&1.2.250.1.213.1.4.10&ISO^NH");
            value.getParentNode().appendChild(second);
        });

        assertThatThrownBy(() -> validator.validate(assertion))
                .isInstanceOfSatisfying(VihfException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.INVALID_ATTRIBUTE);
                    assertThat(e.attribute()).isEqualTo(VihfNames.RESOURCE_ID);
                })
                .message().doesNotContain("190019900100142").doesNotContain("290029900200251");
    }

    @Test
    void refusesAnAttributeGivenTwice() {
        Element assertion = signed(AuthenticationMode.DIRECTE, a -> {
            Element attribute = Vihfs.attribute(a, VihfNames.FACILITY_ID);
            attribute.getParentNode().appendChild(attribute.cloneNode(true));
        });

        assertRefused(assertion, Reason.INVALID_ATTRIBUTE, VihfNames.FACILITY_ID);
    }

    @Test
    void refusesARoleWithoutCodeSystemOrAsPlainText() {
        Element noSystem = signed(AuthenticationMode.DIRECTE,
                a -> Dom.firstChildElement(Vihfs.value(a, VihfNames.ROLE)).removeAttributeNS(null, "codeSystem"));
        Element text = signed(AuthenticationMode.DIRECTE, a -> {
            Element value = Vihfs.value(a, VihfNames.ROLE);
            value.removeChild(Dom.firstChildElement(value));
            value.setTextContent("10");
        });

        assertRefused(noSystem, Reason.INVALID_ATTRIBUTE, VihfNames.ROLE);
        assertRefused(text, Reason.INVALID_ATTRIBUTE, VihfNames.ROLE);
    }

    @Test
    void refusesMoreThanARoleAndASpecialty() {
        Element assertion = signed(AuthenticationMode.DIRECTE, a -> {
            Element attribute = Vihfs.attribute(a, VihfNames.ROLE);
            attribute.appendChild(Vihfs.value(a, VihfNames.ROLE).cloneNode(true));
        });

        assertRefused(assertion, Reason.INVALID_ATTRIBUTE, VihfNames.ROLE);
    }

    @Test
    void reportsAMissingAuthenticationModeBeforeJudgingTheSigner() {
        // Without the mode the anchors are unknown: the attribute error comes first.
        Element assertion = Vihfs.doctorClaims().issuer(Vihfs.facility().issuer()).build();
        Vihfs.facility().sign(Vihfs.without(assertion, VihfNames.AUTHENTICATION_MODE));

        assertRefused(assertion, Reason.MISSING_ATTRIBUTE, VihfNames.AUTHENTICATION_MODE);
    }

    /** An assertion of {@code mode} by the matching development signer, edited by {@code edit} before signing. */
    private static Element signed(AuthenticationMode mode, Consumer<Element> edit) {
        VihfSigner signer = Vihfs.signerFor(mode);
        Element assertion = Vihfs.doctorClaims().authenticationMode(mode).issuer(signer.issuer()).build();
        edit.accept(assertion);
        return signer.sign(assertion);
    }

    private void assertRefused(Element assertion, Reason reason, String attribute) {
        assertThatThrownBy(() -> validator.validate(assertion))
                .isInstanceOfSatisfying(VihfException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.attribute()).isEqualTo(attribute);
                    assertThat(e.getMessage()).contains(attribute);
                });
    }
}
