package org.opendmp.registry.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opendmp.registry.error.XdsException;

class XonTest {

    @Test
    void parsesDmpInstitution() {
        Xon institution = Xon.parse("CABINET DR LIBRE^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^499900063480001",
                "authorInstitution");

        assertThat(institution).isEqualTo(new Xon("CABINET DR LIBRE", null, "1.2.250.1.71.4.2.2", "IDNST",
                "499900063480001"));
    }

    @Test
    void acceptsOidIdentifierWithoutAssigningAuthority() {
        Xon institution = Xon.parse("Some Hospital^^^^^^^^^1.2.3.4.5.6.7.8.9.1789.45", "authorInstitution");

        assertThat(institution.organizationName()).isEqualTo("Some Hospital");
        assertThat(institution.organizationIdentifier()).isEqualTo("1.2.3.4.5.6.7.8.9.1789.45");
        assertThat(institution.assigningAuthorityOid()).isNull();
    }

    @Test
    void acceptsNameOnly() {
        assertThat(Xon.parse("Some Hospital", "authorInstitution"))
                .isEqualTo(new Xon("Some Hospital", null, null, null, null));
    }

    @Test
    void rejectsMissingOrganizationName() {
        assertThatThrownBy(() -> Xon.parse("^^^^^^^^^1.2.3.4", "authorInstitution"))
                .isInstanceOf(XdsException.class)
                .hasMessage("authorInstitution: XON needs an organization name (XON.1)");
    }

    @Test
    void rejectsNonOidIdentifierWithoutAssigningAuthority() {
        assertThatThrownBy(() -> Xon.parse("Some Hospital^^^^^^^^^499900063480001", "authorInstitution"))
                .hasMessage("authorInstitution: XON identifier (XON.10) is not an OID, so it needs an"
                        + " assigning authority (XON.6) as &OID&ISO");
    }

    @Test
    void rejectsAssigningAuthorityNotIso() {
        assertThatThrownBy(() -> Xon.parse("Some Hospital^^^^^&1.2.3&FINESS^^^^42", "authorInstitution"))
                .hasMessage("authorInstitution: XON XON.6.3 (universal id type) must be ISO");
    }

    @Test
    void rejectsAssigningAuthorityNotAnOid() {
        assertThatThrownBy(() -> Xon.parse("Some Hospital^^^^^&FINESS&ISO^^^^42", "authorInstitution"))
                .hasMessage("authorInstitution: XON XON.6.2 (universal id) must be an OID");
    }

    @Test
    void unescapesOrganizationName() {
        assertThat(Xon.parse("Smith \\T\\ Sons\\S\\Lab", "authorInstitution").organizationName())
                .isEqualTo("Smith & Sons^Lab");
    }

    @Test
    void identifierIsXon10() {
        assertThat(Xon.parse("CABINET^^42^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^499900063480001", "authorInstitution")
                .identifier()).isEqualTo("499900063480001");
    }

    @Test
    void identifierIsXon3WhenXon10IsEmpty() {
        Xon institution = Xon.parse("Old Hospital^^4711", "authorInstitution");

        assertThat(institution.idNumber()).isEqualTo("4711");
        assertThat(institution.identifier()).isEqualTo("4711");
        assertThat(Xon.parse("Some Hospital", "authorInstitution").identifier()).isNull();
    }
}
