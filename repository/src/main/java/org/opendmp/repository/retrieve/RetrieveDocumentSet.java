package org.opendmp.repository.retrieve;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.opendmp.registry.access.Access;
import org.opendmp.registry.access.DocumentFactsStore;
import org.opendmp.registry.ebrim.XdsVocabulary;
import org.opendmp.registry.error.RegistryErrors;
import org.opendmp.registry.error.XdsErrorCode;
import org.opendmp.registry.error.XdsException;
import org.opendmp.repository.store.DocumentStore;
import org.opendmp.repository.store.StoredDocument;
import org.opendmp.security.access.DocumentFacts;
import org.opendmp.wsdl.rs.RegistryErrorList;
import org.opendmp.wsdl.rs.RegistryResponseType;
import org.opendmp.wsdl.xdsb.DocumentRequestType;
import org.opendmp.wsdl.xdsb.RetrieveDocumentSetRequestType;
import org.opendmp.wsdl.xdsb.RetrieveDocumentSetResponseType;
import org.opendmp.wsdl.xdsb.RetrieveDocumentSetResponseType.DocumentResponse;

/**
 * ITI-43 Retrieve Document Set: returns each requested document this repository holds;
 * unknown ones are reported (XDSDocumentUniqueIdError, or XDSUnknownRepositoryId for another
 * repository's), making the answer PartialSuccess, or Failure when nothing is returned.
 *
 * <p>A document the caller may not see is answered exactly as an unknown one: the caller sees it
 * when they may see the latest version of one of the registry's DocumentEntries of its uniqueId
 * in this repository, whatever its availabilityStatus (the visibility decides on Deprecated,
 * Archived and Deleted ones). A document the registry has no DocumentEntry of is unknown to
 * restricted callers.
 */
public class RetrieveDocumentSet {

    private final DocumentStore documents;
    private final String repositoryUniqueId;
    private final DocumentFactsStore registry;

    /** A repository whose callers all see everything (no registry to ask). */
    public RetrieveDocumentSet(DocumentStore documents, String repositoryUniqueId) {
        this(documents, repositoryUniqueId, null);
    }

    /** A repository asking the registry's DocumentEntries whether a restricted caller may see a document. */
    public RetrieveDocumentSet(DocumentStore documents, String repositoryUniqueId, DocumentFactsStore registry) {
        this.documents = documents;
        this.repositoryUniqueId = repositoryUniqueId;
        this.registry = registry;
    }

    /** The retrieval for a caller who sees everything. */
    public RetrieveDocumentSetResponseType retrieve(RetrieveDocumentSetRequestType request) {
        return retrieve(request, Access.UNRESTRICTED);
    }

    public RetrieveDocumentSetResponseType retrieve(RetrieveDocumentSetRequestType request, Access access) {
        List<DocumentRequestType> requests = request.getDocumentRequest();
        if (requests.isEmpty()) {
            throw new XdsException(XdsErrorCode.XDSRepositoryError, "RetrieveDocumentSetRequest has no DocumentRequest");
        }
        List<String> ours = requests.stream().filter(r -> repositoryUniqueId.equals(r.getRepositoryUniqueId()))
                .map(DocumentRequestType::getDocumentUniqueId).toList();
        Map<String, StoredDocument> found = documents.find(visible(ours, access));

        RetrieveDocumentSetResponseType response = new RetrieveDocumentSetResponseType();
        RegistryErrorList errors = new RegistryErrorList();
        for (DocumentRequestType r : requests) {
            StoredDocument document = found.get(r.getDocumentUniqueId());
            if (!repositoryUniqueId.equals(r.getRepositoryUniqueId())) {
                errors.getRegistryError().add(RegistryErrors.error(new XdsException(XdsErrorCode.XDSUnknownRepositoryId,
                        "this repository is " + repositoryUniqueId, r.getRepositoryUniqueId())));
            } else if (document == null) {
                errors.getRegistryError().add(RegistryErrors.error(new XdsException(XdsErrorCode.XDSDocumentUniqueIdError,
                        "no document with this uniqueId in the repository", r.getDocumentUniqueId())));
            } else {
                DocumentResponse documentResponse = new DocumentResponse();
                documentResponse.setHomeCommunityId(r.getHomeCommunityId());
                documentResponse.setRepositoryUniqueId(repositoryUniqueId);
                documentResponse.setDocumentUniqueId(document.uniqueId());
                documentResponse.setMimeType(document.mimeType());
                documentResponse.setDocument(document.content());
                response.getDocumentResponse().add(documentResponse);
            }
        }
        RegistryResponseType status = new RegistryResponseType();
        if (errors.getRegistryError().isEmpty()) {
            status.setStatus(XdsVocabulary.RESPONSE_SUCCESS);
        } else {
            errors.setHighestSeverity(XdsVocabulary.SEVERITY_ERROR);
            status.setRegistryErrorList(errors);
            status.setStatus(response.getDocumentResponse().isEmpty()
                    ? XdsVocabulary.RESPONSE_FAILURE : XdsVocabulary.RESPONSE_PARTIAL_SUCCESS);
        }
        response.setRegistryResponse(status);
        return response;
    }

    /** Those of these uniqueIds the caller may see: one statement to the registry per thousand. */
    private Collection<String> visible(List<String> uniqueIds, Access access) {
        if (!access.restricted()) {
            return uniqueIds;
        }
        if (registry == null) {
            throw new IllegalStateException("a restricted retrieval needs the registry's DocumentFactsStore");
        }
        Map<String, List<DocumentFacts>> entries = registry.latestByUniqueId(repositoryUniqueId,
                uniqueIds.stream().filter(Objects::nonNull).toList());
        return uniqueIds.stream().filter(id -> entries.getOrDefault(id, List.of()).stream()
                .anyMatch(access.visibility()::visible)).toList();
    }
}
