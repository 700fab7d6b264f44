package org.opendmp.registry.affinity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.opendmp.registry.error.XdsErrorCode;
import org.opendmp.registry.error.XdsException;
import org.opendmp.registry.model.Code;

class AffinityDomainTest {

    private static final AffinityDomain DMP = AffinityDomain.shipped(AffinityDomain.DMP);

    /** For each attribute, a code of the DMP value set and its codingScheme. */
    static Stream<Arguments> dmpCodes() {
        return Stream.of(
                Arguments.of(CodedAttribute.CLASS_CODE, "10", "1.2.250.1.213.1.1.4.1"),
                Arguments.of(CodedAttribute.TYPE_CODE, "11488-4", "2.16.840.1.113883.6.1"),
                Arguments.of(CodedAttribute.FORMAT_CODE, "urn:ihe:iti:xds-sd:pdf:2008", "1.3.6.1.4.1.19376.1.2.3"),
                Arguments.of(CodedAttribute.PRACTICE_SETTING_CODE, "ETABLISSEMENT", "1.2.250.1.213.1.1.4.9"),
                Arguments.of(CodedAttribute.HEALTHCARE_FACILITY_TYPE_CODE, "SA07", "1.2.250.1.71.4.2.4"),
                Arguments.of(CodedAttribute.CONFIDENTIALITY_CODE, "MASQUE_PS", "1.2.250.1.213.1.1.4.13"),
                Arguments.of(CodedAttribute.EVENT_CODE_LIST, "ZCQK002", "1.2.250.1.213.2.5"),
                Arguments.of(CodedAttribute.CONTENT_TYPE_CODE, "04", "1.2.250.1.213.2.2"),
                Arguments.of(CodedAttribute.FOLDER_CODE_LIST, "E10", "2.16.840.1.113883.6.3"));
    }

    /** The attributes whose value sets list codes (not code systems). */
    static Stream<Arguments> dmpCodesOfCodeLists() {
        return dmpCodes().filter(a -> !((CodedAttribute) a.get()[0]).codeSystemsOnly());
    }

    @Test
    void shippedProfilesLoad() {
        for (CodedAttribute attribute : CodedAttribute.values()) {
            assertThat(DMP.valueSet(attribute)).as("dmp value set of %s", attribute).isPresent();
        }
        assertThat(AffinityDomain.shipped(AffinityDomain.IHE_TEST).summary()).contains("no value sets");
        assertThat(DMP.summary()).startsWith("dmp (classCode 13, ");
    }

    @Test
    void refusesAnUnknownProfileNamingTheShippedOnes() {
        assertThatThrownBy(() -> AffinityDomain.shipped("xds-fr"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("xds-fr").hasMessageContaining("dmp, ihe-test");
    }

    @ParameterizedTest
    @MethodSource("dmpCodes")
    void acceptsACodeOfTheValueSet(CodedAttribute attribute, String code, String scheme) {
        assertThatCode(() -> DMP.check(attribute, new Code(code, scheme, "any display name"), "Document01"))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @MethodSource("dmpCodesOfCodeLists")
    void refusesAnUnknownCodeNamingTheAttributeAndTheValue(CodedAttribute attribute, String code, String scheme) {
        assertRefused(attribute, new Code("NOT-A-CODE", scheme, null),
                attribute.attributeName() + " NOT-A-CODE^^" + scheme + " is not in the affinity domain's value set ");
    }

    @ParameterizedTest
    @MethodSource("dmpCodes")
    void refusesAKnownCodeWithAnotherScheme(CodedAttribute attribute, String code, String scheme) {
        String expected = attribute.codeSystemsOnly()
                ? attribute.attributeName() + " code system 1.2.3.4 is not in"
                : attribute.attributeName() + " " + code + "^^1.2.3.4 is not in";
        assertRefused(attribute, new Code(code, "1.2.3.4", null), expected);
    }

    @Test
    void namesOnlyTheCodeSystemOfARefusedEventCodeWhichMayBeADiagnosis() {
        assertThatThrownBy(() -> DMP.check(CodedAttribute.EVENT_CODE_LIST, new Code("C50.9", "9.9.9", null), "Doc"))
                .isInstanceOf(XdsException.class).message().doesNotContain("C50.9");
    }

    @ParameterizedTest
    @EnumSource(CodedAttribute.class)
    void iheTestAcceptsAnyWellFormedCode(CodedAttribute attribute) {
        Code anything = new Code("whatever", "1.2.3.4.5", null);
        assertThatCode(() -> AffinityDomain.iheTest().check(attribute, anything, "x")).doesNotThrowAnyException();
        assertThatCode(() -> AffinityDomain.shipped(AffinityDomain.IHE_TEST).check(attribute, anything, "x"))
                .doesNotThrowAnyException();
    }

    /** The codes of the DMP's own example messages: TD2.1 (feeding) and TD3.1 (search answer). */
    @Test
    void acceptsTheCodesOfTheDmpExampleMessages() {
        check(CodedAttribute.CONTENT_TYPE_CODE, "04", "1.2.250.1.213.2.2");
        check(CodedAttribute.CLASS_CODE, "10", "1.2.250.1.213.1.1.4.1");
        check(CodedAttribute.TYPE_CODE, "27899-4", "2.16.840.1.113883.6.1");
        check(CodedAttribute.CONFIDENTIALITY_CODE, "N", "2.16.840.1.113883.5.25");
        check(CodedAttribute.FORMAT_CODE, "urn:ihe:iti:xds-sd:text:2008", "1.3.6.1.4.1.19376.1.2.3");
        check(CodedAttribute.HEALTHCARE_FACILITY_TYPE_CODE, "SA01", "1.2.250.1.71.4.2.4");
        check(CodedAttribute.PRACTICE_SETTING_CODE, "ETABLISSEMENT", "1.2.250.1.213.1.1.4.9");
        // the XAdES signature entry
        check(CodedAttribute.CLASS_CODE, "urn:oid:1.3.6.1.4.1.19376.1.2.1.1.1", "URN");
        check(CodedAttribute.TYPE_CODE, "E1762", "ASTM");
        check(CodedAttribute.CONFIDENTIALITY_CODE, "MASQUE_PS", "1.2.250.1.213.1.1.4.13");
        check(CodedAttribute.CONFIDENTIALITY_CODE, "INVISIBLE_PATIENT", "1.2.250.1.213.1.1.4.13");
        check(CodedAttribute.FORMAT_CODE, "http://www.w3.org/2000/09/xmldsig#", "URN");
        check(CodedAttribute.EVENT_CODE_LIST, "1.2.840.10065.1.12.1.14", "1.2.840.10065.1.12");
        // TD3.1: documents as the DMP stores them
        check(CodedAttribute.FORMAT_CODE, "urn:ihe:qrph:hbs:2009", "1.3.6.1.4.1.19376.1.2.3");
        check(CodedAttribute.EVENT_CODE_LIST, "18719-5", "2.16.840.1.113883.6.1");
        check(CodedAttribute.EVENT_CODE_LIST, "H33", "2.16.840.1.113883.6.3");
    }

    @Test
    void anOverrideDirectoryReplacesTheShippedValueSetsOfItsFiles(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("classCode.txt"), "@name local classes\nLOCAL-1\t1.2.3.4\tLocal class\n",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("README.md"), "not a value set", StandardCharsets.UTF_8);

        AffinityDomain domain = AffinityDomain.load(AffinityDomain.DMP, dir);

        assertThatCode(() -> domain.check(CodedAttribute.CLASS_CODE, new Code("LOCAL-1", "1.2.3.4", null), "x"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> domain.check(CodedAttribute.CLASS_CODE,
                new Code("10", "1.2.250.1.213.1.1.4.1", null), "x"))
                .isInstanceOf(XdsException.class).hasMessageEndingWith("value set local classes");
        assertThatCode(() -> domain.check(CodedAttribute.TYPE_CODE,
                new Code("11488-4", "2.16.840.1.113883.6.1", null), "x"))
                .as("files not in the directory stay as shipped").doesNotThrowAnyException();
        assertThat(domain.name()).contains(dir.toString());
    }

    @Test
    void refusesAnOverrideFileThatIsNoValueSet(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("classCodes.txt"), "10\t1.2.3\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> AffinityDomain.load(AffinityDomain.DMP, dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("classCodes.txt").hasMessageContaining("classCode.txt");
    }

    @Test
    void refusesAMissingOverrideDirectory(@TempDir Path dir) {
        assertThatThrownBy(() -> AffinityDomain.load(AffinityDomain.DMP, dir.resolve("missing")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a directory");
    }

    private static void check(CodedAttribute attribute, String code, String scheme) {
        assertThatCode(() -> DMP.check(attribute, new Code(code, scheme, null), "x"))
                .as("%s %s^^%s", attribute.attributeName(), code, scheme).doesNotThrowAnyException();
    }

    private static void assertRefused(CodedAttribute attribute, Code code, String messageStart) {
        assertThatThrownBy(() -> DMP.check(attribute, code, "Document01"))
                .isInstanceOfSatisfying(XdsException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(XdsErrorCode.XDSRegistryMetadataError);
                    assertThat(e.getMessage()).startsWith(messageStart);
                    assertThat(e.location()).isEqualTo("Document01");
                });
    }
}
