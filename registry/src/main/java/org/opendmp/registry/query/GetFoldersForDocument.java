package org.opendmp.registry.query;

import java.util.ArrayList;
import java.util.List;
import org.opendmp.registry.ebrim.XdsVocabulary;

/**
 * GetFoldersForDocument (ITI TF-2a 3.18.4.1.2.3.7.12): the Folders having one DocumentEntry,
 * given by entryUUID or by uniqueId, as a member (HasMember from the Folder). A DocumentEntry the
 * caller may not see is unknown: its Folders are not revealed through it.
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
        boolean byUuid = parameter.equals("$XDSDocumentEntryEntryUUID");
        Sql folders;
        if (!context.restricted()) {
            String target = byUuid ? "m.target_uuid = ?"
                    : "m.target_uuid IN (SELECT d.uuid FROM document_entry d WHERE d.unique_id = ?)";
            folders = new Sql().condition("f.uuid IN (SELECT m.source_uuid FROM association m"
                    + " WHERE m.association_type = ? AND " + target + ")", XdsVocabulary.HAS_MEMBER, document);
        } else {
            List<String> members = new ArrayList<>(byUuid ? List.of(document) : context.documentsWithUniqueId(document));
            members.removeAll(context.hidden(members));
            if (members.isEmpty()) {
                return List.of();
            }
            List<Object> args = new ArrayList<>(List.of(XdsVocabulary.HAS_MEMBER));
            args.addAll(members);
            folders = new Sql().condition("f.uuid IN (SELECT m.source_uuid FROM association m WHERE m.association_type = ?"
                    + " AND m.target_uuid IN (" + Sql.placeholders(members.size()) + "))", args.toArray());
        }
        List<Row> rows = context.select("folder", "f", folders, "f.last_update_time, f.uuid");
        QueryContext.requireSinglePatient(rows);
        return rows;
    }
}
