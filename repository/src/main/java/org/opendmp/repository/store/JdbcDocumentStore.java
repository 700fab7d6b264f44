package org.opendmp.repository.store;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Document bytes in the {@code document} table of the registry database (the default store). */
public class JdbcDocumentStore implements DocumentStore {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final String repositoryUniqueId;

    public JdbcDocumentStore(JdbcTemplate jdbc, String repositoryUniqueId) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.repositoryUniqueId = repositoryUniqueId;
    }

    @Override
    public void store(StoredDocument document) {
        jdbc.update("INSERT INTO document (unique_id, repository_unique_id, mime_type, document_hash, document_size,"
                        + " content) VALUES (?,?,?,?,?,?)",
                document.uniqueId(), repositoryUniqueId, document.mimeType(), document.hash(), document.size(),
                document.content());
    }

    @Override
    public Map<String, StoredDocument> find(Collection<String> uniqueIds) {
        Map<String, StoredDocument> found = new HashMap<>();
        if (uniqueIds.isEmpty()) {
            return found;
        }
        named.query("SELECT unique_id, mime_type, document_hash, document_size, content FROM document"
                        + " WHERE unique_id IN (:ids)", new MapSqlParameterSource("ids", uniqueIds),
                rs -> {
                    found.put(rs.getString(1), new StoredDocument(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getLong(4), rs.getBytes(5)));
                });
        return found;
    }

    @Override
    public Set<String> remove(Collection<String> uniqueIds) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(uniqueIds));
        Set<String> removed = new LinkedHashSet<>();
        if (ids.isEmpty()) {
            return removed;
        }
        // One DELETE per document: its update count says whether this call removed it.
        int[] counts = jdbc.batchUpdate("DELETE FROM document WHERE unique_id = ?",
                ids.stream().map(id -> new Object[] {id}).toList());
        for (int i = 0; i < ids.size(); i++) {
            if (counts[i] > 0) {
                removed.add(ids.get(i));
            }
        }
        return removed;
    }
}
