package org.opendmp.conformance;

import java.util.ArrayList;
import java.util.List;

/** Builder of an ITI-43 RetrieveDocumentSetRequest. */
public final class RetrieveRequest {

    private final List<String[]> requests = new ArrayList<>();

    public static RetrieveRequest of() {
        return new RetrieveRequest();
    }

    /** Documents of the server's (default) repository. */
    public static RetrieveRequest documents(String... uniqueIds) {
        RetrieveRequest request = new RetrieveRequest();
        for (String uniqueId : uniqueIds) {
            request.document(Xds.DMP_REPOSITORY_UNIQUE_ID, uniqueId);
        }
        return request;
    }

    public RetrieveRequest document(String repositoryUniqueId, String documentUniqueId) {
        requests.add(new String[] {repositoryUniqueId, documentUniqueId});
        return this;
    }

    public String body() {
        StringBuilder documentRequests = new StringBuilder();
        for (String[] request : requests) {
            documentRequests.append(Template.of("iti43/document-request.xml")
                    .with("repositoryUniqueId", request[0]).with("documentUniqueId", request[1]).render());
        }
        return Template.of("iti43/retrieve.xml").withXml("documentRequests", documentRequests.toString()).render();
    }
}
