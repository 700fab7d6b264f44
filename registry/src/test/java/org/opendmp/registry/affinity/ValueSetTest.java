package org.opendmp.registry.affinity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.opendmp.registry.model.Code;

class ValueSetTest {

    @Test
    void readsCodesIgnoringCommentsBlankLinesAndDisplayNames() {
        ValueSet set = read(CodedAttribute.CLASS_CODE, """
                # a comment
                @name JDV test

                10\t1.2.250.1.213.1.1.4.1\tCompte rendu
                11\t1.2.250.1.213.1.1.4.1
                """);

        assertThat(set.name()).isEqualTo("JDV test");
        assertThat(set.size()).isEqualTo(2);
        assertThat(set.contains(new Code("10", "1.2.250.1.213.1.1.4.1", "CR"))).isTrue();
        assertThat(set.contains(new Code("10", "1.2.250.1.213.1.1.4.2", "Compte rendu"))).isFalse();
    }

    @Test
    void readsCodeSystemsForEventCodes() {
        ValueSet set = read(CodedAttribute.EVENT_CODE_LIST, "1.2.250.1.213.2.5\tCCAM\n");

        assertThat(set.name()).isEqualTo("test.txt");
        assertThat(set.contains(new Code("ZCQK002", "1.2.250.1.213.2.5", null))).isTrue();
        assertThat(set.contains(new Code("1.2.250.1.213.2.5", "9.9", null))).isFalse();
    }

    @Test
    void refusesALineWithoutTabsNamingFileAndLine() {
        assertThatThrownBy(() -> read(CodedAttribute.TYPE_CODE, "# types\n11488-4 2.16.840.1.113883.6.1 Consult note\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("test.txt line 2: expected code<TAB>codingScheme<TAB>display name");
    }

    @Test
    void refusesAnEmptyCodingScheme() {
        assertThatThrownBy(() -> read(CodedAttribute.CLASS_CODE, "10\t\tCompte rendu\n"))
                .hasMessageStartingWith("test.txt line 1:");
    }

    @Test
    void refusesACodeListedTwice() {
        assertThatThrownBy(() -> read(CodedAttribute.CLASS_CODE, "10\t1.2.3\ta\n10\t1.2.3\tb\n"))
                .hasMessage("test.txt line 2: listed twice: 10^^1.2.3");
    }

    @Test
    void refusesAnUnknownDirective() {
        assertThatThrownBy(() -> read(CodedAttribute.CLASS_CODE, "@version 2\n"))
                .hasMessageStartingWith("test.txt line 1: the only directive is one '@name");
    }

    @Test
    void refusesTextThatIsNotUtf8() {
        byte[] latin1 = "10\t1.2.3\tSynth\u00e8se\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> ValueSet.read(CodedAttribute.CLASS_CODE, "test.txt", new ByteArrayInputStream(latin1)))
                .hasMessage("test.txt: not UTF-8 text");
    }

    private static ValueSet read(CodedAttribute attribute, String text) {
        return ValueSet.read(attribute, "test.txt", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
