package org.opendmp.registry.query;

import java.util.ArrayList;
import java.util.List;

/**
 * GetRelatedDocuments (ITI TF-2a 3.18.4.1.2.3.7.13): a DocumentEntry (by entryUUID or uniqueId),
 * the DocumentEntries linked to it, in either direction, by an Association of one of the
 * $AssociationTypes (full URNs: urn:ihe:iti:2007:AssociationType:RPLC, ...:XFRM, ...:APND,
 * ...:XFRM_RPLC, ...:signs), and those Associations. A document without such relations gives an
 * empty answer, not the document alone. $XDSDocumentEntryType filters the related documents
 * (stable ones when not given); the original document is returned whatever its type.
 */
public final class GetRelatedDocuments implements StoredQuery {

    public static final String ID = "urn:uuid:d90e5407-b356-4d91-a89f-873917b4b0e6";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "GetRelatedDocuments";
    }

    @Override
    public List<Row> execute(QueryParameters p, QueryContext context) {
        String parameter = p.oneOf("$XDSDocumentEntryEntryUUID", "$XDSDocumentEntryUniqueId");
        String column = parameter.equals("$XDSDocumentEntryEntryUUID") ? "d.uuid" : "d.unique_id";
        String document = p.single(parameter, true);
        List<String> types = p.requiredList("$AssociationTypes");
        Sql original = new Sql().eq(column, document);
        DocumentEntryFilters.withoutArchivedOrDeleted(original);
        List<Row> originals = context.select("document_entry", "d", original, null);
        if (originals.isEmpty()) {
            return List.of();
        }
        String originalUuid = originals.get(0).uuid();

        String typeIn = Sql.placeholders(types.size());
        Sql relatedDocuments = new Sql().condition("d.uuid IN ("
                + "SELECT a.target_uuid FROM association a WHERE a.source_uuid = ? AND a.association_type IN (" + typeIn + ")"
                + " UNION SELECT a.source_uuid FROM association a WHERE a.target_uuid = ? AND a.association_type IN ("
                + typeIn + "))", twice(originalUuid, types));
        DocumentEntryFilters.entryType(relatedDocuments, p);
        DocumentEntryFilters.withoutArchivedOrDeleted(relatedDocuments);
        List<Row> related = context.select("document_entry", "d", relatedDocuments, "d.creation_time, d.uuid");
        if (related.isEmpty()) {
            return List.of();
        }

        List<String> relatedUuids = related.stream().map(Row::uuid).toList();
        String relatedIn = Sql.placeholders(relatedUuids.size());
        Sql links = new Sql().in("a.association_type", types)
                .condition("((a.source_uuid = ? AND a.target_uuid IN (" + relatedIn + "))"
                        + " OR (a.target_uuid = ? AND a.source_uuid IN (" + relatedIn + ")))",
                        twice(originalUuid, relatedUuids));

        List<Row> rows = new ArrayList<>(originals.subList(0, 1));
        rows.addAll(related);
        rows.addAll(context.select("association", "a", links, "a.uuid"));
        return rows;
    }

    /** The bind values of a condition on both directions: the original then the list, twice. */
    private static Object[] twice(String original, List<String> values) {
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            args.add(original);
            args.addAll(values);
        }
        return args.toArray();
    }
}
