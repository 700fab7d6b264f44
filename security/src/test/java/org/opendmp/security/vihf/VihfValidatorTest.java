package org.opendmp.security.vihf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendmp.security.vihf.Vihfs.NOW;
import static org.opendmp.security.vihf.Vihfs.PATIENT;

import org.junit.jupiter.api.Test;
import org.opendmp.security.actor.Actor;
import org.opendmp.security.actor.AuthenticationMode;
import org.opendmp.security.actor.PurposeOfUse;
import org.opendmp.security.actor.Role;
import org.opendmp.security.actor.Software;
import org.w3c.dom.Element;

/** Assertions the validator accepts, and what it reads from them. */
class VihfValidatorTest {

    private final VihfValidator validator = Vihfs.validator();

    @Test
    void acceptsTheDemoDoctorsCardAssertionAndReadsEveryClaim() throws Exception {
        Element assertion = Vihfs.doctorClaims().id("_doctor-1").sign(Vihfs.doctor());

        Actor actor = validator.validate(Vihfs.reparsed(assertion));

        assertThat(actor.professionalId()).isEqualTo(DevelopmentVihfPki.DEMO_PROFESSIONAL_ID);
        assertThat(actor.displayName()).isEqualTo("Dr Demo");
        assertThat(actor.role()).isEqualTo(new Role("10", Role.PROFESSIONS, "SM26", Role.SPECIALTIES));
        assertThat(actor.role().doctor()).isTrue();
        assertThat(actor.facilityId()).isEqualTo(DevelopmentVihfPki.DEMO_FACILITY_ID);
        assertThat(actor.activitySector()).isEqualTo("SA07");
        assertThat(actor.authenticationMode()).isEqualTo(AuthenticationMode.DIRECTE);
        assertThat(actor.purposeOfUse()).isEqualTo(PurposeOfUse.NORMAL);
        assertThat(actor.patientId()).isEqualTo(PATIENT);
        assertThat(actor.legalGuardianSecret()).isFalse();
        assertThat(actor.software()).isEqualTo(DevelopmentVihfPki.DEMO_SOFTWARE);
        assertThat(actor.vihfVersion()).isEqualTo("3.0");
        assertThat(actor.assertionId()).isEqualTo("_doctor-1");
        assertThat(actor.issueInstant()).isEqualTo(NOW);
        assertThat(actor.signer()).isEqualTo(Vihfs.doctor().issuer()).contains("Dr Demo (development only)");
    }

    @Test
    void acceptsTheFacilitysIndirectAssertion() throws Exception {
        Element assertion = Vihfs.facilityClaims().purposeOfUse(PurposeOfUse.BRIS_DE_GLACE)
                .legalGuardianSecret(true).sign(Vihfs.facility());

        Actor actor = validator.validate(Vihfs.reparsed(assertion));

        assertThat(actor.authenticationMode()).isEqualTo(AuthenticationMode.INDIRECTE);
        assertThat(actor.purposeOfUse()).isEqualTo(PurposeOfUse.BRIS_DE_GLACE);
        assertThat(actor.legalGuardianSecret()).isTrue();
        assertThat(actor.signer()).contains("Demo facility (development only)", "10B0000001");
    }

    @Test
    void acceptsTheDirectFixtureShapedLikeTheDmpExample() throws Exception {
        VihfSigner doctor = Vihfs.doctor();
        Element assertion = doctor.sign(Vihfs.fixture("directe.xml", doctor.issuer(), NOW));

        Actor actor = validator.validate(Vihfs.reparsed(assertion));

        assertThat(actor.professionalId()).isEqualTo("899900000001");
        assertThat(actor.displayName()).isNull();
        assertThat(actor.facilityId()).isEqualTo("499900000001001");
        assertThat(actor.activitySector()).isEqualTo("SA07");
        assertThat(actor.role()).isEqualTo(new Role("10", Role.PROFESSIONS, "SM26", Role.SPECIALTIES));
        assertThat(actor.authenticationMode()).isEqualTo(AuthenticationMode.DIRECTE);
        assertThat(actor.patientId()).isEqualTo(PATIENT);
        assertThat(actor.software()).isEqualTo(
                new Software("TEST.LPS.01", "Test clinical software", "2.1", "TEST-HOMOLOGATION"));
    }

    @Test
    void acceptsTheCapitalisedAuthentificationModeAndATextConfidentialityCode() throws Exception {
        VihfSigner facility = Vihfs.facility();
        Element assertion = facility.sign(Vihfs.fixture("indirecte.xml", facility.issuer(), NOW));

        Actor actor = validator.validate(Vihfs.reparsed(assertion));

        assertThat(actor.authenticationMode()).isEqualTo(AuthenticationMode.INDIRECTE);
        assertThat(actor.professionalId()).isEqualTo("899900000002");
        assertThat(actor.displayName()).isEqualTo("TEST NURSE");
        assertThat(actor.role()).isEqualTo(new Role("60", Role.PROFESSIONS, null, null));
        assertThat(actor.purposeOfUse()).isEqualTo(PurposeOfUse.CENTRE_15);
        assertThat(actor.legalGuardianSecret()).isTrue();
        assertThat(actor.vihfVersion()).isEqualTo("4.0");
        assertThat(actor.software().homologation()).isNull();
    }

    @Test
    void acceptsTheReinforcedIndirectFixtureWithItsAuthnContextDeclAndNoPatient() throws Exception {
        VihfSigner facility = Vihfs.facility();
        Element assertion = facility.sign(Vihfs.fixture("indirecte-renforcee.xml", facility.issuer(), NOW));

        Actor actor = validator.validate(Vihfs.reparsed(assertion));

        assertThat(actor.authenticationMode()).isEqualTo(AuthenticationMode.INDIRECTE_RENFORCEE);
        assertThat(actor.patientId()).isNull();
        assertThat(actor.purposeOfUse()).isEqualTo(PurposeOfUse.BRIS_DE_GLACE);
        assertThat(actor.role()).isEqualTo(new Role("21", Role.PROFESSIONS, "G15_21", Role.SPECIALTIES));
        assertThat(actor.software().homologation()).isEqualTo("TEST-HOMOLOGATION-3");
    }

    @Test
    void acceptsTheBuildersCapitalSpellingAndReinforcedMode() throws Exception {
        Element assertion = Vihfs.facilityClaims().capitalModeSpelling()
                .authenticationMode(AuthenticationMode.INDIRECTE_RENFORCEE).sign(Vihfs.facility());

        assertThat(Vihfs.attribute(assertion, "Authentification_Mode")).isNotNull();
        assertThat(validator.validate(assertion).authenticationMode())
                .isEqualTo(AuthenticationMode.INDIRECTE_RENFORCEE);
    }

    @Test
    void acceptsAnAutomatonWithoutPatient() throws Exception {
        Element assertion = Vihfs.doctorClaims().patientId(null).role(Role.AUTOMATON_CODE, Role.AUTOMATON_SYSTEM)
                .specialty(null, null).displayName(null).activitySector(null).sign(Vihfs.doctor());

        Actor actor = validator.validate(assertion);

        assertThat(actor.role().automaton()).isTrue();
        assertThat(actor.patientId()).isNull();
        assertThat(actor.activitySector()).isNull();
    }

    @Test
    void acceptsRsaSha1AsInTheDmpExamples() throws Exception {
        Element assertion = Vihfs.doctorClaims().sign(Vihfs.doctor().withAlgorithm(VihfSigner.Algorithm.RSA_SHA1));

        assertThat(VihfAssertions.toXml(assertion)).contains(VihfNames.RSA_SHA1, VihfNames.SHA1);
        assertThat(validator.validate(Vihfs.reparsed(assertion)).professionalId())
                .isEqualTo(DevelopmentVihfPki.DEMO_PROFESSIONAL_ID);
    }

    @Test
    void acceptsAnIssuerWrittenDifferentlyButNamingTheSameSubject() throws Exception {
        String issuer = "cn=dr demo (development only),  ou=899900000001, o=open dmp (development only), c=fr";

        Element assertion = Vihfs.doctorClaims().issuer(issuer).sign(Vihfs.doctor());

        assertThat(validator.validate(assertion).professionalId()).isEqualTo(DevelopmentVihfPki.DEMO_PROFESSIONAL_ID);
    }

    @Test
    void readsTextSplitByACommentAsTheSignedWhole() throws Exception {
        Element assertion = Vihfs.doctorClaims().sign(Vihfs.doctor());
        // Exclusive c14n without comments ignores a comment inserted after signing: the signature still holds,
        // so the validator must read the whole text, as signed, and not stop at the comment.
        Element nameId = Dom.child(Dom.child(assertion, VihfNames.SAML, "Subject"), VihfNames.SAML, "NameID");
        nameId.setTextContent("8999");
        nameId.appendChild(assertion.getOwnerDocument().createComment("cut"));
        nameId.appendChild(assertion.getOwnerDocument().createTextNode("00000001"));

        assertThat(validator.validate(Vihfs.reparsed(assertion)).professionalId()).isEqualTo("899900000001");
    }
}
