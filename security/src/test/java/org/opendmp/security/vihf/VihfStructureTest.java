package org.opendmp.security.vihf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.opendmp.security.vihf.VihfException.Reason;
import org.w3c.dom.Element;

/** The structure check, before any signature work; and finding the assertion in wsse:Security. */
class VihfStructureTest {

    private static final String WSSE = VihfNames.WSSE;

    private final VihfValidator validator = Vihfs.validator();

    @Test
    void refusesAnElementThatIsNotASaml2Assertion() {
        Element saml1 = VihfAssertions.parse(
                "<saml:Assertion xmlns:saml='urn:oasis:names:tc:SAML:1.0:assertion' MajorVersion='1'/>");

        assertRefused(saml1, "not a SAML 2.0 Assertion");
        assertRefused(null, "not a SAML 2.0 Assertion");
    }

    @Test
    void refusesAnotherVersion() {
        assertRefused(edited(a -> a.setAttributeNS(null, "Version", "1.1")), "Version");
    }

    @Test
    void refusesAnAssertionWithoutId() {
        assertRefused(edited(a -> a.removeAttributeNS(null, "ID")), "no ID");
    }

    @Test
    void refusesAnIssueInstantThatIsNotADate() {
        assertRefused(edited(a -> a.setAttributeNS(null, "IssueInstant", "yesterday")), "IssueInstant");
        assertRefused(edited(a -> a.removeAttributeNS(null, "IssueInstant")), "IssueInstant");
    }

    @Test
    void refusesAnAssertionWithoutIssuerOrNameId() {
        assertRefused(edited(a -> a.removeChild(Dom.child(a, VihfNames.SAML, "Issuer"))), "no Issuer");
        assertRefused(edited(a -> {
            Element subject = Dom.child(a, VihfNames.SAML, "Subject");
            subject.removeChild(Dom.child(subject, VihfNames.SAML, "NameID"));
        }), "no Subject/NameID");
    }

    @Test
    void refusesConditionsWithAnUnreadableTime() {
        assertRefused(edited(a -> {
            Element conditions = a.getOwnerDocument().createElementNS(VihfNames.SAML, "saml2:Conditions");
            conditions.setAttributeNS(null, "NotOnOrAfter", "soon");
            a.insertBefore(conditions, Dom.child(a, VihfNames.SAML, "AuthnStatement"));
        }), "NotOnOrAfter");
    }

    @Test
    void findsTheAssertionOfASecurityHeader() throws Exception {
        Element header = VihfAssertions.parse("<wsse:Security xmlns:wsse='" + WSSE + "'>"
                + "<wsu:Timestamp xmlns:wsu='urn:x'/>"
                + VihfAssertions.toXml(Vihfs.doctorClaims().sign(Vihfs.doctor())) + "</wsse:Security>");

        Element assertion = VihfAssertions.find(header);

        assertThat(assertion.getLocalName()).isEqualTo("Assertion");
        assertThat(validator.validate(assertion).professionalId()).isEqualTo(DevelopmentVihfPki.DEMO_PROFESSIONAL_ID);
    }

    @Test
    void findsNothingInAHeaderWithoutAssertion() throws Exception {
        Element header = VihfAssertions.parse("<wsse:Security xmlns:wsse='" + WSSE + "'/>");

        assertThat(VihfAssertions.find(header)).isNull();
    }

    @Test
    void refusesAHeaderWithTwoAssertions() {
        String one = VihfAssertions.toXml(Vihfs.doctorClaims().sign(Vihfs.doctor()));
        Element header = VihfAssertions.parse("<wsse:Security xmlns:wsse='" + WSSE + "'>" + one + one
                + "</wsse:Security>");

        assertThatThrownBy(() -> VihfAssertions.find(header)).isInstanceOfSatisfying(VihfException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    }

    @Test
    void parsingRefusesADoctype() {
        String external = "<!DOCTYPE a [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><a>&x;</a>";

        assertThatThrownBy(() -> VihfAssertions.parse(external)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A signed doctor's assertion, edited after signing (the structure check runs first). */
    private static Element edited(Consumer<Element> edit) {
        Element assertion = Vihfs.doctorClaims().sign(Vihfs.doctor());
        edit.accept(assertion);
        return assertion;
    }

    private void assertRefused(Element assertion, String message) {
        assertThatThrownBy(() -> validator.validate(assertion)).isInstanceOfSatisfying(VihfException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED)).hasMessageContaining(message);
    }
}
