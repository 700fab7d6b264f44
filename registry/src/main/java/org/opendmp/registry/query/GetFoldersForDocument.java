package org.opendmp.registry.query;

import java.util.List;
import org.opendmp.registry.ebrim.XdsVocabulary;

/**
 * GetFoldersForDocument (ITI TF-2a 3.18.4.1.2.3.7.12): the Folders having one DocumentEntry,
 * given by entryUUID or by uniqueId, as a member (HasMember from the Folder).
 */
public final class GetFoldersForDocument implements StoredQuery {

    public static final String ID = "urn:uuid:10cae35a-c7f9-4cf5-b61e-fc3278ffb578";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "GetFoldersForDocument";
    }

    @Override
    public List<Row> execute(QueryParameters p, QueryContext context) {
        String parameter = p.oneOf("$XDSDocumentEntryEntryUUID", "$XDSDocumentEntryUniqueId");
        String document = p.single(parameter, true);
        String target = parameter.equals("$XDSDocumentEntryEntryUUID")
                ? "m.target_uuid = ?"
                : "m.target_uuid IN (SELECT d.uuid FROM document_entry d WHERE d.unique_id = ?)";
        Sql folders = new Sql().condition("f.uuid IN (SELECT m.source_uuid FROM association m"
                + " WHERE m.association_type = ? AND " + target + ")", XdsVocabulary.HAS_MEMBER, document);
        List<Row> rows = context.select("folder", "f", folders, "f.last_update_time, f.uuid");
        QueryContext.requireSinglePatient(rows);
        return rows;
    }
}
