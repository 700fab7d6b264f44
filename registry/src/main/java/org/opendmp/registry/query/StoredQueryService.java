package org.opendmp.registry.query;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.opendmp.registry.access.Access;
import org.opendmp.registry.access.DocumentFactsStore;
import org.opendmp.registry.access.HiddenDocuments;
import org.opendmp.registry.ebrim.XdsVocabulary;
import org.opendmp.registry.error.XdsErrorCode;
import org.opendmp.registry.error.XdsException;
import org.opendmp.wsdl.query.AdhocQueryRequest;
import org.opendmp.wsdl.query.AdhocQueryResponse;
import org.opendmp.wsdl.rim.AdhocQueryType;
import org.opendmp.wsdl.rim.ObjectFactory;
import org.opendmp.wsdl.rim.ObjectRefType;
import org.opendmp.wsdl.rim.RegistryObjectListType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * ITI-18 Registry Stored Query: finds the stored query by id, runs it, builds the answer. The
 * DocumentEntries the caller may not see, and the Associations to or from them, are left out of
 * every answer ({@link QueryContext}).
 */
public class StoredQueryService {

    private static final ObjectFactory RIM = new ObjectFactory();

    private final Map<String, StoredQuery> queries;
    private final JdbcTemplate jdbc;
    private final int maxResults;
    private final DocumentFactsStore documentFacts;

    public StoredQueryService(JdbcTemplate jdbc, int maxResults) {
        this.jdbc = jdbc;
        this.maxResults = maxResults;
        this.documentFacts = new DocumentFactsStore(jdbc);
        this.queries = Stream.of(new FindDocuments(), new FindDocumentsByReferenceId(), new FindSubmissionSets(),
                        new FindFolders(), new GetAll(), new GetDocuments(), new GetFolders(), new GetAssociations(),
                        new GetDocumentsAndAssociations(), new GetSubmissionSets(), new GetSubmissionSetAndContents(),
                        new GetFolderAndContents(), new GetFoldersForDocument(), new GetRelatedDocuments())
                .collect(Collectors.toUnmodifiableMap(StoredQuery::id, Function.identity()));
    }

    /** Runs the query for a caller who sees everything; see {@link QueryAnswer} for how LeafClass objects travel. */
    public QueryAnswer query(AdhocQueryRequest request) {
        return query(request, Access.UNRESTRICTED);
    }

    /** Runs the query for a caller who sees only the DocumentEntries {@code access} lets them see. */
    public QueryAnswer query(AdhocQueryRequest request, Access access) {
        AdhocQueryType adhocQuery = request.getAdhocQuery();
        if (adhocQuery == null || adhocQuery.getId() == null) {
            throw new XdsException(XdsErrorCode.XDSUnknownStoredQuery, "AdhocQuery has no stored query id");
        }
        StoredQuery query = queries.get(adhocQuery.getId().trim().toLowerCase(java.util.Locale.ROOT));
        if (query == null) {
            throw new XdsException(XdsErrorCode.XDSUnknownStoredQuery, "unknown stored query id " + adhocQuery.getId());
        }
        boolean leafClass = leafClass(request);
        QueryParameters parameters = QueryParameters.of(adhocQuery);
        List<Row> rows = query.execute(parameters,
                new QueryContext(jdbc, leafClass, maxResults, QueryContext.metadataLevel(parameters),
                        new HiddenDocuments(documentFacts, access.visibility()), access.patientScope()));

        AdhocQueryResponse response = new AdhocQueryResponse();
        response.setStatus(XdsVocabulary.RESPONSE_SUCCESS);
        RegistryObjectListType list = new RegistryObjectListType();
        Map<String, String> stored = leafClass ? new HashMap<>() : Map.of();
        for (Row row : rows) {
            ObjectRefType ref = new ObjectRefType();
            if (leafClass) {
                ref.setId(QueryAnswer.PLACEHOLDER + stored.size());
                stored.put(ref.getId(), row.ebrim());
            } else {
                ref.setId(row.uuid());
            }
            list.getIdentifiable().add(RIM.createObjectRef(ref));
        }
        response.setRegistryObjectList(list);
        return new QueryAnswer(response, stored);
    }

    private static boolean leafClass(AdhocQueryRequest request) {
        String returnType = request.getResponseOption() == null ? null : request.getResponseOption().getReturnType();
        if (returnType == null || returnType.equals("LeafClass")) {
            return true;
        }
        if (returnType.equals("ObjectRef")) {
            return false;
        }
        throw new XdsException(XdsErrorCode.XDSRegistryError,
                "returnType must be LeafClass or ObjectRef, not " + returnType);
    }
}
