package org.opendmp.registry.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opendmp.registry.error.XdsErrorCode;
import org.opendmp.registry.error.XdsException;

class CxTest {

    private static final String DMP_FORM = "207058575627097^^^&1.2.250.1.213.1.4.10&ISO^NH^^20210604092415";

    @Test
    void parsesIheForm() {
        Cx cx = Cx.parse("543797436^^^&1.2.840.113619.6.197&ISO", "patientId");

        assertThat(cx.id()).isEqualTo("543797436");
        assertThat(cx.oid()).isEqualTo("1.2.840.113619.6.197");
        assertThat(cx.identifierTypeCode()).isNull();
    }

    @Test
    void acceptsDmpFormWithIdentifierTypeAndDate() {
        Cx cx = Cx.parse(DMP_FORM, "patientId");

        assertThat(cx.id()).isEqualTo("207058575627097");
        assertThat(cx.oid()).isEqualTo("1.2.250.1.213.1.4.10");
        assertThat(cx.identifierTypeCode()).isEqualTo("NH");
    }

    @Test
    void canonicalFormDropsExtraComponents() {
        assertThat(Cx.parse(DMP_FORM, "patientId").canonical())
                .isEqualTo("207058575627097^^^&1.2.250.1.213.1.4.10&ISO");
    }

    @Test
    void twoSpellingsOfOnePatientAreEqual() {
        Cx iheForm = Cx.parse("207058575627097^^^&1.2.250.1.213.1.4.10&ISO", "patientId");
        Cx dmpForm = Cx.parse(DMP_FORM, "patientId");

        assertThat(dmpForm).isEqualTo(iheForm).hasSameHashCodeAs(iheForm);
        assertThat(dmpForm.canonical()).isEqualTo(iheForm.canonical());
    }

    @Test
    void differentAssigningAuthoritiesAreDifferentPatients() {
        assertThat(Cx.parse("1^^^&1.2.3&ISO", "patientId")).isNotEqualTo(Cx.parse("1^^^&1.2.4&ISO", "patientId"));
    }

    @Test
    void canonicalFormReEscapesTheId() {
        Cx cx = Cx.parse("A\\S\\B^^^&1.2.3&ISO", "patientId");

        assertThat(cx.id()).isEqualTo("A^B");
        assertThat(cx.canonical()).isEqualTo("A\\S\\B^^^&1.2.3&ISO");
        assertThat(Cx.parse(cx.canonical(), "patientId")).isEqualTo(cx);
    }

    @Test
    void rejectsMissingId() {
        assertThatThrownBy(() -> Cx.parse("^^^&1.2.3&ISO", "patientId"))
                .isInstanceOf(XdsException.class)
                .hasMessage("patientId: CX needs an identifier (CX.1)")
                .extracting(e -> ((XdsException) e).errorCode())
                .isEqualTo(XdsErrorCode.XDSRegistryMetadataError);
    }

    @Test
    void rejectsMissingAssigningAuthority() {
        assertThatThrownBy(() -> Cx.parse("123", "sourcePatientId"))
                .hasMessage("sourcePatientId: CX needs an assigning authority (CX.4) as &OID&ISO");
    }

    @Test
    void rejectsCheckDigitComponents() {
        assertThatThrownBy(() -> Cx.parse("123^4^^&1.2.3&ISO", "patientId"))
                .hasMessage("patientId: CX must not have CX.2 or CX.3: only CX.1 and CX.4 are allowed");
        assertThatThrownBy(() -> Cx.parse("123^^M11^&1.2.3&ISO", "patientId"))
                .hasMessageContaining("must not have CX.2 or CX.3");
    }

    @Test
    void rejectsAssigningAuthorityNotIso() {
        assertThatThrownBy(() -> Cx.parse("123^^^&1.2.3&DNS", "patientId"))
                .hasMessage("patientId: CX CX.4.3 (universal id type) must be ISO");
    }

    @Test
    void rejectsAssigningAuthorityNotAnOid() {
        assertThatThrownBy(() -> Cx.parse("123^^^&1.2.03&ISO", "patientId"))
                .hasMessage("patientId: CX CX.4.2 (universal id) must be an OID");
        assertThatThrownBy(() -> Cx.parse("123^^^&1&ISO", "patientId"))
                .hasMessageContaining("must be an OID");
    }

    @Test
    void rejectsAssigningAuthorityWithNamespaceId() {
        assertThatThrownBy(() -> Cx.parse("123^^^DMP&1.2.3&ISO", "patientId"))
                .hasMessageContaining("CX.4.1 (namespace id) must be empty");
    }

    @Test
    void rejectsRepeatedIdentifiers() {
        assertThatThrownBy(() -> Cx.parse("1^^^&1.2.3&ISO~2^^^&1.2.3&ISO", "patientId"))
                .hasMessage("patientId: CX value must not repeat (~)");
    }

    @Test
    void errorMessagesNeverEchoTheIdentifier() {
        assertThatThrownBy(() -> Cx.parse("207058575627097^^^&1.2.3&DNS", "patientId"))
                .message().doesNotContain("207058575627097");
        assertThatThrownBy(() -> Cx.parse("207058575627097^X^^&1.2.3&ISO", "patientId"))
                .message().doesNotContain("207058575627097");
    }

    @Test
    void toStringHidesTheIdentifier() {
        assertThat(Cx.parse(DMP_FORM, "patientId").toString())
                .doesNotContain("207058575627097")
                .contains("1.2.250.1.213.1.4.10");
    }

    @Test
    void constructorRequiresIdAndOid() {
        assertThatThrownBy(() -> new Cx("", "1.2.3")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Cx("1", "not-an-oid")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Cx("1", "1.2.3").canonical()).isEqualTo("1^^^&1.2.3&ISO");
    }
}
