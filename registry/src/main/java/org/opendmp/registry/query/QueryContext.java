package org.opendmp.registry.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.opendmp.registry.access.DocumentVisibility;
import org.opendmp.registry.access.HiddenDocuments;
import org.opendmp.registry.ebrim.XdsVocabulary;
import org.opendmp.registry.error.XdsErrorCode;
import org.opendmp.registry.error.XdsException;
import org.opendmp.registry.hl7.Cx;
import org.opendmp.registry.hl7.Dtm;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a stored query runs against: the registry tables, the requested return type
 * (LeafClass fetches the stored ebRIM, ObjectRef only ids), the cap on answer size and the
 * DocumentEntries the caller may not see.
 *
 * <p>A hidden DocumentEntry does not exist for the query: {@link #select} leaves it out, and
 * leaves out every Association having it as source or target, before counting the answer
 * against the cap. The queries that start from given objects ask {@link #hidden} first and treat
 * hidden ones as unknown.
 */
public final class QueryContext {

    /** The largest page read when hidden objects make a query read past its cap. */
    private static final int MAX_PAGE = 10_000;

    private final JdbcTemplate jdbc;
    private final boolean leafClass;
    private final int maxResults;
    private final int metadataLevel;
    private final HiddenDocuments hiddenDocuments;
    private final String patientScope;
    private int returned;

    public QueryContext(JdbcTemplate jdbc, boolean leafClass, int maxResults) {
        this(jdbc, leafClass, maxResults, 1);
    }

    /**
     * {@code metadataLevel} is the query's $MetadataLevel (ITI TF-2a 3.18.4.1.2.3.5.1, XDS Metadata
     * Update): at 1, the default, answers hold only the latest version of each DocumentEntry and
     * Folder, no Deprecated Folder and no Deprecated Association; at 2 they hold every version.
     */
    public QueryContext(JdbcTemplate jdbc, boolean leafClass, int maxResults, int metadataLevel) {
        this(jdbc, leafClass, maxResults, metadataLevel, new HiddenDocuments(null, DocumentVisibility.ALL));
    }

    /** A query for a caller who may not see the DocumentEntries {@code hidden} names. */
    public QueryContext(JdbcTemplate jdbc, boolean leafClass, int maxResults, int metadataLevel,
                        HiddenDocuments hidden) {
        this(jdbc, leafClass, maxResults, metadataLevel, hidden, null);
    }

    /**
     * A query for a caller who may not see the DocumentEntries {@code hidden} names, nor any object of
     * another patient than {@code patientScope} (null: any patient).
     */
    public QueryContext(JdbcTemplate jdbc, boolean leafClass, int maxResults, int metadataLevel,
                        HiddenDocuments hidden, String patientScope) {
        this.patientScope = patientScope;
        this.jdbc = jdbc;
        this.leafClass = leafClass;
        this.maxResults = maxResults;
        this.metadataLevel = metadataLevel;
        this.hiddenDocuments = hidden;
    }

    /** $MetadataLevel: 1 when absent; 1 or 2 otherwise (XDSRegistryError for anything else). */
    static int metadataLevel(QueryParameters parameters) {
        String value = parameters.single("$MetadataLevel", false);
        if (value == null || value.equals("1")) {
            return 1;
        }
        if (value.equals("2")) {
            return 2;
        }
        throw new XdsException(XdsErrorCode.XDSRegistryError, "$MetadataLevel is 1 or 2, not " + value);
    }

    int metadataLevel() {
        return metadataLevel;
    }

    /** Those of these objects that are DocumentEntries the caller may not see. */
    Set<String> hidden(Collection<String> uuids) {
        return hiddenDocuments.among(uuids);
    }

    /** The entryUUIDs of the DocumentEntries (every version, every status) with this uniqueId. */
    List<String> documentsWithUniqueId(String uniqueId) {
        return jdbc.queryForList("SELECT uuid FROM document_entry WHERE unique_id = ?", String.class, uniqueId);
    }

    /** Whether some DocumentEntries may be hidden from the caller. */
    boolean restricted() {
        return hiddenDocuments.restricted();
    }

    /**
     * Objects of one table ({@code table alias}) matching the clause, oldest first, without the
     * DocumentEntries the caller may not see and the Associations to or from them.
     */
    List<Row> select(String table, String alias, Sql sql, String orderBy) {
        if (metadataLevel == 1) {
            levelOne(table, alias, sql);
        }
        if (patientScope != null) {
            sql.condition(alias + ".patient_id = ?", patientScope);
        }
        if (restricted() && (table.equals("document_entry") || table.equals("association"))) {
            return counted(visible(table, alias, sql, orderBy == null ? alias + ".uuid" : orderBy));
        }
        String columns = alias + ".uuid, " + alias + ".patient_id" + (leafClass ? ", " + alias + ".ebrim" : "");
        String query = "SELECT " + columns + " FROM " + table + " " + alias + " WHERE " + sql.where()
                + (orderBy == null ? "" : " ORDER BY " + orderBy) + " LIMIT " + (maxResults + 1 - returned);
        List<Row> rows = jdbc.query(query, (rs, n) -> new Row(rs.getString(1), rs.getString(2),
                leafClass ? rs.getString(3) : null), sql.args());
        return counted(rows);
    }

    /** An object read by {@link #visible}: an Association also has its ends. */
    private record Candidate(Row row, String source, String target) {
    }

    /**
     * The visible objects matching the clause, read page after page (ordered by {@code orderBy},
     * which names a unique column last) until one more than the cap allows are visible or none is
     * left: hidden objects never take a visible one's place. Each page costs one more statement,
     * loading the facts of the page's DocumentEntries or of its Associations' ends.
     */
    private List<Row> visible(String table, String alias, Sql sql, String orderBy) {
        boolean associations = table.equals("association");
        String columns = alias + ".uuid, " + alias + ".patient_id, " + (leafClass ? alias + ".ebrim" : "NULL")
                + (associations ? ", " + alias + ".source_uuid, " + alias + ".target_uuid" : "");
        String query = "SELECT " + columns + " FROM " + table + " " + alias + " WHERE " + sql.where()
                + " ORDER BY " + orderBy;
        int wanted = maxResults + 1 - returned;
        List<Row> visible = new ArrayList<>();
        Set<String> read = new HashSet<>(); // a row registered meanwhile may shift the pages: read each once
        int offset = 0;
        int page = wanted;
        while (true) {
            List<Candidate> candidates = jdbc.query(query + " LIMIT " + page + " OFFSET " + offset, (rs, n) ->
                    new Candidate(new Row(rs.getString(1), rs.getString(2), rs.getString(3)),
                            associations ? rs.getString(4) : null, associations ? rs.getString(5) : null), sql.args());
            Set<String> hiddenAmong = hidden(associations
                    ? candidates.stream().flatMap(c -> Stream.of(c.source(), c.target())).toList()
                    : candidates.stream().map(c -> c.row().uuid()).toList());
            for (Candidate candidate : candidates) {
                boolean shown = associations
                        ? !hiddenAmong.contains(candidate.source()) && !hiddenAmong.contains(candidate.target())
                        : !hiddenAmong.contains(candidate.row().uuid());
                if (shown && read.add(candidate.row().uuid())) {
                    visible.add(candidate.row());
                }
            }
            if (candidates.size() < page || visible.size() >= wanted) {
                return visible;
            }
            offset += page;
            page = Math.max(wanted - visible.size(), Math.min(page * 2, MAX_PAGE));
        }
    }

    /** The $MetadataLevel 1 view: latest versions only, no Deprecated Folder or Association. */
    private static void levelOne(String table, String alias, Sql sql) {
        if (table.equals("document_entry") || table.equals("folder")) {
            sql.condition("NOT EXISTS (SELECT 1 FROM " + table + " v WHERE v.lid = " + alias + ".lid"
                    + " AND v.entry_version > " + alias + ".entry_version)");
        }
        if (table.equals("folder") || table.equals("association")) {
            sql.condition(alias + ".status <> ?", XdsVocabulary.STATUS_DEPRECATED);
        }
    }

    /** Associations with both ends among the given objects. */
    List<Row> associationsAmong(Collection<String> uuids) {
        if (uuids.isEmpty()) {
            return List.of();
        }
        Set<String> ends = new HashSet<>(uuids);
        String in = Sql.placeholders(ends.size());
        List<Object> args = new ArrayList<>(ends);
        args.addAll(ends);
        String columns = "uuid, patient_id, source_uuid, target_uuid, status" + (leafClass ? ", ebrim" : "");
        List<Row> rows = new ArrayList<>();
        jdbc.query("SELECT " + columns + " FROM association WHERE source_uuid IN (" + in + ") OR target_uuid IN ("
                + in + ") ORDER BY uuid", rs -> {
                    boolean hidden = metadataLevel == 1 && XdsVocabulary.STATUS_DEPRECATED.equals(rs.getString(5));
                    if (!hidden && ends.contains(rs.getString(3)) && ends.contains(rs.getString(4))) {
                        rows.add(new Row(rs.getString(1), rs.getString(2), leafClass ? rs.getString(6) : null));
                    }
                }, args.toArray());
        return counted(rows);
    }

    /** Counts rows into the answer; XDSTooManyResults once the answer passes the cap. */
    private List<Row> counted(List<Row> rows) {
        returned += rows.size();
        if (returned > maxResults) {
            throw new XdsException(XdsErrorCode.XDSTooManyResults,
                    "the query matches more than " + maxResults + " objects: narrow it down");
        }
        return rows;
    }

    static String patientId(String value, String parameter) {
        return Cx.parse(value, parameter).canonical();
    }

    static Long time(QueryParameters parameters, String name) {
        String value = parameters.single(name, false);
        return value == null ? null : Dtm.parse(value, name).lowerBound();
    }

    static void requireSinglePatient(List<Row> rows) {
        if (rows.stream().map(Row::patientId).distinct().count() > 1) {
            throw new XdsException(XdsErrorCode.XDSResultNotSinglePatient,
                    "the requested objects belong to more than one patient");
        }
    }
}
