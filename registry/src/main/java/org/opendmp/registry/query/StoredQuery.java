package org.opendmp.registry.query;

import java.util.List;

/** One of the XDS stored queries (ITI TF-2a 3.18.4.1.2.3.7), identified by its query id. */
public interface StoredQuery {

    String id();

    String name();

    List<Row> execute(QueryParameters parameters, QueryContext context);
}
