package org.opendmp.registry.query;

import java.util.ArrayList;
import java.util.List;
import org.opendmp.registry.ebrim.XdsVocabulary;

/**
 * GetFolderAndContents (ITI TF-2a 3.18.4.1.2.3.7.11): one Folder, the DocumentEntries it has as
 * members (filtered by format, confidentiality and type) and the HasMember Associations from the
 * Folder to the returned DocumentEntries.
 */
public final class GetFolderAndContents implements StoredQuery {

    public static final String ID = "urn:uuid:b909a503-523d-4517-8acf-8e5834dfc4c7";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "GetFolderAndContents";
    }

    @Override
    public List<Row> execute(QueryParameters p, QueryContext context) {
        String parameter = p.oneOf("$XDSFolderEntryUUID", "$XDSFolderUniqueId");
        String column = parameter.equals("$XDSFolderEntryUUID") ? "f.uuid" : "f.unique_id";
        List<Row> folders = context.select("folder", "f", new Sql().eq(column, p.single(parameter, true)), null);
        if (folders.isEmpty()) {
            return List.of();
        }
        String folderUuid = folders.get(0).uuid();

        Sql documents = new Sql().memberOf("d.uuid", folderUuid);
        DocumentEntryFilters.withoutArchivedOrDeleted(documents);
        DocumentEntryFilters.formatAndConfidentiality(documents, p);
        DocumentEntryFilters.entryType(documents, p);
        List<Row> entries = context.select("document_entry", "d", documents, "d.creation_time, d.uuid");

        List<Row> rows = new ArrayList<>(folders);
        rows.addAll(entries);
        if (!entries.isEmpty()) {
            Sql links = new Sql().eq("a.source_uuid", folderUuid).eq("a.association_type", XdsVocabulary.HAS_MEMBER)
                    .in("a.target_uuid", entries.stream().map(Row::uuid).toList());
            rows.addAll(context.select("association", "a", links, "a.uuid"));
        }
        return rows;
    }
}
