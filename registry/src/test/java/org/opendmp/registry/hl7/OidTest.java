package org.opendmp.registry.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class OidTest {

    @ParameterizedTest
    @ValueSource(strings = {"1.2.250.1.213.1.4.8", "2.16.840.1.113883", "1.0", "0.9", "1.2.3.4.5.6.7.8.9.1789.45",
            "2.25.329800735698586629295641978511506172918"})
    void acceptsOids(String oid) {
        assertThat(Oid.isValid(oid)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"1", "1.", ".1", "1..2", "1.02", "01.2", "3.1", "1.2a", "1.2 ", " 1.2", "1,2", "1.-2",
            "urn:oid:1.2.3"})
    void rejectsMalformedOids(String oid) {
        assertThat(Oid.isValid(oid)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.0", "1.0.3", "0.0"})
    void acceptsZeroArcs(String oid) {
        assertThat(Oid.isValid(oid)).isTrue();
    }
}
