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
        Sql sql = new Sql().sourceOrTargetIn(p.requiredList("$uuid"));
        List<Row> rows = context.select("association", "a", sql, "a.uuid");
        QueryContext.requireSinglePatient(rows);
        return rows;
    }
}
