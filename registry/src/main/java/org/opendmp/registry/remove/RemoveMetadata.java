package org.opendmp.registry.remove;

import static org.opendmp.registry.error.XdsErrorCode.ReferencesExistException;
import static org.opendmp.registry.error.XdsErrorCode.UnresolvedReferenceException;
import static org.opendmp.registry.error.XdsErrorCode.XDSRegistryMetadataError;
import static org.opendmp.registry.error.XdsErrorCode.XDSUnreferencedObjectException;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opendmp.registry.access.Access;
import org.opendmp.registry.access.RemovalGuard;
import org.opendmp.registry.ebrim.XdsVocabulary;
import org.opendmp.registry.error.RegistryErrors;
import org.opendmp.registry.error.XdsException;
import org.opendmp.registry.remove.RemovalStore.Link;
import org.opendmp.registry.store.RegistryStore;
import org.opendmp.registry.store.RegistryStore.Kind;
import org.opendmp.registry.store.RegistryStore.StoredObject;
import org.opendmp.wsdl.lcm.RemoveObjectsRequest;
import org.opendmp.wsdl.rim.ObjectRefType;
import org.opendmp.wsdl.rs.RegistryResponseType;
import org.springframework.transaction.support.TransactionOperations;

/**
 * ITI-62 Remove Metadata (IHE XDS Metadata Update and RMD supplements, ITI TF-2b 3.62): removes
 * the SubmissionSets, DocumentEntries, Folders and Associations named by entryUUID in the
 * request's ObjectRefList, and only those (other versions of a DocumentEntry stay; the document
 * bytes stay in the repository until ITI-86 removes them).
 *
 * <p>The removal must leave consistent metadata, or nothing is removed and every fault is
 * reported at once, the way the NIST toolkit's Remove Metadata simulator checks it:
 * <ol>
 *   <li>every entryUUID names a registered object, else {@code UnresolvedReferenceException};</li>
 *   <li>no Association that stays has a removed object as sourceObject or targetObject, else
 *       {@code ReferencesExistException} (removing a Folder, or a DocumentEntry from a Folder,
 *       means removing the HasMember Associations too);</li>
 *   <li>an object that stays is still referred to by some Association after the removal of the
 *       Associations that referred to it, else {@code XDSUnreferencedObjectException} (removing
 *       the last DocumentEntry of a SubmissionSet means removing the SubmissionSet too);</li>
 *   <li>a SubmissionSet goes only with the DocumentEntries submitted in it (every DocumentEntry
 *       belongs to its SubmissionSet, ITI TF-3 4.1), else {@code ReferencesExistException}.</li>
 * </ol>
 * All of it runs in one transaction. The caller's {@link RemovalGuard} decides first, on the
 * entryUUIDs named.
 */
public class RemoveMetadata {

    /** The default and only deletionScope of ITI-62: the registry holds no repository items. */
    static final String DELETE_ALL = "urn:oasis:names:tc:ebxml-regrep:DeletionScopeType:DeleteAll";

    private final RegistryStore registry;
    private final RemovalStore store;
    private final TransactionOperations transactions;

    public RemoveMetadata(RegistryStore registry, RemovalStore store, TransactionOperations transactions) {
        this.registry = registry;
        this.store = store;
        this.transactions = transactions;
    }

    /** The removal for a caller who may do everything; see {@link #remove(RemoveObjectsRequest, Access)}. */
    public RegistryResponseType remove(RemoveObjectsRequest request) {
        return remove(request, Access.UNRESTRICTED);
    }

    /** Success when everything named was removed; Failure with every refusal, and nothing removed, otherwise. */
    public RegistryResponseType remove(RemoveObjectsRequest request, Access access) {
        Set<String> ids = requestedIds(request);
        access.removal().check(Set.copyOf(ids));
        List<XdsException> refusals = transactions.execute(tx -> removeOrRefuse(ids));
        if (!refusals.isEmpty()) {
            return RegistryErrors.failure(new RegistryResponseType(), refusals);
        }
        RegistryResponseType response = new RegistryResponseType();
        response.setStatus(XdsVocabulary.RESPONSE_SUCCESS);
        return response;
    }

    /**
     * ITI TF-2b 3.62.4.1.2: the objects are named in an ObjectRefList, not selected by an
     * AdhocQuery, and the deletionScope is left at its default.
     */
    private static Set<String> requestedIds(RemoveObjectsRequest request) {
        if (request.getAdhocQuery() != null) {
            throw new XdsException(XDSRegistryMetadataError,
                    "RemoveObjectsRequest selects objects with an AdhocQuery; ITI-62 names them in an ObjectRefList");
        }
        if (!DELETE_ALL.equals(request.getDeletionScope())) {
            throw new XdsException(XDSRegistryMetadataError, "RemoveObjectsRequest deletionScope "
                    + request.getDeletionScope()
                    + ": ITI-62 removes metadata only (document bytes are removed by ITI-86)");
        }
        Set<String> ids = new LinkedHashSet<>();
        if (request.getObjectRefList() != null) {
            for (ObjectRefType ref : request.getObjectRefList().getObjectRef()) {
                if (ref.getId() == null || ref.getId().isBlank()) {
                    throw new XdsException(XDSRegistryMetadataError, "ObjectRef without id");
                }
                ids.add(ref.getId().trim());
            }
        }
        if (ids.isEmpty()) {
            throw new XdsException(XDSRegistryMetadataError, "RemoveObjectsRequest has no ObjectRef to remove");
        }
        return ids;
    }

    private List<XdsException> removeOrRefuse(Set<String> ids) {
        Map<String, StoredObject> found = registry.objects(ids);
        List<XdsException> unresolved = unresolved(ids, found);
        if (!unresolved.isEmpty()) {
            return unresolved;
        }
        List<Link> removedLinks = store.associations(ids);
        Set<String> looked = new LinkedHashSet<>(ids);
        removedLinks.forEach(link -> {
            looked.add(link.source());
            looked.add(link.target());
        });
        List<Link> staying = store.associationsTouching(looked).stream()
                .filter(link -> !ids.contains(link.uuid())).toList();

        List<XdsException> refusals = new ArrayList<>(referencesExist(ids, found, staying));
        refusals.addAll(unreferenced(ids, removedLinks, staying));
        if (refusals.isEmpty()) {
            refusals.addAll(submittedDocumentsStay(ids, found));
        }
        if (!refusals.isEmpty()) {
            return refusals;
        }
        Map<Kind, List<String>> byKind = new EnumMap<>(Kind.class);
        found.values().forEach(object ->
                byKind.computeIfAbsent(object.kind(), k -> new ArrayList<>()).add(object.uuid()));
        // Another transaction may have removed one of the objects, or linked a new Association to
        // one of them, since the checks: then throw, which rolls everything back.
        if (store.delete(byKind) != ids.size()) {
            throw new XdsException(UnresolvedReferenceException,
                    "an object of the request was removed by another transaction meanwhile; nothing was removed");
        }
        if (!store.associationsTouching(ids).isEmpty()) {
            throw new XdsException(ReferencesExistException,
                    "an Association to an object of the request was registered meanwhile; nothing was removed");
        }
        return List.of();
    }

    /** Rule 1: every entryUUID of the request names a registered object. */
    private static List<XdsException> unresolved(Set<String> ids, Map<String, StoredObject> found) {
        return ids.stream().filter(id -> !found.containsKey(id))
                .map(id -> new XdsException(UnresolvedReferenceException,
                        "no registry object has the entryUUID " + id, id))
                .toList();
    }

    /** Rule 2: no Association that stays refers to a removed object. */
    private static List<XdsException> referencesExist(Set<String> ids, Map<String, StoredObject> found,
                                                      List<Link> staying) {
        Map<String, List<String>> referrers = new LinkedHashMap<>();
        for (Link link : staying) {
            for (String end : List.of(link.source(), link.target())) {
                if (ids.contains(end)) {
                    referrers.computeIfAbsent(end, k -> new ArrayList<>()).add(link.uuid());
                }
            }
        }
        List<XdsException> refusals = new ArrayList<>();
        referrers.forEach((object, associations) -> refusals.add(new XdsException(ReferencesExistException,
                label(found.get(object).kind()) + " " + object + " is still referred to by Association "
                        + String.join(", ", associations) + ", which the request does not remove", object)));
        return refusals;
    }

    /** Rule 3: an object that stays keeps at least one Association referring to it. */
    private static List<XdsException> unreferenced(Set<String> ids, List<Link> removedLinks, List<Link> staying) {
        Set<String> orphans = new LinkedHashSet<>();
        for (Link removed : removedLinks) {
            for (String end : List.of(removed.source(), removed.target())) {
                if (!ids.contains(end) && staying.stream().noneMatch(link -> link.touches(end))) {
                    orphans.add(end);
                }
            }
        }
        return orphans.stream().map(orphan -> new XdsException(XDSUnreferencedObjectException,
                "object " + orphan + " would be left without any Association referring to it; remove it as well",
                orphan))
                .toList();
    }

    /** Rule 4: a SubmissionSet is removed only with the DocumentEntries submitted in it. */
    private List<XdsException> submittedDocumentsStay(Set<String> ids, Map<String, StoredObject> found) {
        List<String> sets = found.values().stream().filter(o -> o.kind() == Kind.SUBMISSION_SET)
                .map(StoredObject::uuid).toList();
        List<String> staying = store.documentEntriesSubmittedIn(sets).stream()
                .filter(uuid -> !ids.contains(uuid)).toList();
        if (staying.isEmpty()) {
            return List.of();
        }
        return List.of(new XdsException(ReferencesExistException, "DocumentEntry " + String.join(", ", staying)
                + " stays but was submitted in a SubmissionSet that the request removes", staying.get(0)));
    }

    private static String label(Kind kind) {
        return switch (kind) {
            case DOCUMENT_ENTRY -> "DocumentEntry";
            case SUBMISSION_SET -> "SubmissionSet";
            case FOLDER -> "Folder";
            case ASSOCIATION -> "Association";
            default -> "object";
        };
    }
}
