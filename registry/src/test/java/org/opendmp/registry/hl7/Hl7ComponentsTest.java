package org.opendmp.registry.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opendmp.registry.error.XdsErrorCode;
import org.opendmp.registry.error.XdsException;

class Hl7ComponentsTest {

    private static Hl7Components split(String value) {
        return Hl7Components.split(value, "authorPerson", "XCN");
    }

    @Test
    void numbersComponentsFromOne() {
        Hl7Components components = split("a^b^^d");

        assertThat(components.get(1)).isEqualTo("a");
        assertThat(components.get(2)).isEqualTo("b");
        assertThat(components.get(4)).isEqualTo("d");
    }

    @Test
    void readsEmptyAndAbsentComponentsAsNull() {
        Hl7Components components = split("a^^c");

        assertThat(components.get(2)).isNull();
        assertThat(components.get(9)).isNull();
        assertThat(components.isEmpty(2)).isTrue();
        assertThat(components.isEmpty(9)).isTrue();
        assertThat(components.isEmpty(3)).isFalse();
    }

    @Test
    void doesNotSplitOnEscapedSeparators() {
        Hl7Components components = split("A\\S\\B^O\\T\\Brien^x\\E\\y\\F\\z\\R\\");

        assertThat(components.get(1)).isEqualTo("A^B");
        assertThat(components.get(2)).isEqualTo("O&Brien");
        assertThat(components.get(3)).isEqualTo("x\\y|z~");
    }

    @Test
    void keepsSeparatorsInsideAnEscapeSequenceWhole() {
        assertThatThrownBy(() -> split("a\\^\\b^c").get(1))
                .hasMessageContaining("XCN.1 has an unsupported escape sequence");
        assertThat(split("a\\^\\b^c").get(2)).isEqualTo("c");
    }

    @Test
    void rejectsUnterminatedEscape() {
        assertThatThrownBy(() -> split("a\\Sb"))
                .isInstanceOf(XdsException.class)
                .hasMessage("authorPerson: XCN value has an unterminated escape sequence (\\)");
    }

    @Test
    void rejectsUnsupportedEscapeSequence() {
        assertThatThrownBy(() -> split("a\\X0D\\b").get(1))
                .hasMessageContaining("XCN.1 has an unsupported escape sequence");
    }

    @Test
    void rejectsRepetition() {
        assertThatThrownBy(() -> split("a^b~c^d"))
                .isInstanceOf(XdsException.class)
                .hasMessage("authorPerson: XCN value must not repeat (~)");
    }

    @Test
    void acceptsEscapedRepetition() {
        assertThat(split("a\\R\\b").get(1)).isEqualTo("a~b");
    }

    @Test
    void rejectsEmptyValue() {
        assertThatThrownBy(() -> split("")).hasMessage("authorPerson: XCN value is empty");
        assertThatThrownBy(() -> split(null)).hasMessage("authorPerson: XCN value is empty");
    }

    @Test
    void rejectsSubcomponentsOutsideAssigningAuthorities() {
        assertThatThrownBy(() -> split("a^Smith&Jones").get(2))
                .hasMessageContaining("XCN.2 must not have subcomponents");
    }

    @Test
    void readsAssigningAuthorityOid() {
        assertThat(split("a^^&1.2.250.1&ISO").assigningAuthority(3)).isEqualTo("1.2.250.1");
        assertThat(split("a").assigningAuthority(3)).isNull();
    }

    @Test
    void rejectsAssigningAuthorityWithoutIsoType() {
        assertThatThrownBy(() -> split("a^^&1.2.250.1&DNS").assigningAuthority(3))
                .hasMessage("authorPerson: XCN XCN.3.3 (universal id type) must be ISO");
    }

    @Test
    void rejectsAssigningAuthorityWithNamespace() {
        assertThatThrownBy(() -> split("a^^NS&1.2.250.1&ISO").assigningAuthority(3))
                .hasMessageContaining("XCN.3.1 (namespace id) must be empty");
    }

    @Test
    void rejectsAssigningAuthorityThatIsNotAnOid() {
        assertThatThrownBy(() -> split("a^^&1.02.3&ISO").assigningAuthority(3))
                .hasMessageContaining("XCN.3.2 (universal id) must be an OID");
    }

    @Test
    void rejectsAssigningAuthorityWithWrongShape() {
        assertThatThrownBy(() -> split("a^^1.2.3").assigningAuthority(3))
                .hasMessageContaining("XCN.3 must be an assigning authority &OID&ISO");
        assertThatThrownBy(() -> split("a^^&1.2.3&ISO&x").assigningAuthority(3))
                .hasMessageContaining("XCN.3 must be an assigning authority &OID&ISO");
    }

    @Test
    void failsWithMetadataErrorNamingAttributeAndType() {
        XdsException error = split("a").fail("broke a rule");

        assertThat(error.errorCode()).isEqualTo(XdsErrorCode.XDSRegistryMetadataError);
        assertThat(error).hasMessage("authorPerson: XCN broke a rule");
    }

    @Test
    void escapesDelimitersForWriting() {
        assertThat(Hl7Components.escape("a^b&c|d~e\\f")).isEqualTo("a\\S\\b\\T\\c\\F\\d\\R\\e\\E\\f");
        assertThat(split(Hl7Components.escape("a^b&c|d~e\\f")).get(1)).isEqualTo("a^b&c|d~e\\f");
    }
}
