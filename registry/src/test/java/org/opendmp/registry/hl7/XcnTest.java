package org.opendmp.registry.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opendmp.registry.error.XdsErrorCode;
import org.opendmp.registry.error.XdsException;

class XcnTest {

    @Test
    void parsesDmpAuthorPerson() {
        Xcn person = Xcn.parse("899900063480^MAX^LIBRE^^^^^^&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS", "authorPerson");

        assertThat(person).isEqualTo(new Xcn("899900063480", "MAX", "LIBRE", null, null, null,
                "1.2.250.1.71.4.2.1", "D", "IDNPS"));
    }

    @Test
    void parsesAllNameComponents() {
        Xcn person = Xcn.parse("^Dupont^Jean^Pierre Marie^JR^DR", "legalAuthenticator");

        assertThat(person.id()).isNull();
        assertThat(person.familyName()).isEqualTo("Dupont");
        assertThat(person.givenName()).isEqualTo("Jean");
        assertThat(person.secondAndFurtherNames()).isEqualTo("Pierre Marie");
        assertThat(person.suffix()).isEqualTo("JR");
        assertThat(person.prefix()).isEqualTo("DR");
        assertThat(person.assigningAuthorityOid()).isNull();
    }

    @Test
    void acceptsIdentifierAlone() {
        assertThat(Xcn.parse("11375^^^^^^^^&1.2.840.113619.6.197&ISO", "authorPerson").id()).isEqualTo("11375");
    }

    @Test
    void acceptsFamilyNameAlone() {
        assertThat(Xcn.parse("^Welby", "authorPerson").familyName()).isEqualTo("Welby");
    }

    @Test
    void unescapesNames() {
        assertThat(Xcn.parse("^O\\T\\Brien", "authorPerson").familyName()).isEqualTo("O&Brien");
    }

    @Test
    void rejectsPersonWithNeitherIdentifierNorFamilyName() {
        assertThatThrownBy(() -> Xcn.parse("^^Marcus", "authorPerson"))
                .isInstanceOf(XdsException.class)
                .hasMessage("authorPerson: XCN needs an identifier (XCN.1) or a family name (XCN.2)")
                .extracting(e -> ((XdsException) e).errorCode())
                .isEqualTo(XdsErrorCode.XDSRegistryMetadataError);
    }

    @Test
    void rejectsAssigningAuthorityNotIso() {
        assertThatThrownBy(() -> Xcn.parse("123^Welby^^^^^^^&1.2.3&L", "authorPerson"))
                .hasMessage("authorPerson: XCN XCN.9.3 (universal id type) must be ISO");
    }

    @Test
    void rejectsAssigningAuthorityNotAnOid() {
        assertThatThrownBy(() -> Xcn.parse("123^Welby^^^^^^^&RPPS&ISO", "authorPerson"))
                .hasMessage("authorPerson: XCN XCN.9.2 (universal id) must be an OID");
    }

    @Test
    void rejectsRepeatedPersons() {
        assertThatThrownBy(() -> Xcn.parse("^Welby~^Smith", "authorPerson"))
                .hasMessage("authorPerson: XCN value must not repeat (~)");
    }

    @Test
    void errorMessagesNeverEchoTheName() {
        assertThatThrownBy(() -> Xcn.parse("^Welby^^^^^^^&1.2.3&L", "legalAuthenticator"))
                .message().doesNotContain("Welby").startsWith("legalAuthenticator: XCN XCN.9");
    }
}
