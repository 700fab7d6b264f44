package org.opendmp.security.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.opendmp.security.actor.PurposeOfUse;

/** The built-in rights matrix against the expected decisions table {@code access/expected-decisions.csv}. */
class DefaultRightsMatrixTest {

    private static final AccessPolicy POLICY = AccessPolicy.defaults();
    private static final PatientContext.Authorization[] AUTHORIZATIONS = {
        PatientContext.Authorization.NONE, PatientContext.Authorization.ACTIVE, PatientContext.Authorization.BLOCKED};

    @ParameterizedTest(name = "{0} {1}: normal [{2}] centre 15 [{3}] bris de glace [{4}]")
    @CsvFileSource(resources = "/access/expected-decisions.csv")
    void decidesAsTheExpectedTableSays(String td, TestActor actor, String normal, String centre15, String brisDeGlace) {
        DmpTransaction transaction = DmpTransaction.ofTdName(td);
        assertThat(transaction).as("transaction %s", td).isNotNull();
        assertThat(outcomes(transaction, actor, PurposeOfUse.NORMAL)).as("%s %s normal", td, actor).isEqualTo(normal);
        assertThat(outcomes(transaction, actor, PurposeOfUse.CENTRE_15)).as("%s %s centre 15", td, actor)
                .isEqualTo(centre15);
        assertThat(outcomes(transaction, actor, PurposeOfUse.BRIS_DE_GLACE)).as("%s %s bris de glace", td, actor)
                .isEqualTo(brisDeGlace);
    }

    /** The outcomes with authorization NONE, ACTIVE, BLOCKED, in the table's letters. */
    private static String outcomes(DmpTransaction transaction, TestActor actor, PurposeOfUse mode) {
        List<String> letters = new ArrayList<>();
        for (PatientContext.Authorization authorization : AUTHORIZATIONS) {
            PatientContext patient = transaction.aboutOnePatient() ? actor.context(authorization) : null;
            letters.add(letter(POLICY.decide(actor.in(mode), transaction, patient)));
        }
        return String.join(" ", letters);
    }

    private static String letter(Decision decision) {
        if (decision.allowed()) {
            return "A";
        }
        return switch (decision.reason()) {
            case TRANSACTION_NOT_ALLOWED -> "T";
            case NO_AUTHORIZATION -> "N";
            case BLOCKED_BY_PATIENT -> "B";
            default -> decision.reason().name();
        };
    }

    @Test
    void expectedTableCoversEveryTransactionAndActorOnce() throws IOException {
        List<String> pairs = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/access/expected-decisions.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] cells = line.split(",");
                    pairs.add(cells[0].trim() + " " + cells[1].trim());
                }
            }
        }
        List<String> expected = new ArrayList<>();
        for (DmpTransaction transaction : DmpTransaction.values()) {
            for (TestActor actor : TestActor.values()) {
                expected.add(transaction.tdName() + " " + actor);
            }
        }
        assertThat(pairs).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} DMP {4}, opposed {5}: {6}")
    @CsvSource(textBlock = """
            # transaction, actor, mode, authorization, DMP, oppositions (NONE, BRIS_DE_GLACE, CENTRE_15, BOTH), expected
            TD3.1,  DOCTOR,     BRIS_DE_GLACE, NONE,    OPEN,   BRIS_DE_GLACE, PATIENT_OPPOSED_EMERGENCY_ACCESS
            TD3.2,  DOCTOR,     CENTRE_15,     NONE,    OPEN,   CENTRE_15,     PATIENT_OPPOSED_EMERGENCY_ACCESS
            TD3.1,  DOCTOR,     BRIS_DE_GLACE, NONE,    OPEN,   CENTRE_15,     ALLOW
            TD3.1,  DOCTOR,     CENTRE_15,     NONE,    OPEN,   BRIS_DE_GLACE, ALLOW
            TD3.1,  DOCTOR,     NORMAL,        ACTIVE,  OPEN,   BOTH,          ALLOW
            TD3.1,  MT,         CENTRE_15,     NONE,    OPEN,   CENTRE_15,     PATIENT_OPPOSED_EMERGENCY_ACCESS
            TD3.1,  NURSE,      BRIS_DE_GLACE, ACTIVE,  OPEN,   BRIS_DE_GLACE, PATIENT_OPPOSED_EMERGENCY_ACCESS
            TD3.1,  DOCTOR,     BRIS_DE_GLACE, BLOCKED, OPEN,   BRIS_DE_GLACE, BLOCKED_BY_PATIENT
            TD2.1,  DOCTOR,     BRIS_DE_GLACE, NONE,    OPEN,   BRIS_DE_GLACE, ALLOW
            TD3.1,  MT,         NORMAL,        NONE,    CLOSED, NONE,          DMP_CLOSED
            TD3.1,  DOCTOR,     NORMAL,        BLOCKED, CLOSED, NONE,          DMP_CLOSED
            TD3.2,  AIR_DOCTOR, BRIS_DE_GLACE, NONE,    CLOSED, NONE,          DMP_CLOSED
            TD3.1,  SECRETARY,  NORMAL,        NONE,    CLOSED, NONE,          DMP_CLOSED
            TD2.1,  DOCTOR,     NORMAL,        ACTIVE,  CLOSED, NONE,          DMP_CLOSED
            TD2.1,  SECRETARY,  NORMAL,        NONE,    CLOSED, NONE,          DMP_CLOSED
            TD2.1,  AUTOMATON,  NORMAL,        NONE,    CLOSED, NONE,          DMP_CLOSED
            TD0.2,  DOCTOR,     NORMAL,        BLOCKED, CLOSED, BOTH,          ALLOW
            TD1.3a, NURSE,      NORMAL,        NONE,    CLOSED, NONE,          ALLOW
            TD1.2,  DOCTOR,     NORMAL,        NONE,    CLOSED, NONE,          ALLOW
            TD1.2,  DOCTOR,     NORMAL,        BLOCKED, CLOSED, NONE,          BLOCKED_BY_PATIENT
            TD0.3,  DOCTOR,     NORMAL,        NONE,    CLOSED, NONE,          DMP_CLOSED
            TD1.3b, NURSE,      NORMAL,        ACTIVE,  CLOSED, NONE,          DMP_CLOSED
            TD1.4,  MT,         NORMAL,        NONE,    CLOSED, NONE,          DMP_CLOSED
            TD3.3c, DOCTOR,     NORMAL,        ACTIVE,  CLOSED, NONE,          DMP_CLOSED
            """)
    void recordStateAndOppositions(String td, TestActor actor, PurposeOfUse mode,
            PatientContext.Authorization authorization, PatientContext.DmpStatus status, String opposed,
            String expected) {
        PatientContext patient = actor.context(authorization).withDmpStatus(status)
                .withOppositions(opposed.equals("BRIS_DE_GLACE") || opposed.equals("BOTH"),
                        opposed.equals("CENTRE_15") || opposed.equals("BOTH"));
        Decision decision = POLICY.decide(actor.in(mode), DmpTransaction.ofTdName(td), patient);
        assertThat(decision.allowed() ? "ALLOW" : decision.reason().name()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1} {2}")
    @CsvSource(textBlock = """
            DOCTOR,          CPS_DIRECT,          DOCTOR
            MT,              CPS_DIRECT,          TREATING_DOCTOR
            NURSE,           CPS_DIRECT,          PROFESSIONAL
            PHARMACIST,      CPS_DIRECT,          PROFESSIONAL
            OCCUPATIONAL,    CPS_DIRECT,          OCCUPATIONAL_PHYSICIAN
            SECRETARY,       CPE_DIRECT,          NON_PROFESSIONAL
            INDIRECT_DOCTOR, INDIRECT,            DOCTOR
            AIR_DOCTOR,      INDIRECT_REINFORCED, DOCTOR
            AUTOMATON,       INDIRECT,            AUTOMATON
            """)
    void categorizesActors(TestActor actor, AuthenticationKind authentication, ActorRole role) {
        ActorCategory category = POLICY.categorize(actor.in(PurposeOfUse.CENTRE_15),
                actor.context(PatientContext.Authorization.NONE));
        assertThat(category).isEqualTo(new ActorCategory(authentication, role, PurposeOfUse.CENTRE_15));
    }

    @Test
    void nobodyIsTreatingDoctorWithoutAPatient() {
        assertThat(POLICY.categorize(TestActor.MT.normal(), null).role()).isEqualTo(ActorRole.DOCTOR);
    }

    @Test
    void aTreatingDoctorFlagOnANurseIsIgnored() {
        PatientContext patient = PatientContext.open(PatientContext.Authorization.NONE).withTreatingDoctor(true);
        assertThat(POLICY.categorize(TestActor.NURSE.normal(), patient).role()).isEqualTo(ActorRole.PROFESSIONAL);
        assertThat(POLICY.decide(TestActor.NURSE.normal(), DmpTransaction.TD3_1, patient).reason())
                .isEqualTo(DenialReason.NO_AUTHORIZATION);
    }

    @Test
    void conditionsNeedThePatientsContext() {
        assertThatThrownBy(() -> POLICY.decide(TestActor.DOCTOR.normal(), DmpTransaction.TD3_1, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TD3.1 needs the patient's context");
    }

    @Test
    void deniedDecisionsCarryAClientMessageInFrenchAndEnglish() {
        Decision decision = POLICY.decide(TestActor.DOCTOR.normal(), DmpTransaction.TD3_1,
                PatientContext.open(PatientContext.Authorization.NONE).withDmpStatus(PatientContext.DmpStatus.CLOSED));
        assertThat(decision.clientMessage()).isEqualTo("Le DMP est fermé | The DMP is closed");
        assertThat(decision.concealsDocument()).isFalse();
        assertThat(Decision.allow().clientMessage()).isNull();
    }
}
