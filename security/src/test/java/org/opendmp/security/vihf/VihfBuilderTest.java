package org.opendmp.security.vihf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opendmp.security.actor.AuthenticationMode;
import org.w3c.dom.Element;

/** The development assertions look like the DMP's examples. */
class VihfBuilderTest {

    @Test
    void writesTheShapeOfTheDmpExamples() {
        String xml = Vihfs.doctorClaims().id("_shape").signToXml(Vihfs.doctor());

        assertThat(xml).startsWith("<saml2:Assertion xmlns:saml2=\"urn:oasis:names:tc:SAML:2.0:assertion\"")
                .contains("ID=\"_shape\"", "Version=\"2.0\"",
                        "<saml2:Issuer Format=\"urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName\">"
                                + Vihfs.doctor().issuer() + "</saml2:Issuer><ds:Signature",
                        "<Role xmlns=\"urn:hl7-org:v3\" code=\"10\" codeSystem=\"1.2.250.1.71.1.2.7\""
                                + " xsi:type=\"CE\"/>",
                        "<PurposeOfUse xmlns=\"urn:hl7-org:v3\" code=\"normal\" codeSystem=\"1.2.250.1.213.1.1.4.248\"",
                        "<saml2:Attribute Name=\"Authentification_mode\"><saml2:AttributeValue",
                        "xsi:type=\"xs:string\">urn:dmp</saml2:AttributeValue>",
                        "<ds:Reference URI=\"#_shape\">",
                        VihfNames.RSA_SHA256, VihfNames.SHA256, VihfNames.ENVELOPED, VihfNames.C14N_EXCL)
                .doesNotContain("&#13;", "AuthnContextDecl");
    }

    @Test
    void addsTheAuthnContextDeclOfTheReinforcedMode() {
        Element assertion = Vihfs.facilityClaims().authenticationMode(AuthenticationMode.INDIRECTE_RENFORCEE)
                .sign(Vihfs.facility());

        assertThat(VihfAssertions.toXml(assertion)).contains("<saml2:AuthnContextDecl>");
    }

    @Test
    void needsTheRequiredClaims() {
        assertThatThrownBy(() -> VihfBuilder.create().issuer("CN=x").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("professionalId");
        assertThatThrownBy(() -> VihfBuilder.create().build()).isInstanceOf(NullPointerException.class);
    }
}
