package org.opendmp.registry.query;

import java.util.List;

/** GetFolders (ITI TF-2a 3.18.4.1.2.3.7.6): Folders by entryUUID or by uniqueId, any status. */
public final class GetFolders implements StoredQuery {

    public static final String ID = "urn:uuid:5737b14c-8a1a-4539-b659-e03a34a5e1e4";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "GetFolders";
    }

    @Override
    public List<Row> execute(QueryParameters p, QueryContext context) {
        String parameter = p.oneOf("$XDSFolderEntryUUID", "$XDSFolderUniqueId");
        String column = parameter.equals("$XDSFolderEntryUUID") ? "f.uuid" : "f.unique_id";
        List<Row> rows = context.select("folder", "f", new Sql().in(column, p.requiredList(parameter)),
                "f.last_update_time, f.uuid");
        QueryContext.requireSinglePatient(rows);
        return rows;
    }
}
