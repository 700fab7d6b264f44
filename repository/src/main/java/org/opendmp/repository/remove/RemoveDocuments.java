package org.opendmp.repository.remove;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.opendmp.registry.access.Access;
import org.opendmp.registry.access.RemovalGuard;
import org.opendmp.registry.ebrim.XdsVocabulary;
import org.opendmp.registry.error.RegistryErrors;
import org.opendmp.registry.error.XdsErrorCode;
import org.opendmp.registry.error.XdsException;
import org.opendmp.repository.store.DocumentStore;
import org.opendmp.wsdl.rs.RegistryResponseType;
import org.opendmp.wsdl.xdsb.DocumentRequestType;
import org.opendmp.wsdl.xdsb.RetrieveDocumentSetRequestType;
import org.springframework.transaction.support.TransactionOperations;

/**
 * ITI-86 Remove Documents (IHE RMD supplement, ITI TF-2b 3.86): removes the bytes of the
 * documents this repository holds. The registry metadata is not touched (the Document
 * Administrator removes it with ITI-62). Each DocumentRequest stands alone, as in ITI-43: one
 * for another repository is XDSUnknownRepositoryId, one for a document this repository does
 * not hold is XDSDocumentUniqueIdError; the answer is Success when every document was removed,
 * PartialSuccess when some were, Failure when none was. The caller's {@link RemovalGuard} decides
 * first, on the uniqueIds named.
 */
public class RemoveDocuments {

    private final DocumentStore documents;
    private final TransactionOperations transactions;
    private final String repositoryUniqueId;

    public RemoveDocuments(DocumentStore documents, TransactionOperations transactions, String repositoryUniqueId) {
        this.documents = documents;
        this.transactions = transactions;
        this.repositoryUniqueId = repositoryUniqueId;
    }

    /** The removal for a caller who may do everything. */
    public RegistryResponseType remove(RetrieveDocumentSetRequestType request) {
        return remove(request, Access.UNRESTRICTED);
    }

    public RegistryResponseType remove(RetrieveDocumentSetRequestType request, Access access) {
        List<DocumentRequestType> requests = request.getDocumentRequest();
        if (requests.isEmpty()) {
            throw new XdsException(XdsErrorCode.XDSRepositoryError, "RemoveDocumentsRequest has no DocumentRequest");
        }
        access.removal().check(requests.stream().map(DocumentRequestType::getDocumentUniqueId)
                .filter(Objects::nonNull).toList());
        List<String> ours = requests.stream().filter(this::isForThisRepository)
                .map(DocumentRequestType::getDocumentUniqueId).filter(Objects::nonNull).toList();
        Set<String> removed = transactions.execute(tx -> documents.remove(ours));

        List<XdsException> errors = new ArrayList<>();
        for (DocumentRequestType r : requests) {
            if (!isForThisRepository(r)) {
                errors.add(new XdsException(XdsErrorCode.XDSUnknownRepositoryId,
                        "this repository is " + repositoryUniqueId + ", not " + r.getRepositoryUniqueId(),
                        r.getRepositoryUniqueId()));
            } else if (!removed.contains(r.getDocumentUniqueId())) {
                errors.add(new XdsException(XdsErrorCode.XDSDocumentUniqueIdError,
                        "no document with uniqueId " + r.getDocumentUniqueId() + " in the repository",
                        r.getDocumentUniqueId()));
            }
        }
        RegistryResponseType response = new RegistryResponseType();
        if (errors.isEmpty()) {
            response.setStatus(XdsVocabulary.RESPONSE_SUCCESS);
            return response;
        }
        RegistryErrors.failure(response, errors);
        if (!removed.isEmpty()) {
            response.setStatus(XdsVocabulary.RESPONSE_PARTIAL_SUCCESS);
        }
        return response;
    }

    private boolean isForThisRepository(DocumentRequestType request) {
        return repositoryUniqueId.equals(request.getRepositoryUniqueId());
    }
}
