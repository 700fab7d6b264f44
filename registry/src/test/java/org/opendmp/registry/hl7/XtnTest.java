package org.opendmp.registry.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opendmp.registry.error.XdsException;

class XtnTest {

    @Test
    void parsesEmailForm() {
        Xtn telecom = Xtn.parse("^^Internet^user@example.org", "authorTelecommunication");

        assertThat(telecom.isEmail()).isTrue();
        assertThat(telecom.isTelephone()).isFalse();
        assertThat(telecom.emailAddress()).isEqualTo("user@example.org");
    }

    @Test
    void parsesEmailFormWithUseCode() {
        assertThat(Xtn.parse("^NET^Internet^dr.libre@medecin.mssante.fr", "intendedRecipient").useCode())
                .isEqualTo("NET");
    }

    @Test
    void parsesUnformattedTelephone() {
        Xtn telecom = Xtn.parse("^WPN^PH^^^^^^^^^+33123456789", "authorTelecommunication");

        assertThat(telecom.isEmail()).isFalse();
        assertThat(telecom.isTelephone()).isTrue();
        assertThat(telecom.equipmentType()).isEqualTo("PH");
        assertThat(telecom.unformattedNumber()).isEqualTo("+33123456789");
    }

    @Test
    void parsesSplitTelephone() {
        Xtn telecom = Xtn.parse("^WPN^CP^^33^6^12345678^12", "authorTelecommunication");

        assertThat(telecom).isEqualTo(new Xtn("WPN", "CP", null, "33", "6", "12345678", "12", null));
    }

    @Test
    void acceptsFax() {
        assertThat(Xtn.parse("^^FX^^^1^23456789", "authorTelecommunication").localNumber()).isEqualTo("23456789");
    }

    @ParameterizedTest
    @ValueSource(strings = {"^^Internet^userexample.org", "^^Internet^a@b@example.org", "^^Internet^@example.org",
            "^^Internet^user@", "^^Internet^us er@example.org"})
    void rejectsMalformedEmail(String value) {
        assertThatThrownBy(() -> Xtn.parse(value, "authorTelecommunication"))
                .isInstanceOf(XdsException.class)
                .hasMessage("authorTelecommunication: XTN email address (XTN.4) must be local-part@domain"
                        + " with exactly one @");
    }

    @Test
    void rejectsInternetWithoutAddress() {
        assertThatThrownBy(() -> Xtn.parse("^^Internet", "authorTelecommunication"))
                .hasMessage("authorTelecommunication: XTN of type Internet needs an email address (XTN.4)");
    }

    @Test
    void rejectsTelephoneWithoutNumber() {
        assertThatThrownBy(() -> Xtn.parse("^WPN^PH^^33^1", "authorTelecommunication"))
                .hasMessage("authorTelecommunication: XTN of a telephone type needs an unformatted number"
                        + " (XTN.12) or a local number (XTN.7)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"user@example.org", "^^^user@example.org", "^^internet^user@example.org",
            "^^X.400^user@example.org", "0123456789"})
    void rejectsUnknownEquipmentType(String value) {
        assertThatThrownBy(() -> Xtn.parse(value, "authorTelecommunication"))
                .hasMessageStartingWith("authorTelecommunication: XTN equipment type (XTN.3) must be Internet"
                        + " or a telephone type");
    }

    @Test
    void rejectsRepeatedAddresses() {
        assertThatThrownBy(() -> Xtn.parse("^^Internet^a@b.org~^^Internet^c@d.org", "authorTelecommunication"))
                .hasMessage("authorTelecommunication: XTN value must not repeat (~)");
    }
}
