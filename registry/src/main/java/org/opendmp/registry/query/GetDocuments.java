package org.opendmp.registry.query;

import java.util.List;
import org.opendmp.registry.error.XdsErrorCode;
import org.opendmp.registry.error.XdsException;

/**
 * GetDocuments (ITI TF-2a 3.18.4.1.2.3.7.5): DocumentEntries by entryUUID, by uniqueId or, with
 * the Metadata Update option, by logicalID ($XDSDocumentEntryLogicalID, every version; only with
 * $MetadataLevel 2, as the NIST toolkit's registry requires). Any IHE status; at $MetadataLevel 1
 * only latest versions, so a uniqueId gives the current version.
 */
public final class GetDocuments implements StoredQuery {

    public static final String ID = "urn:uuid:5c4f972b-d56b-40ac-a5fc-c8ca9b40b9d4";
    private static final String LOGICAL_ID = "$XDSDocumentEntryLogicalID";

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
        String parameter;
        String column;
        if (p.has(LOGICAL_ID)) {
            if (p.has("$XDSDocumentEntryEntryUUID") || p.has("$XDSDocumentEntryUniqueId")) {
                throw new XdsException(XdsErrorCode.XDSStoredQueryParamNumber, "give one of $XDSDocumentEntryEntryUUID,"
                        + " $XDSDocumentEntryUniqueId or " + LOGICAL_ID);
            }
            if (context.metadataLevel() != 2) {
                throw new XdsException(XdsErrorCode.XDSRegistryError, LOGICAL_ID + " needs $MetadataLevel 2");
            }
            parameter = LOGICAL_ID;
            column = "d.lid";
        } else {
            parameter = p.oneOf("$XDSDocumentEntryEntryUUID", "$XDSDocumentEntryUniqueId");
            column = parameter.equals("$XDSDocumentEntryEntryUUID") ? "d.uuid" : "d.unique_id";
        }
        Sql sql = new Sql().in(column, p.requiredList(parameter));
        DocumentEntryFilters.withoutArchivedOrDeleted(sql);
        List<Row> rows = context.select("document_entry", "d", sql, "d.creation_time, d.entry_version, d.uuid");
        QueryContext.requireSinglePatient(rows);
        return rows;
    }
}
