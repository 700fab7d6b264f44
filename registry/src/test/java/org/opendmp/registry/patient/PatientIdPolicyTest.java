package org.opendmp.registry.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.opendmp.registry.error.XdsErrorCode;
import org.opendmp.registry.error.XdsException;
import org.opendmp.registry.hl7.Cx;
import org.opendmp.registry.testsupport.TestPatients;
import org.opendmp.pixpdq.ins.InsOids;

class PatientIdPolicyTest {

    private static final String LOCAL_OID = "1.2.250.1.999.1";

    private final PatientIdPolicy policy = new PatientIdPolicy(
            Set.of(InsOids.NIR, InsOids.NIA, InsOids.NIR_TEST, LOCAL_OID), TestPatients.ALL_OPEN);

    @Test
    void acceptsValidInsFromDmp() {
        Cx patientId = policy.check("207058575627097^^^&1.2.250.1.213.1.4.10&ISO^NH^^20210604092415", "patientId");

        assertThat(patientId).isEqualTo(new Cx("207058575627097", InsOids.NIR_TEST));
        assertThat(patientId.identifierTypeCode()).isEqualTo("NH");
    }

    @Test
    void acceptsCorsicanNir() {
        assertThat(policy.check("180032B02040123^^^&1.2.250.1.213.1.4.8&ISO", "patientId").id())
                .isEqualTo("180032B02040123");
    }

    @Test
    void appliesTheSameCheckToNia() {
        assertThat(policy.check("297022A02077878^^^&1.2.250.1.213.1.4.9&ISO", "patientId").oid())
                .isEqualTo(InsOids.NIA);
        assertThatThrownBy(() -> policy.check("297022A02077877^^^&1.2.250.1.213.1.4.9&ISO", "patientId"))
                .hasMessage("patientId: not a valid INS (key does not match)");
    }

    @Test
    void acceptsAnyIdentifierOfAnAcceptedNonInsAuthority() {
        assertThat(policy.check("IPP-42^^^&1.2.250.1.999.1&ISO", "patientId").id()).isEqualTo("IPP-42");
    }

    @Test
    void rejectsUnacceptedAssigningAuthority() {
        assertThatThrownBy(() -> policy.check("207058575627097^^^&1.2.250.1.213.1.4.11&ISO", "patientId"))
                .isInstanceOf(XdsException.class)
                .hasMessage("patientId: assigning authority 1.2.250.1.213.1.4.11 is not accepted by this registry")
                .extracting(e -> ((XdsException) e).errorCode())
                .isEqualTo(XdsErrorCode.XDSUnknownPatientId);
    }

    @Test
    void rejectsNirWithWrongKey() {
        assertThatThrownBy(() -> policy.check("207058575627096^^^&1.2.250.1.213.1.4.8&ISO", "patientId"))
                .isInstanceOf(XdsException.class)
                .hasMessage("patientId: not a valid INS (key does not match)")
                .extracting(e -> ((XdsException) e).errorCode())
                .isEqualTo(XdsErrorCode.XDSUnknownPatientId);
    }

    @Test
    void rejectsNirWithWrongFormat() {
        assertThatThrownBy(() -> policy.check("2070585756270^^^&1.2.250.1.213.1.4.8&ISO", "patientId"))
                .hasMessage("patientId: not a valid INS (must be 15 characters)")
                .extracting(e -> ((XdsException) e).errorCode())
                .isEqualTo(XdsErrorCode.XDSUnknownPatientId);
    }

    @Test
    void malformedCxStaysMetadataError() {
        assertThatThrownBy(() -> policy.check("207058575627097^^^&1.2.250.1.213.1.4.8&L", "patientId"))
                .extracting(e -> ((XdsException) e).errorCode())
                .isEqualTo(XdsErrorCode.XDSRegistryMetadataError);
    }

    @Test
    void messagesNeverEchoThePatientId() {
        assertThatThrownBy(() -> policy.check("207058575627096^^^&1.2.250.1.213.1.4.8&ISO", "sourcePatientId"))
                .message().doesNotContain("207058575627096").startsWith("sourcePatientId: ");
        assertThatThrownBy(() -> policy.check("207058575627097^^^&1.2.3&ISO", "patientId"))
                .message().doesNotContain("207058575627097");
    }

    @Test
    void refusesConfigurationWithMalformedOid() {
        assertThatThrownBy(() -> new PatientIdPolicy(Set.of("1.2.250.1.213.1.4.8", "INS"), TestPatients.ALL_OPEN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsAnImmutableCopyOfTheConfiguration() {
        assertThat(policy.acceptedAssigningAuthorities()).contains(InsOids.NIR, LOCAL_OID);
        assertThatThrownBy(() -> policy.acceptedAssigningAuthorities().add("1.2.3"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
