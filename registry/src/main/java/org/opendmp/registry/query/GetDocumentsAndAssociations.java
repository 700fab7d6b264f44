package org.opendmp.registry.query;

import java.util.ArrayList;
import java.util.List;

/**
 * GetDocumentsAndAssociations (ITI TF-2a 3.18.4.1.2.3.7.8): DocumentEntries by entryUUID or by
 * uniqueId, and every Association having one of them as source or target.
 */
public final class GetDocumentsAndAssociations implements StoredQuery {

    public static final String ID = "urn:uuid:bab9529a-4a10-40b3-a01f-f68a615d247a";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "GetDocumentsAndAssociations";
    }

    @Override
    public List<Row> execute(QueryParameters p, QueryContext context) {
        String parameter = p.oneOf("$XDSDocumentEntryEntryUUID", "$XDSDocumentEntryUniqueId");
        String column = parameter.equals("$XDSDocumentEntryEntryUUID") ? "d.uuid" : "d.unique_id";
        Sql documents = new Sql().in(column, p.requiredList(parameter));
        DocumentEntryFilters.withoutArchivedOrDeleted(documents);
        List<Row> rows = new ArrayList<>(context.select("document_entry", "d", documents, "d.creation_time, d.uuid"));
        if (rows.isEmpty()) {
            return rows;
        }
        Sql links = new Sql().sourceOrTargetIn(rows.stream().map(Row::uuid).toList());
        rows.addAll(context.select("association", "a", links, "a.uuid"));
        QueryContext.requireSinglePatient(rows);
        return rows;
    }
}
