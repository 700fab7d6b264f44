package org.opendmp.repository.provide;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opendmp.registry.access.Access;
import org.opendmp.registry.ebrim.Slots;
import org.opendmp.registry.error.XdsErrorCode;
import org.opendmp.registry.error.XdsException;
import org.opendmp.registry.model.DocumentEntry;
import org.opendmp.registry.model.Submission;
import org.opendmp.registry.submit.RegisterDocumentSet;
import org.opendmp.repository.store.DocumentStore;
import org.opendmp.repository.store.StoredDocument;
import org.opendmp.wsdl.lcm.SubmitObjectsRequest;
import org.opendmp.wsdl.rim.ExtrinsicObjectType;
import org.opendmp.wsdl.rim.IdentifiableType;
import org.opendmp.wsdl.xdsb.ProvideAndRegisterDocumentSetRequestType;
import org.opendmp.wsdl.xdsb.ProvideAndRegisterDocumentSetRequestType.Document;
import org.springframework.transaction.support.TransactionOperations;

/**
 * ITI-41 Provide and Register Document Set-b, with the registry in the same process: pairs
 * each Document with its DocumentEntry, computes size and SHA-1 (checking them when the
 * source supplied them), sets repositoryUniqueId, then registers the metadata and stores the
 * bytes in one transaction. The caller's {@link Access} goes to the registration: a submission
 * its guard refuses stores neither metadata nor bytes.
 */
public class ProvideAndRegisterDocumentSet {

    private final RegisterDocumentSet registry;
    private final DocumentStore documents;
    private final TransactionOperations transactions;
    private final String repositoryUniqueId;

    public ProvideAndRegisterDocumentSet(RegisterDocumentSet registry, DocumentStore documents,
                                         TransactionOperations transactions, String repositoryUniqueId) {
        this.registry = registry;
        this.documents = documents;
        this.transactions = transactions;
        this.repositoryUniqueId = repositoryUniqueId;
    }

    /** Provides for a caller who may do everything. */
    public void provide(ProvideAndRegisterDocumentSetRequestType request) {
        provide(request, Access.UNRESTRICTED);
    }

    public void provide(ProvideAndRegisterDocumentSetRequestType request, Access access) {
        SubmitObjectsRequest metadata = request.getSubmitObjectsRequest();
        if (metadata == null || metadata.getRegistryObjectList() == null) {
            throw new XdsException(XdsErrorCode.XDSRepositoryMetadataError, "no SubmitObjectsRequest metadata");
        }
        Map<ExtrinsicObjectType, byte[]> contents = pair(metadata, request.getDocument());
        contents.forEach(this::describe);
        transactions.executeWithoutResult(tx -> {
            Submission submission = registry.register(metadata.getRegistryObjectList(), access);
            Map<String, StoredDocument> stored = documents.find(
                    submission.documentEntries().stream().map(DocumentEntry::uniqueId).toList());
            for (DocumentEntry entry : submission.documentEntries()) {
                if (isStoredAlready(stored.get(entry.uniqueId()), entry)) {
                    continue;
                }
                byte[] content = contents.get((ExtrinsicObjectType) submission.ebrim().get(entry.entryUuid()));
                documents.store(new StoredDocument(entry.uniqueId(), entry.mimeType(), entry.hash(), entry.size(), content));
            }
        });
    }

    /**
     * A resubmitted document (its uniqueId registered before, same hash and size: the registry
     * accepted it as another DocumentEntry) whose bytes this repository holds already: they are
     * the same bytes, kept once. Other bytes under a stored uniqueId are refused.
     */
    private static boolean isStoredAlready(StoredDocument stored, DocumentEntry entry) {
        if (stored == null) {
            return false;
        }
        if (!stored.hash().equals(entry.hash())) {
            throw new XdsException(XdsErrorCode.XDSNonIdenticalHash,
                    "the repository holds another document under this uniqueId", entry.uniqueId());
        }
        if (stored.size() != entry.size()) {
            throw new XdsException(XdsErrorCode.XDSNonIdenticalSize,
                    "the repository holds a document of another size under this uniqueId", entry.uniqueId());
        }
        return true;
    }

    /**
     * ITI TF-2b 3.41.4.1.3: one Document per ExtrinsicObject, matched on id. The official DMP
     * TD2.1 example differs in case only ({@code DocumentME2} / {@code documentME2}), which the
     * national service accepts: an exact match wins, else a unique case-insensitive one.
     */
    private static Map<ExtrinsicObjectType, byte[]> pair(SubmitObjectsRequest metadata, List<Document> documents) {
        List<ExtrinsicObjectType> entries = new ArrayList<>();
        for (var element : metadata.getRegistryObjectList().getIdentifiable()) {
            IdentifiableType object = element.getValue();
            if (object instanceof ExtrinsicObjectType eo) {
                entries.add(eo);
            }
        }
        Map<String, Document> byId = new HashMap<>();
        for (Document document : documents) {
            if (document.getId() == null || byId.put(document.getId(), document) != null) {
                throw new XdsException(XdsErrorCode.XDSRepositoryMetadataError,
                        "every Document needs a distinct id", document.getId());
            }
            if (document.getValue() == null) {
                throw new XdsException(XdsErrorCode.XDSMissingDocument, "Document has no content", document.getId());
            }
        }
        Map<ExtrinsicObjectType, byte[]> paired = new IdentityHashMap<>();
        for (ExtrinsicObjectType eo : entries) {
            Document document = byId.remove(eo.getId());
            if (document == null) {
                document = removeIgnoringCase(byId, eo.getId());
            }
            if (document == null) {
                throw new XdsException(XdsErrorCode.XDSMissingDocument,
                        "DocumentEntry has no Document in the message", eo.getId());
            }
            paired.put(eo, document.getValue());
        }
        if (!byId.isEmpty()) {
            throw new XdsException(XdsErrorCode.XDSMissingDocumentMetadata,
                    "Document has no DocumentEntry in the metadata", byId.keySet().iterator().next());
        }
        return paired;
    }

    private static Document removeIgnoringCase(Map<String, Document> byId, String id) {
        if (id == null) {
            return null;
        }
        List<String> matches = byId.keySet().stream().filter(key -> key.equalsIgnoreCase(id)).toList();
        return matches.size() == 1 ? byId.remove(matches.get(0)) : null;
    }

    /** Sets size, hash and repositoryUniqueId, refusing supplied values that disagree. */
    private void describe(ExtrinsicObjectType eo, byte[] content) {
        String size = Long.toString(content.length);
        String hash = sha1(content);
        String location = eo.getId();
        String suppliedSize = supplied(eo, "size");
        if (suppliedSize != null && !suppliedSize.equals(size)) {
            throw new XdsException(XdsErrorCode.XDSNonIdenticalSize,
                    "size slot " + suppliedSize + " differs from the document's " + size + " bytes", location);
        }
        String suppliedHash = supplied(eo, "hash");
        if (suppliedHash != null && !suppliedHash.toLowerCase(Locale.ROOT).equals(hash)) {
            throw new XdsException(XdsErrorCode.XDSNonIdenticalHash, "hash slot differs from the document's SHA-1", location);
        }
        String suppliedRepository = supplied(eo, "repositoryUniqueId");
        if (suppliedRepository != null && !suppliedRepository.equals(repositoryUniqueId)) {
            throw new XdsException(XdsErrorCode.XDSRepositoryMetadataError,
                    "repositoryUniqueId slot names another repository than this one (" + repositoryUniqueId + ")", location);
        }
        Slots.set(eo, "size", size);
        Slots.set(eo, "hash", hash);
        Slots.set(eo, "repositoryUniqueId", repositoryUniqueId);
    }

    private static String supplied(ExtrinsicObjectType eo, String slot) {
        try {
            return Slots.single(eo, slot, false, eo.getId());
        } catch (XdsException e) {
            throw new XdsException(XdsErrorCode.XDSRepositoryMetadataError, e.getMessage(), eo.getId());
        }
    }

    static String sha1(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java platform", e);
        }
    }
}
