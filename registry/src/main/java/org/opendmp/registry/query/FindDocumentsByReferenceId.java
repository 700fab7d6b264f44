package org.opendmp.registry.query;

import java.util.List;

/**
 * FindDocumentsByReferenceId (ITI TF-2a 3.18.4.1.2.3.7.14): FindDocuments restricted to the
 * DocumentEntries whose referenceIdList holds one of the given CXi values. Values are compared
 * whole; several Slots of $XDSDocumentEntryReferenceIdList are AND-ed, like the code lists.
 */
public final class FindDocumentsByReferenceId implements StoredQuery {

    public static final String ID = "urn:uuid:12941a89-e02e-4be5-967c-ce4bfc8fe492";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "FindDocumentsByReferenceId";
    }

    @Override
    public List<Row> execute(QueryParameters p, QueryContext context) {
        Sql sql = FindDocuments.criteria(p)
                .documentEntryReferenceIds(p.requiredAndOfOrs("$XDSDocumentEntryReferenceIdList"));
        return context.select("document_entry", "d", sql, "d.creation_time, d.uuid");
    }
}
