package org.opendmp.registry.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opendmp.registry.model.Code;
import org.opendmp.registry.model.DocumentEntry;
import org.opendmp.security.access.DocumentFacts;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Loads the {@link DocumentFacts} of stored DocumentEntries: one statement per batch of up to
 * {@value #BATCH} entries, reading the entry's columns, its confidentialityCodes and its author
 * ids together. Entries registered before author ids were stored apart (V1_7) have theirs read
 * from the stored ebRIM until {@link AuthorIdBackfill} has indexed them. Joins the caller's
 * transaction.
 */
public class DocumentFactsStore {

    static final int BATCH = 1000;

    /** The latest version of the logical document of {@code v}. */
    private static final String LATEST = "NOT EXISTS (SELECT 1 FROM document_entry n WHERE n.lid = v.lid"
            + " AND n.entry_version > v.entry_version)";

    private final JdbcTemplate jdbc;

    public DocumentFactsStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The facts of the DocumentEntries among these entryUUIDs, each with the facts of its latest
     * version; uuids of other objects, or of nothing, are left out.
     */
    public Map<String, EntryFacts> byUuid(Collection<String> uuids) {
        Map<String, EntryFacts> found = new HashMap<>();
        List<String> distinct = List.copyOf(new LinkedHashSet<>(uuids));
        for (int from = 0; from < distinct.size(); from += BATCH) {
            List<String> batch = distinct.subList(from, Math.min(distinct.size(), from + BATCH));
            Map<String, Loaded> loaded = load("SELECT v.uuid FROM document_entry x JOIN document_entry v ON v.lid = x.lid"
                    + " WHERE x.uuid IN (" + placeholders(batch.size()) + ") AND (v.uuid = x.uuid OR " + LATEST + ")",
                    batch.toArray());
            Map<String, Loaded> latest = new HashMap<>();
            for (Loaded entry : loaded.values()) {
                latest.merge(entry.lid, entry, (a, b) -> a.version >= b.version ? a : b);
            }
            for (String uuid : batch) {
                Loaded entry = loaded.get(uuid);
                if (entry != null) {
                    found.put(uuid, new EntryFacts(entry.facts, latest.get(entry.lid).facts));
                }
            }
        }
        return found;
    }

    /**
     * The facts of the latest version of every DocumentEntry of these document uniqueIds held by
     * this repository, by uniqueId (several when the document was registered again under another
     * entry); uniqueIds the registry does not know are left out. For ITI-43.
     */
    public Map<String, List<DocumentFacts>> latestByUniqueId(String repositoryUniqueId, Collection<String> uniqueIds) {
        Map<String, List<DocumentFacts>> found = new HashMap<>();
        List<String> distinct = List.copyOf(new LinkedHashSet<>(uniqueIds));
        for (int from = 0; from < distinct.size(); from += BATCH) {
            List<String> batch = distinct.subList(from, Math.min(distinct.size(), from + BATCH));
            List<Object> args = new ArrayList<>();
            args.add(repositoryUniqueId);
            args.addAll(batch);
            load("SELECT v.uuid FROM document_entry v WHERE v.repository_unique_id = ? AND v.unique_id IN ("
                    + placeholders(batch.size()) + ") AND " + LATEST, args.toArray())
                    .values().forEach(entry ->
                            found.computeIfAbsent(entry.facts.uniqueId(), k -> new ArrayList<>()).add(entry.facts));
        }
        return found;
    }

    /** The facts of a DocumentEntry of a submission, before it is stored. */
    public static DocumentFacts of(DocumentEntry entry, String availabilityStatus) {
        AuthorIds authors = AuthorIds.of(entry.authors());
        Set<String> confidentiality = new HashSet<>();
        entry.confidentialityCodes().forEach(code -> confidentiality.add(code.code()));
        return new DocumentFacts(entry.entryUuid(), entry.uniqueId(), entry.patientId().canonical(), availabilityStatus,
                entry.classCode().code(), entry.typeCode().code(), entry.typeCode().scheme(), confidentiality,
                authors.persons(), authors.institutions());
    }

    /** One stored version being read. */
    private static final class Loaded {
        final String uuid;
        final String lid;
        final int version;
        final String[] columns;
        final String legacyEbrim;
        final Set<String> confidentiality = new HashSet<>();
        final Set<String> persons = new HashSet<>();
        final Set<String> institutions = new HashSet<>();
        DocumentFacts facts;

        Loaded(String uuid, String lid, int version, String[] columns, String legacyEbrim) {
            this.uuid = uuid;
            this.lid = lid;
            this.version = version;
            this.columns = columns;
            this.legacyEbrim = legacyEbrim;
        }
    }

    /**
     * One statement: the entries {@code wanted} selects (a query of their uuids, alias {@code v}),
     * then their confidentialityCodes, then their author ids, as rows of one shape told apart by
     * their second column.
     */
    private Map<String, Loaded> load(String wanted, Object[] args) {
        String sql = "WITH wanted (uuid) AS (" + wanted + ")"
                + " SELECT d.uuid, 'entry', d.unique_id, d.patient_id, d.status, d.class_code, d.type_code, d.lid,"
                + " d.entry_version, CASE WHEN d.author_ids_indexed THEN NULL ELSE d.ebrim END"
                + " FROM document_entry d WHERE d.uuid IN (SELECT w.uuid FROM wanted w)"
                + " UNION ALL SELECT c.entry_uuid, c.attribute, c.code, NULL, NULL, NULL, NULL, NULL, NULL, NULL"
                + " FROM document_entry_code c WHERE c.attribute = 'confidentialityCode'"
                + " AND c.entry_uuid IN (SELECT w.uuid FROM wanted w)"
                + " UNION ALL SELECT a.entry_uuid, a.attribute, a.author_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL"
                + " FROM document_entry_author_id a WHERE a.entry_uuid IN (SELECT w.uuid FROM wanted w)";
        Map<String, Loaded> entries = new HashMap<>();
        List<String[]> values = new ArrayList<>();
        jdbc.query(sql, rs -> {
            if ("entry".equals(rs.getString(2))) {
                String uuid = rs.getString(1);
                entries.put(uuid, new Loaded(uuid, rs.getString(8), rs.getInt(9), new String[] {
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)},
                        rs.getString(10)));
            } else {
                values.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }, args);
        for (String[] value : values) {
            Loaded entry = entries.get(value[0]);
            if (entry == null) {
                continue;
            }
            switch (value[1]) {
                case AuthorIds.PERSON -> entry.persons.add(value[2]);
                case AuthorIds.INSTITUTION -> entry.institutions.add(value[2]);
                default -> entry.confidentiality.add(code(value[2]));
            }
        }
        entries.values().forEach(DocumentFactsStore::complete);
        return entries;
    }

    private static void complete(Loaded entry) {
        if (entry.legacyEbrim != null) {
            AuthorIds authors = AuthorIds.fromEbrim(entry.legacyEbrim);
            entry.persons.addAll(authors.persons());
            entry.institutions.addAll(authors.institutions());
        }
        String[] c = entry.columns;
        entry.facts = new DocumentFacts(entry.uuid, c[0], c[1], c[2], code(c[3]), code(c[4]), scheme(c[4]),
                entry.confidentiality, entry.persons, entry.institutions);
    }

    /** The code of a stored {@code code^^scheme} ({@link Code#key()}). */
    static String code(String key) {
        int at = key.lastIndexOf("^^");
        return at < 0 ? key : key.substring(0, at);
    }

    static String scheme(String key) {
        int at = key.lastIndexOf("^^");
        return at < 0 ? null : key.substring(at + 2);
    }

    static String placeholders(int count) {
        return String.join(",", java.util.Collections.nCopies(count, "?"));
    }
}
