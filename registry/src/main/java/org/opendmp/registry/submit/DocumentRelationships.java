package org.opendmp.registry.submit;

import static org.opendmp.registry.ebrim.XdsVocabulary.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.opendmp.registry.error.XdsErrorCode;
import org.opendmp.registry.error.XdsException;
import org.opendmp.registry.model.Association;
import org.opendmp.registry.model.Submission;
import org.opendmp.registry.store.RegistryStore;
import org.opendmp.registry.store.RegistryStore.Kind;
import org.opendmp.wsdl.rim.AssociationType1;
import org.opendmp.wsdl.rim.IdentifiableType;

/**
 * The document lifecycle (ITI TF-3 4.2.2.2, ITI TF-2b 3.42.4.1.3): a new DocumentEntry replaces
 * (RPLC), transforms (XFRM), transforms and replaces (XFRM_RPLC) or appends to (APND) a registered
 * one, or signs (signs) a DocumentEntry or its own SubmissionSet.
 *
 * <p>Replacing deprecates the original, and with it its registered addenda and transformations
 * (APND, XFRM to the original, recursively, as the NIST XDS Toolkit registry does), in the
 * submission's transaction; the replacement joins every Folder the original belongs to.
 * Two submissions replacing one original: the second waits for the first and is refused with
 * XDSRegistryDeprecatedDocumentError. APND, XFRM and signs leave the original Approved.
 */
final class DocumentRelationships {

    static final Set<String> TYPES = Set.of(RPLC, XFRM, APND, XFRM_RPLC, SIGNS);
    private static final Set<String> REPLACEMENTS = Set.of(RPLC, XFRM_RPLC);
    private static final List<String> FOLLOWING_THE_ORIGINAL = List.of(APND, XFRM);

    private DocumentRelationships() {
    }

    /** The sourceObject is a new DocumentEntry of the submission; the targetObject a registered one (signs: also a new one, or the SubmissionSet). */
    static void check(Association a, KnownObjects known) {
        if (!known.isSubmitted(a.sourceObject()) || known.kind(a.sourceObject()) != Kind.DOCUMENT_ENTRY) {
            throw refused("the sourceObject of a document relationship is a new DocumentEntry of the submission", a);
        }
        Kind target = known.kind(a.targetObject());
        boolean submitted = known.isSubmitted(a.targetObject());
        boolean allowed = SIGNS.equals(a.type())
                ? target == Kind.DOCUMENT_ENTRY || (submitted && target == Kind.SUBMISSION_SET)
                : target == Kind.DOCUMENT_ENTRY && !submitted;
        if (!allowed) {
            throw refused(SIGNS.equals(a.type())
                    ? "signs targets a DocumentEntry or the submission's SubmissionSet"
                    : "the targetObject of RPLC, APND, XFRM and XFRM_RPLC is a registered DocumentEntry", a);
        }
    }

    /**
     * Deprecates the originals of RPLC and XFRM_RPLC and returns the submission with the
     * HasMember Associations that put each replacement in its original's Folders.
     */
    static Submission replace(Submission submission, RegistryStore store) {
        Map<String, String> replacements = new LinkedHashMap<>(); // original -> replacement
        for (Association a : submission.associations()) {
            if (REPLACEMENTS.contains(a.type()) && replacements.put(a.targetObject(), a.sourceObject()) != null) {
                throw refused("a DocumentEntry is replaced once per submission", a);
            }
        }
        for (String original : replacements.keySet()) {
            if (!store.changeDocumentStatus(original, STATUS_APPROVED, STATUS_DEPRECATED)) {
                throw new XdsException(XdsErrorCode.XDSRegistryDeprecatedDocumentError,
                        "the replaced DocumentEntry was deprecated by another submission meanwhile", original);
            }
            deprecateFollowers(original, store);
        }
        Map<Association, IdentifiableType> memberships = new LinkedHashMap<>();
        Set<String> alreadyLinked = new HashSet<>();
        submission.associations().forEach(a -> alreadyLinked.add(a.sourceObject() + ' ' + a.targetObject()));
        store.foldersHolding(replacements.keySet()).forEach((original, folders) -> {
            String replacement = replacements.get(original);
            for (String folder : folders) {
                if (alreadyLinked.add(folder + ' ' + replacement)) {
                    Association member = new Association(URN_UUID + UUID.randomUUID(), HAS_MEMBER, folder, replacement, null);
                    memberships.put(member, ebrim(member));
                }
            }
        });
        return submission.withAssociations(memberships);
    }

    /** Addenda and transformations of a deprecated document are deprecated with it. */
    private static void deprecateFollowers(String document, RegistryStore store) {
        List<String> pending = new ArrayList<>(List.of(document));
        while (!pending.isEmpty()) {
            String next = pending.remove(pending.size() - 1);
            for (String follower : store.documentsRelatedTo(next, FOLLOWING_THE_ORIGINAL, STATUS_APPROVED)) {
                if (store.changeDocumentStatus(follower, STATUS_APPROVED, STATUS_DEPRECATED)) {
                    pending.add(follower);
                }
            }
        }
    }

    private static AssociationType1 ebrim(Association association) {
        AssociationType1 object = new AssociationType1();
        object.setId(association.entryUuid());
        object.setLid(association.entryUuid());
        object.setObjectType(ASSOCIATION_OBJECT_TYPE);
        object.setAssociationType(association.type());
        object.setSourceObject(association.sourceObject());
        object.setTargetObject(association.targetObject());
        object.setStatus(STATUS_APPROVED);
        return object;
    }

    private static XdsException refused(String rule, Association a) {
        return new XdsException(XdsErrorCode.XDSRegistryMetadataError, rule, a.entryUuid());
    }
}
