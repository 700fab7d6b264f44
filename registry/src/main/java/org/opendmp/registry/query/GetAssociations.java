package org.opendmp.registry.query;

import java.util.List;

/** GetAssociations: the Associations having one of the given objects as source or target. */
public final class GetAssociations implements StoredQuery {

    public static final String ID = "urn:uuid:a7ae438b-4bc2-4642-93e9-be891f7bb155";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "GetAssociations";
    }

    @Override
    public List<Row> execute(QueryParameters p, QueryContext context) {
        List<String> uuids = p.requiredList("$uuid");
        String in = Sql.placeholders(uuids.size());
        Sql sql = new Sql();
        Object[] args = new Object[uuids.size() * 2];
        for (int i = 0; i < uuids.size(); i++) {
            args[i] = uuids.get(i);
            args[uuids.size() + i] = uuids.get(i);
        }
        sql.condition("(a.source_uuid IN (" + in + ") OR a.target_uuid IN (" + in + "))", args);
        List<Row> rows = context.select("association", "a", sql, "a.uuid");
        QueryContext.requireSinglePatient(rows);
        return rows;
    }
}
