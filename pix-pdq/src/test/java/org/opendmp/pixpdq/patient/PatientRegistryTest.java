package org.opendmp.pixpdq.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opendmp.pixpdq.ins.InsNumber;
import org.opendmp.pixpdq.ins.InsOids;
import org.opendmp.pixpdq.patient.PatientRegistryException.Reason;
import org.opendmp.testsupport.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

class PatientRegistryTest {

    private static final String HOSPITAL = "1.2.250.1.999.1.1";
    private static final String CLINIC = "1.2.250.1.999.1.2";
    private static final PatientId INS_A = ins("2070585756270");
    private static final PatientId INS_B = ins("1800375123456");
    private static final PatientId CORSICAN = ins("180032B020401");

    private final List<PatientId[]> merges = new ArrayList<>();
    private PatientRegistry registry;
    private JdbcTemplate jdbc;

    private void start(TestDatabase database) {
        DataSource dataSource = database.fresh();
        jdbc = new JdbcTemplate(dataSource);
        registry = new PatientRegistry(jdbc, new DataSourceTransactionManager(dataSource),
                Set.of(InsOids.NIR, InsOids.NIA, InsOids.NIR_TEST),
                List.of((subsumed, surviving) -> merges.add(new PatientId[] {subsumed, surviving})),
                Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));
    }

    /** A valid INS-NIR (test authority) for a 13-character number. */
    private static PatientId ins(String thirteen) {
        return new PatientId(thirteen + String.format("%02d", InsNumber.key(thirteen)), InsOids.NIR_TEST);
    }

    private static IdentityTraits traits(String birthName, String given) {
        return new IdentityTraits(birthName, null, List.of(given), Sex.F, LocalDate.of(1970, 5, 25), "75056");
    }

    private Patient feed(PatientId ins, PatientId... localIds) {
        List<PatientId> ids = new ArrayList<>(List.of(ins));
        ids.addAll(List.of(localIds));
        return registry.feed(ids, traits("DUPONT", "MARIE"), List.of());
    }

    private int patientRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM patient", Integer.class);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("A first feed creates the patient keyed on its INS, with an open DMP and its local identifiers cross-referenced")
    void firstFeedCreatesPatientWithOpenDmp(TestDatabase database) {
        start(database);
        Patient patient = feed(INS_A, new PatientId("IPP-1", HOSPITAL));

        assertThat(patient.ins()).isEqualTo(INS_A);
        assertThat(patient.localIds()).containsExactly(new PatientId("IPP-1", HOSPITAL));
        assertThat(patient.dmp().isOpen()).isTrue();
        assertThat(registry.status(INS_A)).isEqualTo(PatientStatus.OPEN);
        assertThat(registry.status(INS_B)).isEqualTo(PatientStatus.UNKNOWN);
        assertThat(registry.find(new PatientId("IPP-1", HOSPITAL))).map(Patient::ins).contains(INS_A);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("A feed of a known INS updates the traits and adds the new local identifiers (PIX cross-reference)")
    void feedOfKnownInsUpdatesAndCrossReferences(TestDatabase database) {
        start(database);
        feed(INS_A, new PatientId("IPP-1", HOSPITAL));
        Patient patient = registry.feed(List.of(INS_A, new PatientId("C-9", CLINIC)),
                new IdentityTraits("DUPONT", "MARTIN", List.of("MARIE", "LOUISE"), Sex.F, LocalDate.of(1970, 5, 25),
                        "2A004"),
                List.of(new Telecom("MC", "tel:0102030405")));

        assertThat(patient.localIds()).containsExactlyInAnyOrder(new PatientId("IPP-1", HOSPITAL),
                new PatientId("C-9", CLINIC));
        assertThat(patient.traits().usedName()).isEqualTo("MARTIN");
        assertThat(patient.traits().givenNames()).containsExactly("MARIE", "LOUISE");
        assertThat(patient.traits().birthPlaceCode()).isEqualTo("2A004");
        assertThat(patient.telecoms()).containsExactly(new Telecom("MC", "tel:0102030405"));
        assertThat(patientRows()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("The registry is keyed on the INS: a feed without one is refused (MISSING_INS) and stores nothing")
    void feedWithoutInsIsRefused(TestDatabase database) {
        start(database);
        assertThatThrownBy(() -> registry.feed(List.of(new PatientId("IPP-1", HOSPITAL)), traits("DUPONT", "MARIE"),
                List.of()))
                .isInstanceOf(PatientRegistryException.class)
                .extracting(e -> ((PatientRegistryException) e).reason()).isEqualTo(Reason.MISSING_INS);
        assertThat(patientRows()).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("A wrong NIR key is INVALID_INS, an INS authority not configured UNKNOWN_AUTHORITY, a non-OID authority INVALID_IDENTIFIER")
    void invalidInsAndUnknownAuthorityAreRefused(TestDatabase database) {
        start(database);
        PatientId wrongKey = new PatientId(INS_A.id().substring(0, 13) + "96", InsOids.NIR_TEST);
        assertThat(reasonOf(() -> feed(wrongKey))).isEqualTo(Reason.INVALID_INS);
        assertThat(reasonOf(() -> feed(new PatientId(INS_A.id(), InsOids.NIR_DEMO)))).isEqualTo(Reason.UNKNOWN_AUTHORITY);
        assertThat(reasonOf(() -> feed(INS_A, new PatientId("IPP", "INS-NIR")))).isEqualTo(Reason.INVALID_IDENTIFIER);
        assertThat(reasonOf(() -> registry.feed(List.of(INS_A), traits(" ", "B"), List.of())))
                .isEqualTo(Reason.INVALID_TRAIT);
        assertThat(reasonOf(() -> registry.feed(List.of(INS_A), new IdentityTraits("A", null, List.of(), Sex.M, null,
                "7505"), List.of()))).isEqualTo(Reason.INVALID_TRAIT);
        assertThat(patientRows()).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("Corsican NIRs (2A/2B) are valid INS")
    void corsicanNirIsAccepted(TestDatabase database) {
        start(database);
        assertThat(feed(CORSICAN).ins()).isEqualTo(CORSICAN);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("A local identifier already cross-referenced to another INS is IDENTIFIER_CONFLICT, and nothing changes")
    void localIdOfAnotherPatientIsAConflict(TestDatabase database) {
        start(database);
        feed(INS_A, new PatientId("IPP-1", HOSPITAL));
        assertThat(reasonOf(() -> feed(INS_B, new PatientId("IPP-1", HOSPITAL)))).isEqualTo(Reason.IDENTIFIER_CONFLICT);
        assertThat(registry.status(INS_B)).isEqualTo(PatientStatus.UNKNOWN);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("Revise (A08) needs a known patient, found by INS or by a local identifier")
    void reviseNeedsKnownPatient(TestDatabase database) {
        start(database);
        assertThat(reasonOf(() -> registry.revise(List.of(INS_A), traits("X", "Y"), List.of())))
                .isEqualTo(Reason.UNKNOWN_PATIENT);
        feed(INS_A, new PatientId("IPP-1", HOSPITAL));
        Patient revised = registry.revise(List.of(new PatientId("IPP-1", HOSPITAL)), traits("DURAND", "ANNE"), List.of());
        assertThat(revised.ins()).isEqualTo(INS_A);
        assertThat(revised.traits().birthName()).isEqualTo("DURAND");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("Merge of two patients: local ids move to the survivor, the subsumed INS is MERGED, listeners told")
    void mergeOfTwoPatients(TestDatabase database) {
        start(database);
        feed(INS_A, new PatientId("IPP-1", HOSPITAL));
        feed(INS_B, new PatientId("IPP-2", HOSPITAL), new PatientId("C-7", CLINIC));

        Patient survivor = registry.merge(List.of(INS_A), INS_B);

        assertThat(survivor.localIds()).containsExactlyInAnyOrder(new PatientId("IPP-1", HOSPITAL),
                new PatientId("IPP-2", HOSPITAL), new PatientId("C-7", CLINIC));
        assertThat(registry.status(INS_B)).isEqualTo(PatientStatus.MERGED);
        assertThat(registry.find(INS_B)).isEmpty();
        assertThat(merges).hasSize(1);
        assertThat(merges.get(0)).containsExactly(INS_B, INS_A);
        assertThat(reasonOf(() -> feed(INS_B))).isEqualTo(Reason.UNKNOWN_PATIENT);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("A merge whose surviving identifiers name a local id of the subsumed patient keeps it, once")
    void mergeWithSubsumedLocalIdInSurvivingList(TestDatabase database) {
        start(database);
        feed(INS_A);
        feed(INS_B, new PatientId("IPP-2", HOSPITAL));
        Patient survivor = registry.merge(List.of(INS_A, new PatientId("IPP-2", HOSPITAL)), INS_B);
        assertThat(survivor.localIds()).containsExactly(new PatientId("IPP-2", HOSPITAL));
        assertThat(feed(INS_A, new PatientId("IPP-2", HOSPITAL)).localIds()).containsExactly(new PatientId("IPP-2", HOSPITAL));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("Merge by a subsumed local identifier (MRG-1 an IPP): only that cross-reference goes; two INS never merge through a facility's IPP")
    void mergeByLocalIdentifier(TestDatabase database) {
        start(database);
        feed(INS_A, new PatientId("IPP-1", HOSPITAL), new PatientId("IPP-9", HOSPITAL));
        registry.merge(List.of(new PatientId("IPP-1", HOSPITAL)), new PatientId("IPP-9", HOSPITAL));
        assertThat(registry.find(INS_A).orElseThrow().localIds()).containsExactly(new PatientId("IPP-1", HOSPITAL));
        assertThat(merges).isEmpty();

        feed(INS_B, new PatientId("IPP-2", HOSPITAL), new PatientId("C-2", CLINIC));
        registry.merge(List.of(INS_A, new PatientId("IPP-1", HOSPITAL)), new PatientId("IPP-2", HOSPITAL));
        assertThat(registry.status(INS_B)).isEqualTo(PatientStatus.OPEN);
        assertThat(registry.find(new PatientId("IPP-2", HOSPITAL))).isEmpty();
        assertThat(registry.find(INS_B).orElseThrow().localIds()).containsExactly(new PatientId("C-2", CLINIC));
        assertThat(merges).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("Merge of an unknown patient is UNKNOWN_PATIENT and changes nothing; a patient cannot be merged into itself")
    void mergeOfUnknownPatientIsRefused(TestDatabase database) {
        start(database);
        feed(INS_A, new PatientId("IPP-1", HOSPITAL));
        assertThat(reasonOf(() -> registry.merge(List.of(INS_A), INS_B))).isEqualTo(Reason.UNKNOWN_PATIENT);
        assertThat(reasonOf(() -> registry.merge(List.of(INS_B), INS_A))).isEqualTo(Reason.UNKNOWN_PATIENT);
        assertThat(reasonOf(() -> registry.merge(List.of(INS_A), new PatientId("NOPE", HOSPITAL))))
                .isEqualTo(Reason.UNKNOWN_PATIENT);
        assertThat(reasonOf(() -> registry.merge(List.of(INS_A), INS_A))).isEqualTo(Reason.INVALID_IDENTIFIER);
        assertThat(registry.find(INS_A).orElseThrow().localIds()).containsExactly(new PatientId("IPP-1", HOSPITAL));
        assertThat(merges).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("A failing merge listener rolls the whole merge back")
    void failingListenerRollsMergeBack(TestDatabase database) {
        DataSource dataSource = database.fresh();
        PatientRegistry failing = new PatientRegistry(new JdbcTemplate(dataSource),
                new DataSourceTransactionManager(dataSource), Set.of(InsOids.NIR_TEST), List.of((a, b) -> {
                    throw new IllegalStateException("document registry unavailable");
                }), Clock.systemUTC());
        failing.feed(List.of(INS_A), traits("A", "B"), List.of());
        failing.feed(List.of(INS_B, new PatientId("IPP-2", HOSPITAL)), traits("A", "B"), List.of());

        assertThatThrownBy(() -> failing.merge(List.of(INS_A), INS_B)).isInstanceOf(IllegalStateException.class);
        assertThat(failing.status(INS_B)).isEqualTo(PatientStatus.OPEN);
        assertThat(failing.find(new PatientId("IPP-2", HOSPITAL))).map(Patient::ins).contains(INS_B);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("TD1.4 closes the DMP (reason and date kept); TD1.2 reactivates it; each refuses the wrong state")
    void closeAndReactivate(TestDatabase database) {
        start(database);
        feed(INS_A);
        Patient closed = registry.close(INS_A, "FERMETURE_DEMANDE_PATIENT");
        assertThat(closed.dmp().status()).isEqualTo(Dmp.Status.CLOSED);
        assertThat(closed.dmp().closureReason()).isEqualTo("FERMETURE_DEMANDE_PATIENT");
        assertThat(closed.dmp().closedAt()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(registry.status(INS_A)).isEqualTo(PatientStatus.CLOSED);
        assertThat(reasonOf(() -> registry.close(INS_A, "X"))).isEqualTo(Reason.DMP_CLOSED);

        assertThat(registry.reactivate(INS_A).dmp().isOpen()).isTrue();
        assertThat(reasonOf(() -> registry.reactivate(INS_A))).isEqualTo(Reason.DMP_OPEN);
        assertThat(reasonOf(() -> registry.close(INS_B, "X"))).isEqualTo(Reason.UNKNOWN_PATIENT);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("TD1.1 creates a DMP with the patient's choices; an existing one is ALREADY_EXISTS, a closed one DMP_CLOSED")
    void createWithChoices(TestDatabase database) {
        start(database);
        Patient created = registry.create(List.of(INS_A), traits("DUPONT", "MARIE"), List.of(),
                Dmp.open(true, true, false));
        assertThat(created.dmp()).isEqualTo(Dmp.open(true, true, false));
        assertThat(reasonOf(() -> registry.create(List.of(INS_A), traits("DUPONT", "MARIE"), List.of(),
                Dmp.open(true, false, false)))).isEqualTo(Reason.ALREADY_EXISTS);
        registry.close(INS_A, "X");
        assertThat(reasonOf(() -> registry.create(List.of(INS_A), traits("DUPONT", "MARIE"), List.of(),
                Dmp.open(true, false, false)))).isEqualTo(Reason.DMP_CLOSED);
        assertThat(registry.setOppositions(INS_A, false, true).dmp().oppositionCentre15()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("PDQ: family name matches birth or used name, without case or accents, exactly or by prefix with *; other traits narrow")
    void demographicSearch(TestDatabase database) {
        start(database);
        registry.feed(List.of(INS_A), new IdentityTraits("Lefèvre", "Martin", List.of("Élodie"), Sex.F,
                LocalDate.of(1980, 1, 2), "75056"), List.of());
        registry.feed(List.of(INS_B), new IdentityTraits("LEFEBVRE", null, List.of("PAUL"), Sex.M,
                LocalDate.of(1975, 3, 4), "69123"), List.of());

        assertThat(search(new PatientQuery("LEFEVRE", null, null, null, null, null))).containsExactly(INS_A);
        assertThat(search(new PatientQuery("martin", "elodie", null, null, null, null))).containsExactly(INS_A);
        assertThat(search(new PatientQuery("LEF*", null, null, null, null, null))).containsExactlyInAnyOrder(INS_A, INS_B);
        assertThat(search(new PatientQuery("LEF*", null, Sex.M, null, null, null))).containsExactly(INS_B);
        assertThat(search(new PatientQuery(null, null, null, LocalDate.of(1980, 1, 2), null, null))).containsExactly(INS_A);
        assertThat(search(new PatientQuery(null, null, null, null, "69123", null))).containsExactly(INS_B);
        assertThat(search(new PatientQuery(null, null, null, null, null, INS_B))).containsExactly(INS_B);
        assertThat(reasonOf(() -> registry.search(new PatientQuery(null, null, null, null, null, null), 0, 10)))
                .isEqualTo(Reason.INVALID_TRAIT);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("PDQ pages: offset and limit give every match exactly once")
    void demographicSearchPages(TestDatabase database) {
        start(database);
        List<PatientId> all = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            PatientId ins = ins(String.format("28001750%05d", i));
            all.add(ins);
            registry.feed(List.of(ins), traits("MARTIN", "JEANNE"), List.of());
        }
        List<PatientId> paged = new ArrayList<>();
        for (int offset = 0; offset < 9; offset += 3) {
            registry.search(new PatientQuery("MARTIN", null, null, null, null, null), offset, 3)
                    .forEach(p -> paged.add(p.ins()));
        }
        assertThat(paged).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("A patient merged into another is not found by PDQ")
    void mergedPatientsAreNotSearched(TestDatabase database) {
        start(database);
        feed(INS_A);
        feed(INS_B);
        registry.merge(List.of(INS_A), INS_B);
        assertThat(search(new PatientQuery("DUPONT", null, null, null, null, null))).containsExactly(INS_A);
    }

    private List<PatientId> search(PatientQuery query) {
        return registry.search(query, 0, 100).stream().map(Patient::ins).toList();
    }

    private interface Action {
        Object run();
    }

    private static Reason reasonOf(Action action) {
        try {
            action.run();
        } catch (PatientRegistryException e) {
            return e.reason();
        }
        throw new AssertionError("expected a PatientRegistryException");
    }
}
