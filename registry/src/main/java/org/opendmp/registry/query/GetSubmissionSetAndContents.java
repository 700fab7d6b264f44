package org.opendmp.registry.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GetSubmissionSetAndContents: one SubmissionSet, the DocumentEntries and Folders it has as
 * members (DocumentEntries filtered by format, confidentiality and type), the Folder-to-DocumentEntry
 * HasMember Associations it has as members (a registered document added to a Folder), and the
 * Associations linking the returned objects, among them the set's HasMember to those Associations.
 */
public final class GetSubmissionSetAndContents implements StoredQuery {

    public static final String ID = "urn:uuid:e8e3cb2c-e39c-46b9-99e4-c12f57260b83";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "GetSubmissionSetAndContents";
    }

    @Override
    public List<Row> execute(QueryParameters p, QueryContext context) {
        String parameter = p.oneOf("$XDSSubmissionSetEntryUUID", "$XDSSubmissionSetUniqueId");
        String column = parameter.equals("$XDSSubmissionSetEntryUUID") ? "s.uuid" : "s.unique_id";
        List<Row> sets = context.select("submission_set", "s", new Sql().eq(column, p.single(parameter, true)), null);
        if (sets.isEmpty()) {
            return List.of();
        }
        String setUuid = sets.get(0).uuid();
        Sql documents = new Sql().memberOf("d.uuid", setUuid);
        DocumentEntryFilters.withoutArchivedOrDeleted(documents);
        DocumentEntryFilters.formatAndConfidentiality(documents, p);
        DocumentEntryFilters.entryType(documents, p);
        Sql folders = new Sql().memberOf("f.uuid", setUuid);

        // Folder-to-DocumentEntry HasMember Associations the set has as members (a registered
        // document added to a Folder): returned with the set's HasMember to them.
        Sql memberAssociations = new Sql().memberOf("a.uuid", setUuid);

        Map<String, Row> rows = new LinkedHashMap<>();
        List<Row> objects = new ArrayList<>(sets);
        objects.addAll(context.select("document_entry", "d", documents, "d.creation_time, d.uuid"));
        objects.addAll(context.select("folder", "f", folders, "f.uuid"));
        objects.addAll(context.select("association", "a", memberAssociations, "a.uuid"));
        objects.forEach(row -> rows.putIfAbsent(row.uuid(), row));
        context.associationsAmong(List.copyOf(rows.keySet())).forEach(row -> rows.putIfAbsent(row.uuid(), row));
        return List.copyOf(rows.values());
    }
}
