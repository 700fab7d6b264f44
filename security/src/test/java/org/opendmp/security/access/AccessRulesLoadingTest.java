package org.opendmp.security.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opendmp.security.actor.PurposeOfUse;

/** Loading the access rules: built-in files, per-file replacement from a directory, and malformed files. */
class AccessRulesLoadingTest {

    private static final String MATRIX_HEAD = """
            @occupational-physician-specialties SM25
            transaction,authentication,role,access_mode,decision,conditions
            """;
    private static final String GRID_HEAD = "profession,type_code_scheme,type_code,decision,label\n";
    private static final String LOINC = "2.16.840.1.113883.6.1";

    @TempDir
    Path directory;

    private static DocumentFacts imagingReport() {
        return new DocumentFacts("urn:uuid:0b7e6c2a-1d3f-4e5a-8b9c-0d1e2f3a4b5c", "1.2.250.1.999.1.2", TestActor.PATIENT,
                "urn:oasis:names:tc:ebxml-regrep:StatusType:Approved", "10", "18748-4", LOINC, java.util.Set.of("N"),
                java.util.Set.of("810000000099"), java.util.Set.of("10B0000099"));
    }

    @Test
    void builtInRulesComeFromTheClasspath() {
        AccessRules rules = AccessRules.load(null);
        assertThat(rules.rightsMatrixSource()).isEqualTo("classpath:access/rights-matrix.csv");
        assertThat(rules.documentTypesSource()).isEqualTo("classpath:access/document-types.csv");
        assertThat(rules.occupationalPhysicianSpecialties()).containsExactly("SM25");
        assertThat(rules.toString()).contains("rights-matrix.csv (", "rows)");
    }

    @Test
    void aDirectoryReplacesOnlyTheFilesItHolds() throws IOException {
        AccessPolicy defaults = AccessPolicy.defaults();
        PatientContext patient = TestActor.NURSE.context(PatientContext.Authorization.ACTIVE);
        assertThat(defaults.canSee(TestActor.NURSE.normal(), patient, imagingReport())).isFalse();

        Files.writeString(directory.resolve(AccessRules.DOCUMENT_TYPES), GRID_HEAD + "60," + LOINC + ",18748-4,ALLOW\n");
        AccessRules rules = AccessRules.load(directory);
        assertThat(rules.documentTypesSource()).isEqualTo(directory.resolve(AccessRules.DOCUMENT_TYPES).toString());
        assertThat(rules.rightsMatrixSource()).isEqualTo("classpath:access/rights-matrix.csv");
        AccessPolicy policy = new AccessPolicy(rules);
        assertThat(policy.canSee(TestActor.NURSE.normal(), patient, imagingReport())).isTrue();
        assertThat(policy.canSee(TestActor.DOCTOR.normal(), TestActor.DOCTOR.context(PatientContext.Authorization.ACTIVE),
                imagingReport())).as("doctors are no longer listed").isFalse();
    }

    @Test
    void aReplacedMatrixDecides() throws IOException {
        Files.writeString(directory.resolve(AccessRules.RIGHTS_MATRIX), MATRIX_HEAD
                + "TD3.1,*,PROFESSIONAL,CENTRE_15,ALLOW,DMP_OPEN\n");
        AccessPolicy policy = new AccessPolicy(AccessRules.load(directory));
        PatientContext patient = TestActor.NURSE.context(PatientContext.Authorization.NONE);
        assertThat(policy.decide(TestActor.NURSE.in(PurposeOfUse.CENTRE_15), DmpTransaction.TD3_1, patient).allowed())
                .isTrue();
        assertThat(policy.decide(TestActor.DOCTOR.normal(), DmpTransaction.TD0_2, patient).reason())
                .as("no matching row").isEqualTo(DenialReason.TRANSACTION_NOT_ALLOWED);
    }

    @Test
    void theOccupationalSpecialtiesAreData() throws IOException {
        Files.writeString(directory.resolve(AccessRules.RIGHTS_MATRIX), MATRIX_HEAD.replace("SM25", "SM26 SM99")
                + "TD0.2,*,*,*,ALLOW\n");
        AccessPolicy policy = new AccessPolicy(AccessRules.load(directory));
        PatientContext patient = PatientContext.open(PatientContext.Authorization.NONE);
        assertThat(policy.categorize(TestActor.DOCTOR.normal(), patient).role()).isEqualTo(ActorRole.OCCUPATIONAL_PHYSICIAN);
        assertThat(policy.categorize(TestActor.OCCUPATIONAL.normal(), patient).role()).isEqualTo(ActorRole.DOCTOR);
    }

    @Test
    void aBlockedTreatingDoctorIsNotAuthorized() throws IOException {
        Files.writeString(directory.resolve(AccessRules.RIGHTS_MATRIX), MATRIX_HEAD + "TD1.6,*,*,NORMAL,ALLOW,AUTHORIZED\n");
        AccessPolicy policy = new AccessPolicy(AccessRules.load(directory));
        assertThat(policy.decide(TestActor.MT.normal(), DmpTransaction.TD1_6,
                TestActor.MT.context(PatientContext.Authorization.BLOCKED)).reason())
                .isEqualTo(DenialReason.NO_AUTHORIZATION);
        assertThat(policy.decide(TestActor.MT.normal(), DmpTransaction.TD1_6,
                TestActor.MT.context(PatientContext.Authorization.NONE)).allowed()).isTrue();
    }

    @Test
    void aMissingDirectoryIsAnError() {
        assertThatThrownBy(() -> AccessRules.load(directory.resolve("absent")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absent");
    }

    static Stream<Arguments> malformedFiles() {
        String matrix = AccessRules.RIGHTS_MATRIX;
        String grid = AccessRules.DOCUMENT_TYPES;
        return Stream.of(
                Arguments.of(matrix, MATRIX_HEAD + "TD0.2,*,DOCTEUR,*,ALLOW\n", 3, "unknown role 'DOCTEUR'"),
                Arguments.of(matrix, MATRIX_HEAD + "TD9.9,*,*,*,ALLOW\n", 3, "unknown transaction 'TD9.9'"),
                Arguments.of(matrix, MATRIX_HEAD + "TD0.2,CPS,*,*,ALLOW\n", 3, "unknown authentication 'CPS'"),
                Arguments.of(matrix, MATRIX_HEAD + "TD0.2,*,*,URGENCE,ALLOW\n", 3, "unknown access_mode 'URGENCE'"),
                Arguments.of(matrix, MATRIX_HEAD + "TD0.2,*,*,*,PERMIT\n", 3, "decision must be ALLOW or DENY"),
                Arguments.of(matrix, MATRIX_HEAD + "TD0.2,*,*,*,,\n", 3, "empty decision"),
                Arguments.of(matrix, MATRIX_HEAD + "TD0.2,*,*,*,ALLOW,,extra\n", 3, "7 cells"),
                Arguments.of(matrix, MATRIX_HEAD + "TD0.2,*,*,*,DENY,DMP_OPEN\n", 3, "a DENY row takes no conditions"),
                Arguments.of(matrix, MATRIX_HEAD + "TD3.1,*,*,*,ALLOW,DMP_OPEN+OPEN\n", 3, "unknown condition 'OPEN'"),
                Arguments.of(matrix, MATRIX_HEAD + "TD3.2,*,*,*,ALLOW,REFERENCE_ONLY\n", 3, "TD3.1 (document search) only"),
                Arguments.of(matrix, MATRIX_HEAD + "TD0.4,*,*,*,ALLOW,NOT_BLOCKED\n", 3, "TD0.4 is about no one patient"),
                Arguments.of(matrix, MATRIX_HEAD + "*,*,*,*,DENY\n\n# comment\nTD0.2,*,DOCTOR,*,ALLOW\n", 6,
                        "this row never applies"),
                Arguments.of(matrix, "transaction,authentication,role,access_mode,decision,conditions\n", 0,
                        "missing directive @occupational-physician-specialties"),
                Arguments.of(matrix, "@occupational-physicians SM25\n", 1, "unknown directive @occupational-physicians"),
                Arguments.of(matrix, MATRIX_HEAD.replace("access_mode", "mode"), 2, "expected the header"),
                Arguments.of(matrix, "# only a comment\n", 0, "no header line"),
                Arguments.of(grid, GRID_HEAD + "60,*,18748-4,ALLOW\n", 2, "needs its type_code_scheme"),
                Arguments.of(grid, GRID_HEAD + "10,*,*,ALLOW\n10," + LOINC + ",18748-4,DENY\n", 3, "line 2 matches first"),
                Arguments.of(grid, GRID_HEAD + "*," + LOINC + ",*,DENY\n60," + LOINC + ",11502-2,ALLOW\n", 3,
                        "line 2 matches first"),
                Arguments.of(grid, GRID_HEAD + "60," + LOINC + ",11502-2,YES\n", 2, "decision must be ALLOW or DENY"),
                Arguments.of(grid, "@occupational-physician-specialties SM25\n" + GRID_HEAD, 1, "this file takes none"),
                Arguments.of(grid, GRID_HEAD + "60," + LOINC + ",11502-2\n", 2, "empty decision"));
    }

    @ParameterizedTest(name = "{0}: {3}")
    @MethodSource("malformedFiles")
    void malformedFilesAreRefusedNamingFileLineAndProblem(String file, String content, int line, String problem)
            throws IOException {
        Path path = directory.resolve(file);
        Files.writeString(path, content);
        InvalidAccessRulesException error = catchThrowableOfType(() -> AccessRules.load(directory),
                InvalidAccessRulesException.class);
        assertThat(error).as("no error for %s", content).isNotNull();
        assertThat(error.source()).isEqualTo(path.toString());
        assertThat(error.line()).isEqualTo(line);
        assertThat(error.getMessage()).startsWith(path + (line > 0 ? " line " + line + ": " : ": ")).contains(problem);
    }

    @Test
    void aFileThatIsNotUtf8IsRefused() throws IOException {
        Path path = directory.resolve(AccessRules.DOCUMENT_TYPES);
        byte[] latin1 = (GRID_HEAD + "60," + LOINC + ",11502-2,ALLOW,Compte rendu d'examens biologiques é\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        Files.write(path, latin1);
        assertThatThrownBy(() -> AccessRules.load(directory)).isInstanceOf(InvalidAccessRulesException.class)
                .hasMessageContaining("not UTF-8");
    }

    @Test
    void commentsBlankLinesOmittedTrailingCellsAndAByteOrderMarkAreAccepted() throws IOException {
        Files.writeString(directory.resolve(AccessRules.DOCUMENT_TYPES),
                "\uFEFF# a grid\n\n" + GRID_HEAD + "  60 , " + LOINC + " , 18748-4 , ALLOW  \n");
        AccessPolicy policy = new AccessPolicy(AccessRules.load(directory));
        assertThat(policy.canSee(TestActor.NURSE.normal(), TestActor.NURSE.context(PatientContext.Authorization.ACTIVE),
                imagingReport())).isTrue();
    }
}
