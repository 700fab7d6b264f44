package org.opendmp.registry.query;

import java.util.ArrayList;
import java.util.List;

/**
 * GetSubmissionSetAndContents: one SubmissionSet, the DocumentEntries and Folders it has as
 * members (DocumentEntries filtered by format, confidentiality and type), and the
 * Associations linking the returned objects.
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

        List<Row> rows = new ArrayList<>(sets);
        rows.addAll(context.select("document_entry", "d", documents, "d.creation_time, d.uuid"));
        rows.addAll(context.select("folder", "f", folders, "f.uuid"));
        rows.addAll(context.associationsAmong(rows.stream().map(Row::uuid).toList()));
        return rows;
    }
}
