package org.opendmp.registry.query;

import java.util.List;

/** GetDocuments: DocumentEntries by entryUUID or by uniqueId (all versions' statuses). */
public final class GetDocuments implements StoredQuery {

    public static final String ID = "urn:uuid:5c4f972b-d56b-40ac-a5fc-c8ca9b40b9d4";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "GetDocuments";
    }

    @Override
    public List<Row> execute(QueryParameters p, QueryContext context) {
        String parameter = p.oneOf("$XDSDocumentEntryEntryUUID", "$XDSDocumentEntryUniqueId");
        String column = parameter.equals("$XDSDocumentEntryEntryUUID") ? "d.uuid" : "d.unique_id";
        List<Row> rows = context.select("document_entry", "d", new Sql().in(column, p.requiredList(parameter)),
                "d.creation_time, d.uuid");
        QueryContext.requireSinglePatient(rows);
        return rows;
    }
}
