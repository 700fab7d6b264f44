package org.opendmp.repository.retrieve;

import java.util.List;
import java.util.Map;
import org.opendmp.registry.ebrim.XdsVocabulary;
import org.opendmp.registry.error.RegistryErrors;
import org.opendmp.registry.error.XdsErrorCode;
import org.opendmp.registry.error.XdsException;
import org.opendmp.repository.store.DocumentStore;
import org.opendmp.repository.store.StoredDocument;
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
 */
public class RetrieveDocumentSet {

    private final DocumentStore documents;
    private final String repositoryUniqueId;

    public RetrieveDocumentSet(DocumentStore documents, String repositoryUniqueId) {
        this.documents = documents;
        this.repositoryUniqueId = repositoryUniqueId;
    }

    public RetrieveDocumentSetResponseType retrieve(RetrieveDocumentSetRequestType request) {
        List<DocumentRequestType> requests = request.getDocumentRequest();
        if (requests.isEmpty()) {
            throw new XdsException(XdsErrorCode.XDSRepositoryError, "RetrieveDocumentSetRequest has no DocumentRequest");
        }
        Map<String, StoredDocument> found = documents.find(requests.stream()
                .filter(r -> repositoryUniqueId.equals(r.getRepositoryUniqueId()))
                .map(DocumentRequestType::getDocumentUniqueId).toList());

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
}
