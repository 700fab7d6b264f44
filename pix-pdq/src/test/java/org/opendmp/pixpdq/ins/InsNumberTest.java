package org.opendmp.pixpdq.ins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class InsNumberTest {

    @ParameterizedTest
    @CsvSource({"180032B020401, 23", "297022A020778, 78", "2070585756270, 97", "1800175123456, 60"})
    void computesKeyAs97MinusNumberMod97(String number, int key) {
        assertThat(InsNumber.key(number)).isEqualTo(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"180032B02040123", "297022A02077878", "207058575627097", "180017512345660"})
    void acceptsNumberWithMatchingKey(String value) {
        assertThat(InsNumber.isValid(value)).isTrue();
        assertThat(InsNumber.whyInvalid(value)).isEmpty();
    }

    @Test
    void readsCorsicaAAs19AndBAs18() {
        assertThat(InsNumber.key("180032B020401")).isEqualTo(InsNumber.key("1800318020401"));
        assertThat(InsNumber.key("297022A020778")).isEqualTo(InsNumber.key("2970219020778"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"180032B02040124", "297022A02077877", "207058575627096", "180032A02040123"})
    void rejectsNirWithWrongKey(String value) {
        assertThat(InsNumber.isValid(value)).isFalse();
        assertThat(InsNumber.whyInvalid(value)).contains("key does not match");
    }

    @ParameterizedTest
    @ValueSource(strings = {"207058575627000", "207058575627098", "207058575627099"})
    void rejectsKeyOutOfRange(String value) {
        assertThat(InsNumber.whyInvalid(value)).contains("key must be 01 to 97");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"20705857562709", "2070585756270970", "2070585756270 97"})
    void rejectsWrongLength(String value) {
        assertThat(InsNumber.whyInvalid(value)).contains("must be 15 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2A0585756270970", "20705857562A097", "180032C02040123", "180032b02040123",
            "1800A2B02040123", "18003AB02040123", "2070585756270X7", "207058575627 97", "-07058575627097"})
    void rejectsLettersOutsideCorsicanDepartment(String value) {
        assertThat(InsNumber.whyInvalid(value))
                .contains("must be digits, except 2A or 2B (Corsica) as characters 6-7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"180032B02040124", "2A0585756270970", "20705857562709"})
    void reasonsNeverEchoTheNumber(String value) {
        assertThat(InsNumber.whyInvalid(value).orElseThrow()).doesNotContain(value).doesNotContain("18003");
    }

    @Test
    void keyRefusesMalformedNumber() {
        assertThatThrownBy(() -> InsNumber.key("12345")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InsNumber.key("18003XB020401")).isInstanceOf(IllegalArgumentException.class);
    }
}
