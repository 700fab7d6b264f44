package org.opendmp.registry.remove;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.opendmp.registry.store.RegistryStore.Kind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The SQL of ITI-62 Remove Metadata: reads the Associations the removal rules look at, then
 * deletes. Joins the caller's transaction. The rows that hang off a DocumentEntry (codes,
 * authors, referenceIdList), a Folder (codeList) or a SubmissionSet (authors) go with it
 * through their ON DELETE CASCADE foreign keys.
 */
public class RemovalStore {

    /** An Association as the removal rules see it. */
    public record Link(String uuid, String source, String target) {

        boolean touches(String object) {
            return source.equals(object) || target.equals(object);
        }
    }

    private static final RowMapper<Link> LINK = (rs, n) ->
            new Link(rs.getString(1), rs.getString(2), rs.getString(3));

    private final NamedParameterJdbcTemplate named;

    public RemovalStore(JdbcTemplate jdbc) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** The Associations having one of these entryUUIDs. */
    public List<Link> associations(Collection<String> uuids) {
        if (uuids.isEmpty()) {
            return List.of();
        }
        return named.query("SELECT uuid, source_uuid, target_uuid FROM association"
                + " WHERE uuid IN (:ids)", new MapSqlParameterSource("ids", uuids), LINK);
    }

    /** Every Association whose sourceObject or targetObject is one of these objects. */
    public List<Link> associationsTouching(Collection<String> objects) {
        if (objects.isEmpty()) {
            return List.of();
        }
        return named.query("SELECT uuid, source_uuid, target_uuid FROM association"
                        + " WHERE source_uuid IN (:ids) UNION SELECT uuid, source_uuid, target_uuid"
                        + " FROM association WHERE target_uuid IN (:ids)",
                new MapSqlParameterSource("ids", objects), LINK);
    }

    /** The DocumentEntries that were submitted in one of these SubmissionSets. */
    public List<String> documentEntriesSubmittedIn(Collection<String> submissionSets) {
        if (submissionSets.isEmpty()) {
            return List.of();
        }
        return named.queryForList("SELECT uuid FROM document_entry WHERE submission_set_uuid IN (:ids)",
                new MapSqlParameterSource("ids", submissionSets), String.class);
    }

    /**
     * Deletes these objects, Associations first and SubmissionSets last (a DocumentEntry row
     * refers to its SubmissionSet). Returns how many objects were deleted.
     */
    public int delete(Map<Kind, List<String>> objectsByKind) {
        int deleted = 0;
        deleted += delete("association", objectsByKind.get(Kind.ASSOCIATION));
        deleted += delete("document_entry", objectsByKind.get(Kind.DOCUMENT_ENTRY));
        deleted += delete("folder", objectsByKind.get(Kind.FOLDER));
        deleted += delete("submission_set", objectsByKind.get(Kind.SUBMISSION_SET));
        return deleted;
    }

    private int delete(String table, List<String> uuids) {
        if (uuids == null || uuids.isEmpty()) {
            return 0;
        }
        // The table name is one of the four constants above, never request text.
        return named.update("DELETE FROM " + table + " WHERE uuid IN (:ids)",
                new MapSqlParameterSource("ids", new ArrayList<>(uuids)));
    }
}
