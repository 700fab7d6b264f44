package org.opendmp.registry.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendmp.registry.ebrim.XdsVocabulary.STATUS_APPROVED;
import static org.opendmp.registry.ebrim.XdsVocabulary.STATUS_DEPRECATED;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opendmp.registry.hl7.Cx;
import org.opendmp.registry.model.Submission;
import org.opendmp.registry.testsupport.Submissions;
import org.opendmp.registry.testsupport.TestRegistry;
import org.opendmp.security.access.DocumentFacts;
import org.opendmp.testsupport.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The DocumentFacts the access rules get of stored DocumentEntries: read in one statement from
 * the entry, its codes and its author ids; for entries registered before V1_7, from the stored
 * ebRIM until {@link AuthorIdBackfill} has run.
 */
class DocumentFactsStoreTest {

    private static final String REPOSITORY = "1.2.250.1.213.4.1.1.1.2";
    private static final String MASQUE_PS = "MASQUE_PS^^1.2.250.1.213.1.1.4.13";
    /** A second author: known by name only, institution with an XON.3 id only. */
    private static final String SECOND_AUTHOR = "<Classification classificationScheme=\"urn:uuid:93606bcf-9494-43ec-9b4e-a7748d1a838d\""
            + " classifiedObject=\"Document01\" id=\"author09\" nodeRepresentation=\"\">"
            + "<Slot name=\"authorPerson\"><ValueList><Value>^NOID^BOB</Value></ValueList></Slot>"
            + "<Slot name=\"authorInstitution\"><ValueList><Value>OLD HOSPITAL^^4711</Value>"
            + "<Value>NAME ONLY</Value></ValueList></Slot></Classification>";

    private TestRegistry registry;
    private JdbcTemplate jdbc;
    private DocumentFactsStore store;
    private String patient;

    private void start(TestDatabase database) {
        registry = new TestRegistry(database);
        jdbc = new JdbcTemplate(registry.dataSource());
        store = new DocumentFactsStore(jdbc);
        patient = Submissions.patient(Submissions.nir(2_750_000_000_000L + Submissions.next() % 1_000_000));
    }

    private Submission registerMasked(long sequence) {
        String xml = Submissions.withConfidentiality(Submissions.template(patient, sequence), "Document01", MASQUE_PS)
                .replace("<Classification classificationScheme=\"urn:uuid:41a5887f", SECOND_AUTHOR
                        + "<Classification classificationScheme=\"urn:uuid:41a5887f");
        return registry.register(xml);
    }

    private DocumentFacts expected(Submission submission, String status) {
        var entry = submission.documentEntries().get(0);
        return new DocumentFacts(entry.entryUuid(), entry.uniqueId(), Cx.parse(patient, "patientId").canonical(), status,
                "10", "11488-4", "2.16.840.1.113883.6.1", Set.of("N", "MASQUE_PS"), Set.of("899900063480"),
                Set.of("1999999999", "4711"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("the facts of a registered DocumentEntry: bare codes, typeCode scheme, XCN.1 and XON.10 / XON.3 ids")
    void readsTheFactsOfARegisteredEntry(TestDatabase database) {
        start(database);
        Submission submission = registerMasked(Submissions.next());
        String uuid = submission.documentEntries().get(0).entryUuid();

        Map<String, EntryFacts> found = store.byUuid(List.of(uuid, submission.submissionSet().entryUuid(),
                "urn:uuid:00000000-0000-0000-0000-000000000000"));

        assertThat(found).containsOnlyKeys(uuid);
        assertThat(found.get(uuid).facts()).isEqualTo(expected(submission, STATUS_APPROVED));
        assertThat(found.get(uuid).latestVersion()).isSameAs(found.get(uuid).facts());
        assertThat(jdbc.queryForList("SELECT attribute || '=' || author_id FROM document_entry_author_id"
                + " WHERE entry_uuid = ?", String.class, uuid)).containsExactlyInAnyOrder(
                "authorPerson=899900063480", "authorInstitution=1999999999", "authorInstitution=4711");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("entries registered before V1_7: author ids read from the stored ebRIM, then backfilled alike")
    void readsLegacyEntriesFromTheirEbrimUntilTheBackfillHasRun(TestDatabase database) {
        start(database);
        Submission first = registerMasked(Submissions.next());
        Submission second = registerMasked(Submissions.next());
        List<String> uuids = List.of(first.documentEntries().get(0).entryUuid(), second.documentEntries().get(0).entryUuid());
        Map<String, EntryFacts> indexed = store.byUuid(uuids);
        jdbc.update("DELETE FROM document_entry_author_id");
        jdbc.update("UPDATE document_entry SET author_ids_indexed = FALSE");

        assertThat(store.byUuid(uuids)).isEqualTo(indexed);
        assertThat(store.byUuid(uuids).get(uuids.get(0)).facts()).isEqualTo(expected(first, STATUS_APPROVED));

        AuthorIdBackfill backfill = new AuthorIdBackfill(jdbc,
                new TransactionTemplate(new DataSourceTransactionManager(registry.dataSource())));
        assertThat(backfill.run(1)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM document_entry WHERE author_ids_indexed = FALSE",
                Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM document_entry_author_id", Integer.class)).isEqualTo(6);
        assertThat(store.byUuid(uuids)).isEqualTo(indexed);
        assertThat(backfill.run(10)).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("an older version comes with the facts of the latest version; ITI-43 looks up latest versions by uniqueId")
    void versionsComeWithTheirLatestVersion(TestDatabase database) {
        start(database);
        long sequence = Submissions.next();
        Submission v1 = registry.register(Submissions.template(patient, sequence));
        String v1Uuid = v1.documentEntries().get(0).entryUuid();
        Submission v2 = registry.update(Submissions.newVersion(patient, sequence, v1Uuid, 1, MASQUE_PS));
        String v2Uuid = v2.documentEntries().get(0).entryUuid();
        String uniqueId = v1.documentEntries().get(0).uniqueId();

        Map<String, EntryFacts> found = store.byUuid(List.of(v1Uuid));
        assertThat(found.get(v1Uuid).facts().availabilityStatus()).isEqualTo(STATUS_DEPRECATED);
        assertThat(found.get(v1Uuid).facts().confidentialityCodes()).containsExactly("N");
        assertThat(found.get(v1Uuid).latestVersion().entryUuid()).isEqualTo(v2Uuid);
        assertThat(found.get(v1Uuid).latestVersion().confidentialityCodes()).containsExactlyInAnyOrder("N", "MASQUE_PS");
        assertThat(found.get(v1Uuid).latestVersion().authorInstitutionIds()).as("written for the ITI-57 version")
                .containsExactly("1999999999");
        DocumentVisibility noMasque = facts -> !facts.confidentialityCodes().contains("MASQUE_PS");
        assertThat(found.get(v1Uuid).visibleTo(noMasque)).as("v1, masked by v2").isFalse();
        assertThat(found.get(v1Uuid).visibleTo(DocumentVisibility.ALL)).isTrue();

        Map<String, List<DocumentFacts>> latest = store.latestByUniqueId(REPOSITORY, List.of(uniqueId, "1.2.3.4"));
        assertThat(latest).containsOnlyKeys(uniqueId);
        assertThat(latest.get(uniqueId)).extracting(DocumentFacts::entryUuid).containsExactly(v2Uuid);
        assertThat(store.latestByUniqueId("1.2.250.1.999.77", List.of(uniqueId))).isEmpty();
    }
}
