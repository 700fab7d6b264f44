package org.opendmp.registry.submit;

import static org.opendmp.registry.ebrim.XdsVocabulary.*;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opendmp.registry.access.Access;
import org.opendmp.registry.access.DocumentFactsStore;
import org.opendmp.registry.access.HiddenDocuments;
import org.opendmp.registry.access.SubmissionGuard;
import org.opendmp.registry.ebrim.Slots;
import org.opendmp.registry.ebrim.SubmissionReader;
import org.opendmp.registry.error.XdsErrorCode;
import org.opendmp.registry.error.XdsException;
import org.opendmp.registry.model.Association;
import org.opendmp.registry.model.DocumentEntry;
import org.opendmp.registry.model.Folder;
import org.opendmp.registry.model.Submission;
import org.opendmp.registry.store.RegistryStore;
import org.opendmp.registry.store.RegistryStore.Kind;
import org.opendmp.registry.store.RegistryStore.RegisteredUniqueId;
import org.opendmp.registry.store.RegistryStore.StoredObject;
import org.opendmp.wsdl.rim.RegistryObjectListType;
import org.opendmp.wsdl.rim.RegistryObjectType;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionOperations;

/**
 * ITI-42 Register Document Set-b: validates a submission against the message rules
 * ({@link SubmissionReader}) and against what the registry holds (uniqueIds, references,
 * {@link Membership folder membership}, {@link DocumentRelationships document relationships}),
 * then stores it. All of it runs in one transaction, joining the caller's when there is one
 * (ITI-41 stores document bytes in the same transaction): a refused submission leaves nothing
 * behind. The caller's {@link Access}: its {@link SubmissionGuard} decides on the new
 * DocumentEntries with the patient's row locked, and a registered DocumentEntry the caller may not
 * see is unknown to the submission's Associations.
 */
public class RegisterDocumentSet {

    private static final DateTimeFormatter DTM = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private final SubmissionReader reader;
    private final RegistryStore store;
    private final TransactionOperations transactions;
    private final Clock clock;

    public RegisterDocumentSet(SubmissionReader reader, RegistryStore store, TransactionOperations transactions,
                               Clock clock) {
        this.reader = reader;
        this.store = store;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Registers the submission for a caller who may do everything; see {@link #register(RegistryObjectListType, Access)}. */
    public Submission register(RegistryObjectListType metadata) {
        return register(metadata, Access.UNRESTRICTED);
    }

    /** Registers the submission; returns it as stored, with the Associations the registry added. */
    public Submission register(RegistryObjectListType metadata, Access access) {
        Submission submitted = reader.read(metadata);
        return transactions.execute(tx -> {
            reader.patientIds().recheckLocked(submitted.submissionSet().patientId(), "XDSSubmissionSet.patientId");
            if (access.submission() != SubmissionGuard.ALLOW) {
                access.submission().check(submitted.submissionSet().patientId().canonical(), submitted.documentEntries()
                        .stream().map(entry -> DocumentFactsStore.of(entry, status(submitted, entry))).toList());
            }
            List<DocumentEntry> firstRegistrations = checkUniqueIds(submitted);
            checkAssociations(submitted, new HiddenDocuments(store.documentFacts(), access.visibility()));
            claimUniqueIds(firstRegistrations);
            Submission submission = DocumentRelationships.replace(submitted, store);
            String now = DTM.format(clock.instant());
            for (Folder folder : submission.folders()) {
                Slots.set((RegistryObjectType) submission.ebrim().get(folder.entryUuid()), LAST_UPDATE_TIME, now);
            }
            try {
                store.insert(submission, Long.parseLong(now));
            } catch (DuplicateKeyException e) {
                // A concurrent submission took the same SubmissionSet or Folder uniqueId, or entryUUID, between check and insert.
                throw new XdsException(XdsErrorCode.XDSDuplicateUniqueIdInRegistry,
                        "a uniqueId or entryUUID of this submission was registered concurrently");
            }
            store.touchFolders(Membership.registeredFoldersGettingMembers(submission), Long.parseLong(now));
            return submission;
        });
    }

    /**
     * ITI TF-3 Table 4.2.4.1-2: a DocumentEntry uniqueId already registered is a resubmission of
     * the same document, registered again as a new DocumentEntry (its own entryUUID), when hash
     * and size match; otherwise XDSNonIdenticalHash or XDSNonIdenticalSize. SubmissionSet and
     * Folder uniqueIds are never reused: XDSDuplicateUniqueIdInRegistry. Returns the entries
     * whose uniqueId is new to the registry.
     */
    private List<DocumentEntry> checkUniqueIds(Submission submission) {
        List<DocumentEntry> firstRegistrations = new ArrayList<>(submission.documentEntries());
        List<String> documentIds = submission.documentEntries().stream().map(DocumentEntry::uniqueId).toList();
        for (RegisteredUniqueId registered : store.registeredUniqueIds(documentIds)) {
            DocumentEntry entry = submission.documentEntries().stream()
                    .filter(e -> e.uniqueId().equals(registered.uniqueId())).findFirst().orElseThrow();
            if (!registered.hash().equals(entry.hash())) {
                throw new XdsException(XdsErrorCode.XDSNonIdenticalHash,
                        "DocumentEntry uniqueId already registered for a document with another hash", entry.uniqueId());
            }
            if (registered.size() != entry.size()) {
                throw new XdsException(XdsErrorCode.XDSNonIdenticalSize,
                        "DocumentEntry uniqueId already registered for a document of another size", entry.uniqueId());
            }
            firstRegistrations.remove(entry);
        }
        List<String> packageIds = new ArrayList<>();
        packageIds.add(submission.submissionSet().uniqueId());
        submission.folders().forEach(folder -> packageIds.add(folder.uniqueId()));
        for (String used : store.packageUniqueIdsInUse(packageIds)) {
            throw new XdsException(XdsErrorCode.XDSDuplicateUniqueIdInRegistry,
                    "SubmissionSet or Folder uniqueId already registered", used);
        }
        Map<String, StoredObject> clashing = store.objects(submission.suppliedUuids());
        if (!clashing.isEmpty()) {
            throw new XdsException(XdsErrorCode.XDSRegistryMetadataError,
                    "entryUUID already used by a registered object", clashing.keySet().iterator().next());
        }
        return firstRegistrations;
    }

    /**
     * Every Association links objects of the submission or registered ones (XDSRegistryMetadataError),
     * all of the submission's patient (XDSPatientIdDoesNotMatch), never a Deprecated DocumentEntry
     * (XDSRegistryDeprecatedDocumentError, ITI TF-3 Table 4.2.4.1-2), and follows the rules of its type.
     * A DocumentEntry the caller may not see counts as not registered.
     */
    private void checkAssociations(Submission submission, HiddenDocuments hidden) {
        Set<String> external = new HashSet<>();
        KnownObjects submittedOnly = new KnownObjects(submission, Map.of());
        for (Association a : submission.associations()) {
            for (String end : List.of(a.sourceObject(), a.targetObject())) {
                if (!submittedOnly.isSubmitted(end)) {
                    external.add(end);
                }
            }
        }
        Map<String, StoredObject> registered = new HashMap<>(store.objects(external));
        registered.keySet().removeAll(hidden.among(registered.keySet()));
        KnownObjects known = new KnownObjects(submission, registered);
        String patient = submission.submissionSet().patientId().canonical();
        for (Association a : submission.associations()) {
            for (String end : List.of(a.sourceObject(), a.targetObject())) {
                if (known.isSubmitted(end)) {
                    continue;
                }
                StoredObject object = known.registered(end);
                if (object == null) {
                    throw new XdsException(XdsErrorCode.XDSRegistryMetadataError,
                            "Association refers to an object that is neither in the submission nor registered", a.entryUuid());
                }
                if (!object.patientId().equals(patient)) {
                    throw new XdsException(XdsErrorCode.XDSPatientIdDoesNotMatch,
                            "Association links objects of different patients", a.entryUuid());
                }
                if (object.kind() == Kind.DOCUMENT_ENTRY && STATUS_DEPRECATED.equals(object.status())) {
                    throw new XdsException(XdsErrorCode.XDSRegistryDeprecatedDocumentError,
                            "Association refers to a Deprecated DocumentEntry", a.entryUuid());
                }
            }
            if (HAS_MEMBER.equals(a.type())) {
                Membership.check(submission, a, known);
            } else if (DocumentRelationships.TYPES.contains(a.type())) {
                DocumentRelationships.check(a, known);
            }
        }
    }

    private static String status(Submission submission, DocumentEntry entry) {
        return ((RegistryObjectType) submission.ebrim().get(entry.entryUuid())).getStatus();
    }

    /** Two submissions registering one new DocumentEntry uniqueId at once: the second is told to retry. */
    private void claimUniqueIds(List<DocumentEntry> entries) {
        try {
            store.claimUniqueIds(entries);
        } catch (DuplicateKeyException e) {
            throw new XdsException(XdsErrorCode.XDSRegistryBusy,
                    "another submission registered the same DocumentEntry uniqueId meanwhile: submit again");
        }
    }
}
