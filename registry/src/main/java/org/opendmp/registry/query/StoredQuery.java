package org.opendmp.registry.query;

import java.util.List;

/**
 * One of the XDS stored queries (ITI TF-2a 3.18.4.1.2.3.7), identified by its query id.
 * Parameters a query does not define are ignored, as ebRS 3.0 (6.3.2.1) requires of a registry;
 * so is $homeCommunityId, which the Get queries accept: this registry is a single community.
 */
public interface StoredQuery {

    String id();

    String name();

    List<Row> execute(QueryParameters parameters, QueryContext context);
}
