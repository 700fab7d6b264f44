package org.opendmp.registry.submit;

import static org.opendmp.registry.ebrim.XdsVocabulary.*;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.opendmp.registry.store.RegistryStore.StoredEntry;
import org.opendmp.registry.store.RegistryStore.StoredObject;
import org.opendmp.wsdl.rim.RegistryObjectListType;
import org.opendmp.wsdl.rim.RegistryObjectType;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionOperations;

/**
 * ITI-42 Register Document Set-b: validates a submission against the message rules
 * ({@link SubmissionReader}) and against what the registry holds (uniqueIds, references,
 * document relationships), then stores it. All of it runs in one transaction, joining the
 * caller's when there is one (ITI-41 stores document bytes in the same transaction): a
 * refused submission leaves nothing behind.
 */
public class RegisterDocumentSet {

    private static final DateTimeFormatter DTM = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    private static final Set<String> REPLACEMENTS = Set.of(RPLC, XFRM_RPLC);
    private static final Set<String> DOCUMENT_RELATIONSHIPS = Set.of(RPLC, XFRM, APND, XFRM_RPLC);

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

    public Submission register(RegistryObjectListType metadata) {
        Submission submission = reader.read(metadata);
        return transactions.execute(tx -> {
            checkUniqueIds(submission);
            checkReferences(submission);
            String now = DTM.format(clock.instant());
            for (Folder folder : submission.folders()) {
                Slots.set((RegistryObjectType) submission.ebrim().get(folder.entryUuid()), "lastUpdateTime", now);
            }
            try {
                store.insert(submission, Long.parseLong(now));
            } catch (DuplicateKeyException e) {
                // A concurrent submission took the same uniqueId or entryUUID between check and insert.
                throw new XdsException(XdsErrorCode.XDSDuplicateUniqueIdInRegistry,
                        "a uniqueId or entryUUID of this submission was registered concurrently");
            }
            deprecateReplacedDocuments(submission);
            return submission;
        });
    }

    /**
     * ITI TF-3 4.2.4.1: a DocumentEntry uniqueId already registered with another hash is
     * XDSNonIdenticalHash; any other reuse of a registered uniqueId is XDSDuplicateUniqueIdInRegistry.
     */
    private void checkUniqueIds(Submission submission) {
        List<String> documentIds = submission.documentEntries().stream().map(DocumentEntry::uniqueId).toList();
        for (StoredEntry stored : store.documentEntriesByUniqueId(documentIds)) {
            DocumentEntry entry = submission.documentEntries().stream()
                    .filter(e -> e.uniqueId().equals(stored.uniqueId())).findFirst().orElseThrow();
            if (!stored.hash().equals(entry.hash())) {
                throw new XdsException(XdsErrorCode.XDSNonIdenticalHash,
                        "DocumentEntry uniqueId already registered for a document with another hash", entry.uniqueId());
            }
            throw new XdsException(XdsErrorCode.XDSDuplicateUniqueIdInRegistry,
                    "DocumentEntry uniqueId already registered", entry.uniqueId());
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
    }

    /** Associations may point at registered objects: they must exist and belong to the same patient. */
    private void checkReferences(Submission submission) {
        Set<String> local = submission.ebrim().keySet();
        Set<String> external = new HashSet<>();
        for (Association a : submission.associations()) {
            if (!local.contains(a.sourceObject())) {
                external.add(a.sourceObject());
            }
            if (!local.contains(a.targetObject())) {
                external.add(a.targetObject());
            }
        }
        Map<String, StoredObject> stored = store.objects(external);
        String patient = submission.submissionSet().patientId().canonical();
        for (Association a : submission.associations()) {
            for (String end : List.of(a.sourceObject(), a.targetObject())) {
                if (local.contains(end)) {
                    continue;
                }
                StoredObject object = stored.get(end);
                if (object == null) {
                    throw new XdsException(XdsErrorCode.XDSRegistryMetadataError,
                            "Association refers to an object that is neither in the submission nor registered", a.entryUuid());
                }
                if (!object.patientId().equals(patient)) {
                    throw new XdsException(XdsErrorCode.XDSPatientIdDoesNotMatch,
                            "Association links objects of different patients", a.entryUuid());
                }
            }
            if (DOCUMENT_RELATIONSHIPS.contains(a.type())) {
                checkDocumentRelationship(submission, a, stored.get(a.targetObject()));
            }
        }
    }

    /** RPLC, XFRM, APND, XFRM_RPLC: a new DocumentEntry of this submission to an Approved registered one. */
    private static void checkDocumentRelationship(Submission submission, Association a, StoredObject target) {
        boolean sourceIsNewEntry = submission.documentEntries().stream().anyMatch(e -> e.entryUuid().equals(a.sourceObject()));
        if (!sourceIsNewEntry || target == null || target.kind() != Kind.DOCUMENT_ENTRY) {
            throw new XdsException(XdsErrorCode.XDSRegistryMetadataError,
                    "a document relationship links a new DocumentEntry of the submission to a registered DocumentEntry",
                    a.entryUuid());
        }
        if (!STATUS_APPROVED.equals(target.status())) {
            throw new XdsException(XdsErrorCode.XDSRegistryMetadataError,
                    "the related DocumentEntry is not Approved", a.entryUuid());
        }
    }

    private void deprecateReplacedDocuments(Submission submission) {
        for (Association a : submission.associations()) {
            if (REPLACEMENTS.contains(a.type())
                    && !store.changeDocumentStatus(a.targetObject(), STATUS_APPROVED, STATUS_DEPRECATED)) {
                throw new XdsException(XdsErrorCode.XDSRegistryMetadataError,
                        "the replaced DocumentEntry was changed concurrently", a.entryUuid());
            }
        }
    }
}
