package org.opendmp.pixpdq.habilitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opendmp.pixpdq.habilitation.TestActors.doctor;
import static org.opendmp.pixpdq.habilitation.TestActors.nurse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opendmp.pixpdq.habilitation.HabilitationRefusal.Reason;
import org.opendmp.pixpdq.habilitation.Relation.Standing;
import org.opendmp.pixpdq.ins.InsNumber;
import org.opendmp.pixpdq.ins.InsOids;
import org.opendmp.pixpdq.patient.IdentityTraits;
import org.opendmp.pixpdq.patient.PatientId;
import org.opendmp.pixpdq.patient.PatientRegistry;
import org.opendmp.pixpdq.patient.Sex;
import org.opendmp.security.actor.Actor;
import org.opendmp.testsupport.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

class HabilitationsTest {

    private static final PatientId PATIENT = ins("2070585756270");
    private static final PatientId OTHER = ins("1800375123456");
    private static final PatientId UNKNOWN = ins("297022A020778");
    private static final String DR_LIBRE = "899900063480";
    private static final String DR_AUTRE = "899900099999";
    private static final String NURSE = "899900012345";

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final Map<PatientId, Instant> lastDocuments = new HashMap<>();
    private PatientRegistry registry;
    private Habilitations habilitations;
    private JdbcTemplate jdbc;

    private void start(TestDatabase database) {
        DataSource dataSource = database.fresh();
        jdbc = new JdbcTemplate(dataSource);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        registry = new PatientRegistry(jdbc, transactions, Set.of(InsOids.NIR, InsOids.NIR_TEST),
                List.of(new HabilitationMerge(jdbc)), clock);
        habilitations = new Habilitations(jdbc, transactions, registry, patients -> {
            Map<PatientId, Instant> found = new HashMap<>();
            patients.forEach(p -> {
                if (lastDocuments.containsKey(p)) {
                    found.put(p, lastDocuments.get(p));
                }
            });
            return found;
        }, clock);
        feed(PATIENT, "DUPONT", "MARIE");
        feed(OTHER, "MARTIN", "PAUL");
    }

    private static PatientId ins(String thirteen) {
        return new PatientId(thirteen + String.format("%02d", InsNumber.key(thirteen)), InsOids.NIR_TEST);
    }

    private void feed(PatientId ins, String birthName, String given) {
        registry.feed(List.of(ins), new IdentityTraits(birthName, null, List.of(given, "ANNE"), Sex.F,
                LocalDate.of(1970, 5, 25), "75056"), List.of());
    }

    private int rows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM habilitation", Integer.class);
    }

    // ------------------------------------------------------------------ TD0.3

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("AJOUT authorizes the caller with what the VIHF tells of them; a second AJOUT changes nothing")
    void addAuthorizesAndASecondAddChangesNothing(TestDatabase database) {
        start(database);

        assertThat(habilitations.add(doctor(DR_LIBRE, PATIENT), PATIENT)).isEqualTo(Outcome.AUTHORIZATION_ADDED);
        clock.advance(Duration.ofMinutes(5));
        Outcome again = habilitations.add(doctor(DR_LIBRE, PATIENT), PATIENT);

        assertThat(again).isEqualTo(Outcome.ALREADY_AUTHORIZED);
        assertThat(again.context()).isEqualTo("Autorisation déjà présente aucune action effectuée");
        assertThat(habilitations.relation(PATIENT, DR_LIBRE)).isEqualTo(new Relation(Standing.ACTIVE, false));
        Habilitation entry = habilitations.list(PATIENT, ListMode.TOUTE).get(0);
        assertThat(entry.professional()).isEqualTo(new Professional(DR_LIBRE, "MAX", "LIBRE", "10", "SM26",
                TestActors.FACILITY));
        assertThat(entry.since()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(entry.lastAction()).isEqualTo(entry.since());
        assertThat(habilitations.relation(OTHER, DR_LIBRE)).isEqualTo(Relation.NONE);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aBlockedProfessionalCannotAuthorizeThemselves(TestDatabase database) {
        start(database);
        habilitations.block(PATIENT, NURSE);

        assertThatThrownBy(() -> habilitations.add(nurse(NURSE, PATIENT), PATIENT))
                .isInstanceOfSatisfying(HabilitationRefusal.class,
                        r -> assertThat(r.reason()).isEqualTo(Reason.BLOCKED_BY_PATIENT));
        assertThat(habilitations.relation(PATIENT, NURSE).standing()).isEqualTo(Standing.BLOCKED);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void removalDeletesOnlyOnesOwnAuthorizationAndABlockStays(TestDatabase database) {
        start(database);
        habilitations.add(doctor(DR_LIBRE, PATIENT), PATIENT);
        habilitations.add(doctor(DR_AUTRE, PATIENT), PATIENT);
        habilitations.block(PATIENT, NURSE);

        assertThat(habilitations.remove(doctor(DR_LIBRE, PATIENT), PATIENT)).isEqualTo(Outcome.AUTHORIZATION_REMOVED);
        assertThat(habilitations.remove(doctor(DR_LIBRE, PATIENT), PATIENT)).isEqualTo(Outcome.NO_AUTHORIZATION);
        assertThat(habilitations.remove(nurse(NURSE, PATIENT), PATIENT)).isEqualTo(Outcome.NO_AUTHORIZATION);

        assertThat(habilitations.relation(PATIENT, DR_LIBRE)).isEqualTo(Relation.NONE);
        assertThat(habilitations.relation(PATIENT, DR_AUTRE).authorized()).isTrue();
        assertThat(habilitations.relation(PATIENT, NURSE).blocked()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anUnknownPatientOrAClosedDmpTakesNoAuthorization(TestDatabase database) {
        start(database);
        registry.close(OTHER, "FERMETURE_DEMANDE_PATIENT");

        assertThatThrownBy(() -> habilitations.add(doctor(DR_LIBRE, UNKNOWN), UNKNOWN))
                .isInstanceOfSatisfying(HabilitationRefusal.class,
                        r -> assertThat(r.reason()).isEqualTo(Reason.UNKNOWN_PATIENT));
        assertThatThrownBy(() -> habilitations.add(doctor(DR_LIBRE, OTHER), OTHER))
                .isInstanceOfSatisfying(HabilitationRefusal.class,
                        r -> assertThat(r.reason()).isEqualTo(Reason.DMP_CLOSED));
        assertThat(rows()).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void withoutVihfThereIsNoCallerToAuthorize(TestDatabase database) {
        start(database);

        assertThatThrownBy(() -> habilitations.add(null, PATIENT))
                .isInstanceOfSatisfying(HabilitationRefusal.class,
                        r -> assertThat(r.reason()).isEqualTo(Reason.VIHF_REQUIRED));
        assertThatThrownBy(() -> Habilitations.patientOf(null))
                .isInstanceOfSatisfying(HabilitationRefusal.class,
                        r -> assertThat(r.reason()).isEqualTo(Reason.VIHF_REQUIRED));
    }

    // ------------------------------------------------------------------ treating doctor

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("A doctor's declaration makes them treating doctor (authorized if they were not) and the previous one loses the status")
    void declaringTreatingDoctorReplacesThePreviousOne(TestDatabase database) {
        start(database);
        assertThat(habilitations.declareTreatingDoctor(doctor(DR_LIBRE, PATIENT), PATIENT))
                .isEqualTo(Outcome.TREATING_DOCTOR_DECLARED);
        assertThat(habilitations.declareTreatingDoctor(doctor(DR_LIBRE, PATIENT), PATIENT))
                .isEqualTo(Outcome.ALREADY_TREATING_DOCTOR);

        habilitations.declareTreatingDoctor(doctor(DR_AUTRE, PATIENT), PATIENT);

        assertThat(habilitations.relation(PATIENT, DR_AUTRE)).isEqualTo(new Relation(Standing.ACTIVE, true));
        assertThat(habilitations.relation(PATIENT, DR_LIBRE)).isEqualTo(new Relation(Standing.ACTIVE, false));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void onlyADoctorCanBeDeclaredTreatingDoctor(TestDatabase database) {
        start(database);

        assertThatThrownBy(() -> habilitations.declareTreatingDoctor(nurse(NURSE, PATIENT), PATIENT))
                .isInstanceOfSatisfying(HabilitationRefusal.class,
                        r -> assertThat(r.reason()).isEqualTo(Reason.NOT_A_DOCTOR));
        assertThat(rows()).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void withdrawingTheTreatingDoctorStatusKeepsTheAuthorization(TestDatabase database) {
        start(database);
        habilitations.declareTreatingDoctor(doctor(DR_LIBRE, PATIENT), PATIENT);
        habilitations.add(doctor(DR_AUTRE, PATIENT), PATIENT);

        assertThat(habilitations.withdrawTreatingDoctor(doctor(DR_AUTRE, PATIENT), PATIENT))
                .isEqualTo(Outcome.NOT_TREATING_DOCTOR);
        assertThat(habilitations.withdrawTreatingDoctor(doctor(DR_LIBRE, PATIENT), PATIENT))
                .isEqualTo(Outcome.TREATING_DOCTOR_WITHDRAWN);

        assertThat(habilitations.relation(PATIENT, DR_LIBRE)).isEqualTo(new Relation(Standing.ACTIVE, false));
    }

    // ------------------------------------------------------------------ the patient's controls

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void blockingTheTreatingDoctorDropsTheStatusAndUnblockingLeavesNoAuthorization(TestDatabase database) {
        start(database);
        habilitations.declareTreatingDoctor(doctor(DR_LIBRE, PATIENT), PATIENT);
        clock.advance(Duration.ofHours(1));

        Habilitation blocked = habilitations.block(PATIENT, DR_LIBRE);

        assertThat(blocked.mode()).isEqualTo(Mode.INTERDITE);
        assertThat(blocked.treatingDoctor()).isFalse();
        assertThat(blocked.professional().lastName()).isEqualTo("LIBRE");
        assertThat(blocked.since()).isEqualTo(Instant.parse("2026-03-01T11:00:00Z"));
        assertThat(habilitations.relation(PATIENT, DR_LIBRE)).isEqualTo(new Relation(Standing.BLOCKED, false));

        assertThat(habilitations.unblock(PATIENT, DR_LIBRE)).isTrue();
        assertThat(habilitations.relation(PATIENT, DR_LIBRE)).isEqualTo(Relation.NONE);
        assertThat(habilitations.unblock(PATIENT, DR_LIBRE)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void unblockingAnAuthorizedProfessionalChangesNothing(TestDatabase database) {
        start(database);
        habilitations.add(doctor(DR_LIBRE, PATIENT), PATIENT);

        assertThat(habilitations.unblock(PATIENT, DR_LIBRE)).isFalse();
        assertThat(habilitations.relation(PATIENT, DR_LIBRE).authorized()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void thePatientDesignatesTheirTreatingDoctorButNotABlockedOrNonDoctorProfessional(TestDatabase database) {
        start(database);
        habilitations.declareTreatingDoctor(doctor(DR_LIBRE, PATIENT), PATIENT);
        habilitations.add(nurse(NURSE, PATIENT), PATIENT);

        Habilitation designated = habilitations.designateTreatingDoctor(PATIENT, DR_AUTRE);

        assertThat(designated.mode()).isEqualTo(Mode.ACTIVE);
        assertThat(designated.treatingDoctor()).isTrue();
        assertThat(habilitations.relation(PATIENT, DR_LIBRE).treatingDoctor()).isFalse();
        assertThatThrownBy(() -> habilitations.designateTreatingDoctor(PATIENT, NURSE))
                .isInstanceOfSatisfying(HabilitationRefusal.class,
                        r -> assertThat(r.reason()).isEqualTo(Reason.NOT_A_DOCTOR));
        habilitations.block(PATIENT, DR_LIBRE);
        assertThatThrownBy(() -> habilitations.designateTreatingDoctor(PATIENT, DR_LIBRE))
                .isInstanceOfSatisfying(HabilitationRefusal.class,
                        r -> assertThat(r.reason()).isEqualTo(Reason.BLOCKED_BY_PATIENT));
        assertThat(habilitations.relation(PATIENT, DR_AUTRE)).isEqualTo(new Relation(Standing.ACTIVE, true));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aMalformedProfessionalIdIsRefusedAndChangesNothing(TestDatabase database) {
        start(database);

        assertThatThrownBy(() -> habilitations.block(PATIENT, "89990006' OR 1=1"))
                .isInstanceOfSatisfying(HabilitationRefusal.class,
                        r -> assertThat(r.reason()).isEqualTo(Reason.INVALID_REQUEST));
        assertThat(rows()).isZero();
    }

    // ------------------------------------------------------------------ lists

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theListShowsAuthorizedOrBlockedProfessionalsByMode(TestDatabase database) {
        start(database);
        habilitations.add(doctor(DR_LIBRE, PATIENT), PATIENT);
        habilitations.block(PATIENT, NURSE);
        habilitations.add(doctor(DR_AUTRE, OTHER), OTHER);

        assertThat(habilitations.list(PATIENT, ListMode.TOUTE)).extracting(h -> h.professional().id())
                .containsExactly(DR_LIBRE, NURSE);
        assertThat(habilitations.list(PATIENT, ListMode.ACTIVE)).extracting(h -> h.professional().id())
                .containsExactly(DR_LIBRE);
        assertThat(habilitations.list(PATIENT, ListMode.INTERDITE)).extracting(h -> h.professional().id())
                .containsExactly(NURSE);
        assertThatThrownBy(() -> habilitations.list(UNKNOWN, ListMode.TOUTE))
                .isInstanceOfSatisfying(HabilitationRefusal.class,
                        r -> assertThat(r.reason()).isEqualTo(Reason.UNKNOWN_PATIENT));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("TD0.4 lists the patients a professional is authorized on, by authorization date or last document date")
    void patientsOfAProfessionalByAuthorizationOrDocumentDate(TestDatabase database) {
        start(database);
        habilitations.add(doctor(DR_LIBRE, PATIENT), PATIENT);
        clock.advance(Duration.ofDays(10));
        habilitations.declareTreatingDoctor(doctor(DR_LIBRE, OTHER), OTHER);
        habilitations.block(PATIENT, NURSE);
        lastDocuments.put(PATIENT, Instant.parse("2026-03-20T08:00:00Z"));
        Instant fiveDaysIn = Instant.parse("2026-03-06T00:00:00Z");

        assertThat(habilitations.patientsOf(DR_LIBRE, null, null)).extracting(AuthorizedPatient::ins)
                .containsExactlyInAnyOrder(PATIENT, OTHER);
        assertThat(habilitations.patientsOf(DR_LIBRE, fiveDaysIn, DateType.LASTAUTORIZATION))
                .extracting(AuthorizedPatient::ins).containsExactly(OTHER);
        List<AuthorizedPatient> byDocument = habilitations.patientsOf(DR_LIBRE, fiveDaysIn, DateType.LASTDOC);
        assertThat(byDocument).extracting(AuthorizedPatient::ins).containsExactly(PATIENT);
        AuthorizedPatient patient = byDocument.get(0);
        assertThat(patient.lastName()).isEqualTo("DUPONT");
        assertThat(patient.firstName()).isEqualTo("MARIE");
        assertThat(patient.birthDate()).isEqualTo(LocalDate.of(1970, 5, 25));
        assertThat(patient.treatingDoctor()).isFalse();
        assertThat(patient.lastDocument()).isEqualTo(Instant.parse("2026-03-20T08:00:00Z"));
        assertThat(patient.lastUpdate()).isEqualTo(Instant.parse("2026-03-20T08:00:00Z"));
        assertThat(habilitations.patientsOf(DR_LIBRE, null, null)).filteredOn(p -> p.ins().equals(OTHER))
                .singleElement().satisfies(p -> assertThat(p.treatingDoctor()).isTrue());
        assertThat(habilitations.patientsOf(NURSE, null, null)).isEmpty();
    }

    // ------------------------------------------------------------------ merge

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("After a merge the authorizations follow the surviving patient; a block wins and the survivor keeps their treating doctor")
    void authorizationsFollowTheSurvivingPatientOfAMerge(TestDatabase database) {
        start(database);
        habilitations.declareTreatingDoctor(doctor(DR_LIBRE, OTHER), OTHER);
        habilitations.add(doctor(DR_AUTRE, OTHER), OTHER);
        habilitations.add(nurse(NURSE, OTHER), OTHER);
        habilitations.declareTreatingDoctor(doctor(DR_AUTRE, PATIENT), PATIENT);
        habilitations.block(PATIENT, NURSE);

        registry.merge(List.of(PATIENT), OTHER);

        assertThat(habilitations.relation(PATIENT, DR_AUTRE)).isEqualTo(new Relation(Standing.ACTIVE, true));
        assertThat(habilitations.relation(PATIENT, DR_LIBRE)).isEqualTo(new Relation(Standing.ACTIVE, false));
        assertThat(habilitations.relation(PATIENT, NURSE)).isEqualTo(new Relation(Standing.BLOCKED, false));
        assertThat(habilitations.relation(OTHER, DR_LIBRE)).isEqualTo(Relation.NONE);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM habilitation WHERE patient_id = ?", Integer.class,
                OTHER.canonical())).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aMergedPatientWithoutTreatingDoctorTakesTheSubsumedOnesAndABlockFromTheSubsumedSideStays(TestDatabase database) {
        start(database);
        habilitations.add(nurse(NURSE, PATIENT), PATIENT);
        habilitations.declareTreatingDoctor(doctor(DR_LIBRE, OTHER), OTHER);
        habilitations.block(OTHER, NURSE);

        registry.merge(List.of(PATIENT), OTHER);

        assertThat(habilitations.relation(PATIENT, DR_LIBRE)).isEqualTo(new Relation(Standing.ACTIVE, true));
        assertThat(habilitations.relation(PATIENT, NURSE)).isEqualTo(new Relation(Standing.BLOCKED, false));
    }

    // ------------------------------------------------------------------ the VIHF's patient

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theRelationOfAVihfIsThatOfItsProfessionalToItsPatient(TestDatabase database) {
        start(database);
        habilitations.add(doctor(DR_LIBRE, PATIENT), PATIENT);

        Actor withTypeAndDate = TestActors.actor(DR_LIBRE, "MAX LIBRE", TestActors.GENERAL_PRACTITIONER,
                PATIENT.id() + "^^^&" + PATIENT.authority() + "&ISO^NH^^20210604092415");
        Actor withoutPatient = TestActors.actor(DR_LIBRE, "MAX LIBRE", TestActors.GENERAL_PRACTITIONER, (String) null);

        assertThat(habilitations.relation(withTypeAndDate).authorized()).isTrue();
        assertThat(habilitations.relation(withoutPatient)).isEqualTo(Relation.NONE);
        assertThat(Habilitations.patientOf(withTypeAndDate)).isEqualTo(PATIENT);
        assertThatThrownBy(() -> Habilitations.patientOf(withoutPatient))
                .isInstanceOfSatisfying(HabilitationRefusal.class,
                        r -> assertThat(r.reason()).isEqualTo(Reason.PATIENT_REQUIRED));
    }

    /** A clock tests move forward. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
