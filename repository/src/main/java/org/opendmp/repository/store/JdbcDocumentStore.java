package org.opendmp.repository.store;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
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
}
