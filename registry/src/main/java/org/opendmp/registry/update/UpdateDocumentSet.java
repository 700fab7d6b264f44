package org.opendmp.registry.update;

import static org.opendmp.registry.ebrim.XdsVocabulary.*;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opendmp.registry.access.Access;
import org.opendmp.registry.access.DocumentFactsStore;
import org.opendmp.registry.access.HiddenDocuments;
import org.opendmp.registry.access.UpdateGuard;
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
import org.opendmp.registry.store.RegistryStore.StoredObject;
import org.opendmp.security.access.DocumentFacts;
import org.opendmp.wsdl.rim.AssociationType1;
import org.opendmp.wsdl.rim.RegistryObjectListType;
import org.opendmp.wsdl.rim.RegistryObjectType;
import org.opendmp.wsdl.rim.VersionInfoType;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionOperations;

/**
 * ITI-57 Update Document Set (IHE ITI TF-2b 3.57): a SubmissionSet carrying new versions of
 * registered DocumentEntries and Folders, and UpdateAvailabilityStatus Associations.
 *
 * <p>Update DocumentEntry / Folder metadata (3.57.4.1.3.3.1 and 3.57.4.1.3.3.3): the new version
 * names the logical object by its lid; the SubmissionSet's HasMember to it carries
 * {@code PreviousVersion}, which must be the latest registered version (else
 * XDSMetadataVersionError). The latest version must be Approved and keep its uniqueId and
 * objectType (else XDSMetadataUpdateError) and its patient (else XDSPatientIDReconciliationError);
 * a DocumentEntry also keeps hash (XDSNonIdenticalHash), size (XDSNonIdenticalSize) and
 * repositoryUniqueId (XDSMetadataUpdateError): the document itself does not change. The new
 * version is registered Approved with version + 1, the previous one becomes Deprecated, and,
 * unless the HasMember says {@code AssociationPropagation=no}, the new version inherits the
 * previous one's Folder memberships and document relationships (3.57.4.1.3.3.1.5).
 *
 * <p>Update availabilityStatus (3.57.4.1.3.3.2 and .3.3.4): the target must be the latest version
 * of a registered DocumentEntry or Folder (or a new version of this request: it then changes after
 * being registered, ITI TF-2b 3.57.4.1.3.1), of the SubmissionSet's patient
 * (XDSPatientIdDoesNotMatch), whose current status is OriginalStatus, and the change must be one
 * {@link StatusTransitions} allows; otherwise XDSMetadataUpdateError. An unknown target is
 * XDSMetadataUpdateError as well (the code the NIST toolkit returns for a missing object).
 *
 * <p>Everything runs in one transaction, joining the caller's: a refused request changes nothing.
 * The SubmissionSet and the Associations of the request are registered like ITI-42's.
 *
 * <p>The caller's {@link Access}: a DocumentEntry they may not see is refused as an unknown one
 * (same error, same message), and the {@link UpdateGuard} decides on each change of a
 * DocumentEntry once the checks above have passed.
 */
public class UpdateDocumentSet {

    private static final DateTimeFormatter DTM = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private final SubmissionReader reader;
    private final RegistryStore store;
    private final VersionStore versions;
    private final TransactionOperations transactions;
    private final Clock clock;

    public UpdateDocumentSet(SubmissionReader reader, RegistryStore store, VersionStore versions,
                             TransactionOperations transactions, Clock clock) {
        this.reader = reader;
        this.store = store;
        this.versions = versions;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A new version of this request and the registered version it replaces. */
    private record NewVersion(Kind kind, String uuid, StoredVersion previous, boolean propagate) {
    }

    /** The caller's access, and the DocumentEntries it hides, for one request. */
    private record Caller(Access access, HiddenDocuments hidden) {

        /** Whether a guard wants the facts of the changes (UNRESTRICTED callers load none). */
        boolean guarded() {
            return access.update() != UpdateGuard.ALLOW;
        }
    }

    /** A status change whose target has been found. */
    private record Change(Kind kind, String target, String from, String to, String association) {
    }

    /** The update for a caller who may do everything; see {@link #update(RegistryObjectListType, Access)}. */
    public Submission update(RegistryObjectListType metadata) {
        return update(metadata, Access.UNRESTRICTED);
    }

    public Submission update(RegistryObjectListType metadata, Access access) {
        UpdateRequest request = UpdateRequest.read(reader, metadata);
        Submission submission = request.submission();
        checkOperations(submission, request.statusChanges());
        return transactions.execute(tx -> {
            reader.patientIds().recheckLocked(submission.submissionSet().patientId(), "XDSSubmissionSet.patientId");
            checkSubmissionSet(submission);
            Caller caller = new Caller(access, new HiddenDocuments(store.documentFacts(), access.visibility()));
            String now = DTM.format(clock.instant());
            List<NewVersion> newVersions = new ArrayList<>();
            for (DocumentEntry entry : submission.documentEntries()) {
                newVersions.add(documentEntryVersion(submission, entry, caller));
            }
            for (Folder folder : submission.folders()) {
                newVersions.add(folderVersion(submission, folder));
                Slots.set((RegistryObjectType) submission.ebrim().get(folder.entryUuid()), "lastUpdateTime", now);
            }
            List<Change> changes = statusChanges(submission, request.statusChanges(), newVersions, caller);
            try {
                store.insert(submission, Long.parseLong(now));
            } catch (DuplicateKeyException e) {
                throw new XdsException(XdsErrorCode.XDSMetadataVersionError,
                        "another update of the same object or uniqueId was registered concurrently");
            }
            for (NewVersion version : newVersions) {
                deprecatePrevious(version, now);
            }
            for (Change change : changes) {
                apply(change);
            }
            return submission;
        });
    }

    /**
     * The request holds update operations only: new versions with the SubmissionSet's HasMember,
     * and UpdateAvailabilityStatus Associations. Other Associations would need the SubmitAssociation
     * operation, which this registry does not support.
     */
    private static void checkOperations(Submission submission, List<StatusChange> statusChanges) {
        Set<String> versions = new HashSet<>();
        submission.documentEntries().forEach(e -> versions.add(e.entryUuid()));
        submission.folders().forEach(f -> versions.add(f.entryUuid()));
        if (versions.isEmpty() && statusChanges.isEmpty()) {
            throw new XdsException(XdsErrorCode.XDSMetadataUpdateError,
                    "the request carries no update: no new DocumentEntry or Folder version, no UpdateAvailabilityStatus");
        }
        String ss = submission.submissionSet().entryUuid();
        for (Association a : submission.associations()) {
            boolean membership = HAS_MEMBER.equals(a.type()) && ss.equals(a.sourceObject())
                    && versions.contains(a.targetObject());
            if (!membership && !UPDATE_AVAILABILITY_STATUS.equals(a.type())) {
                throw new XdsException(XdsErrorCode.XDSMetadataUpdateOperationError,
                        "an Update Document Set may only carry the SubmissionSet's HasMember to new versions and"
                                + " UpdateAvailabilityStatus Associations", a.entryUuid());
            }
        }
    }

    /** As in ITI-42: the SubmissionSet's uniqueId and the UUIDs the source chose are not registered yet. */
    private void checkSubmissionSet(Submission submission) {
        for (String used : store.packageUniqueIdsInUse(List.of(submission.submissionSet().uniqueId()))) {
            throw new XdsException(XdsErrorCode.XDSDuplicateUniqueIdInRegistry, "SubmissionSet uniqueId already registered",
                    used);
        }
        Map<String, StoredObject> clashing = store.objects(submission.suppliedUuids());
        if (!clashing.isEmpty()) {
            throw new XdsException(XdsErrorCode.XDSRegistryMetadataError,
                    "entryUUID already used by a registered object", clashing.keySet().iterator().next());
        }
    }

    private NewVersion documentEntryVersion(Submission submission, DocumentEntry entry, Caller caller) {
        String uuid = entry.entryUuid();
        RegistryObjectType ebrim = (RegistryObjectType) submission.ebrim().get(uuid);
        StoredVersion latest = versions.latestDocumentEntry(ebrim.getLid())
                .filter(version -> !caller.hidden().isHidden(version.uuid())).orElseThrow(() -> new XdsException(
                XdsErrorCode.XDSMetadataUpdateError, "no registered DocumentEntry has this logicalID", uuid));
        checkVersion(submission, uuid, latest);
        if (!latest.objectType().equals(entry.objectType())) {
            throw new XdsException(XdsErrorCode.XDSMetadataUpdateError,
                    "a new version keeps the objectType of the DocumentEntry", uuid);
        }
        checkSameObject(latest, entry.uniqueId(), entry.patientId().canonical(), uuid);
        if (!latest.hash().equals(entry.hash())) {
            throw new XdsException(XdsErrorCode.XDSNonIdenticalHash,
                    "a new DocumentEntry version describes the same document: hash differs", uuid);
        }
        if (latest.size() != entry.size().longValue()) {
            throw new XdsException(XdsErrorCode.XDSNonIdenticalSize,
                    "a new DocumentEntry version describes the same document: size differs", uuid);
        }
        if (!latest.repositoryUniqueId().equals(entry.repositoryUniqueId())) {
            throw new XdsException(XdsErrorCode.XDSMetadataUpdateError,
                    "a new DocumentEntry version describes the same document: repositoryUniqueId differs", uuid);
        }
        if (caller.guarded()) {
            caller.access().update().newVersion(storedFacts(latest.uuid()), DocumentFactsStore.of(entry, STATUS_APPROVED));
        }
        setVersion(ebrim, latest.version() + 1);
        return new NewVersion(Kind.DOCUMENT_ENTRY, uuid, latest, propagate(submission, uuid));
    }

    private NewVersion folderVersion(Submission submission, Folder folder) {
        String uuid = folder.entryUuid();
        RegistryObjectType ebrim = (RegistryObjectType) submission.ebrim().get(uuid);
        StoredVersion latest = versions.latestFolder(ebrim.getLid()).orElseThrow(() -> new XdsException(
                XdsErrorCode.XDSMetadataUpdateError, "no registered Folder has this logicalID", uuid));
        checkVersion(submission, uuid, latest);
        checkSameObject(latest, folder.uniqueId(), folder.patientId().canonical(), uuid);
        setVersion(ebrim, latest.version() + 1);
        return new NewVersion(Kind.FOLDER, uuid, latest, propagate(submission, uuid));
    }

    /** PreviousVersion is the latest version (XDSMetadataVersionError), which is Approved. */
    private static void checkVersion(Submission submission, String uuid, StoredVersion latest) {
        String previous = Slots.single(membership(submission, uuid), "PreviousVersion", false, uuid);
        if (previous == null) {
            throw new XdsException(XdsErrorCode.XDSMetadataUpdateError,
                    "the SubmissionSet's HasMember to a new version needs the PreviousVersion slot", uuid);
        }
        if (!previous.equals(Integer.toString(latest.version()))) {
            throw new XdsException(XdsErrorCode.XDSMetadataVersionError, "PreviousVersion " + previous
                    + " is not the latest registered version, " + latest.version(), uuid);
        }
        if (!STATUS_APPROVED.equals(latest.status())) {
            throw new XdsException(XdsErrorCode.XDSMetadataUpdateError,
                    "only an Approved version can be updated; the latest version is " + latest.status(), uuid);
        }
    }

    private static void checkSameObject(StoredVersion latest, String uniqueId, String patientId, String uuid) {
        if (!latest.uniqueId().equals(uniqueId)) {
            throw new XdsException(XdsErrorCode.XDSMetadataUpdateError, "a new version keeps the uniqueId", uuid);
        }
        if (!latest.patientId().equals(patientId)) {
            throw new XdsException(XdsErrorCode.XDSPatientIDReconciliationError,
                    "a new version cannot change the patient", uuid);
        }
    }

    /** The AssociationPropagation slot of the HasMember: yes (the default) or no. */
    private static boolean propagate(Submission submission, String uuid) {
        String value = Slots.single(membership(submission, uuid), "AssociationPropagation", false, uuid);
        if (value != null && !value.equals("yes") && !value.equals("no")) {
            throw new XdsException(XdsErrorCode.XDSMetadataUpdateError, "AssociationPropagation is yes or no", uuid);
        }
        return !"no".equals(value);
    }

    private static AssociationType1 membership(Submission submission, String target) {
        String ss = submission.submissionSet().entryUuid();
        for (Association a : submission.associations()) {
            if (HAS_MEMBER.equals(a.type()) && ss.equals(a.sourceObject()) && target.equals(a.targetObject())) {
                return (AssociationType1) submission.ebrim().get(a.entryUuid());
            }
        }
        throw new XdsException(XdsErrorCode.XDSMetadataUpdateError, "a new version is a member of the SubmissionSet",
                target);
    }

    private static void setVersion(RegistryObjectType ebrim, int version) {
        VersionInfoType info = new VersionInfoType();
        info.setVersionName(Integer.toString(version));
        ebrim.setVersionInfo(info);
    }

    private List<Change> statusChanges(Submission submission, List<StatusChange> requested, List<NewVersion> newVersions,
                                       Caller caller) {
        Map<String, NewVersion> byUuid = new HashMap<>();
        Set<String> updatedLids = new HashSet<>();
        for (NewVersion version : newVersions) {
            byUuid.put(version.uuid(), version);
            updatedLids.add(version.previous().lid());
        }
        String patient = submission.submissionSet().patientId().canonical();
        Set<String> targets = new HashSet<>();
        List<Change> changes = new ArrayList<>();
        for (StatusChange change : requested) {
            String where = change.associationUuid();
            if (!targets.add(change.target())) {
                throw new XdsException(XdsErrorCode.XDSMetadataUpdateError,
                        "two UpdateAvailabilityStatus Associations target the same object", where);
            }
            Kind kind;
            String current;
            NewVersion inRequest = byUuid.get(change.target());
            if (inRequest != null) {
                kind = inRequest.kind();
                current = STATUS_APPROVED;
            } else {
                StoredVersion target = registeredTarget(change.target(), where, caller.hidden());
                kind = versions.documentEntry(change.target()).isPresent() ? Kind.DOCUMENT_ENTRY : Kind.FOLDER;
                if (!target.patientId().equals(patient)) {
                    throw new XdsException(XdsErrorCode.XDSPatientIdDoesNotMatch,
                            "the target belongs to another patient than the SubmissionSet", where);
                }
                StoredVersion latest = (kind == Kind.FOLDER ? versions.latestFolder(target.lid())
                        : versions.latestDocumentEntry(target.lid())).orElseThrow();
                if (!latest.uuid().equals(target.uuid()) || updatedLids.contains(target.lid())) {
                    throw new XdsException(XdsErrorCode.XDSMetadataUpdateError,
                            "the target is not the latest version of its object", where);
                }
                current = target.status();
            }
            if (!current.equals(change.originalStatus())) {
                throw new XdsException(XdsErrorCode.XDSMetadataUpdateError,
                        "OriginalStatus is not the target's availabilityStatus, " + current, where);
            }
            if (!StatusTransitions.allowed(kind, current, change.newStatus())) {
                throw new XdsException(XdsErrorCode.XDSMetadataUpdateError, "availabilityStatus cannot go from "
                        + current + " to " + change.newStatus() + " for a " + kind, where);
            }
            if (kind == Kind.DOCUMENT_ENTRY && caller.guarded()) {
                DocumentFacts facts = inRequest != null
                        ? DocumentFactsStore.of(documentEntry(submission, change.target()), STATUS_APPROVED)
                        : storedFacts(change.target());
                caller.access().update().statusChange(facts, current, change.newStatus());
            }
            changes.add(new Change(kind, change.target(), current, change.newStatus(), where));
        }
        return changes;
    }

    /** The registered target; one the caller may not see is answered as unknown. */
    private StoredVersion registeredTarget(String uuid, String where, HiddenDocuments hidden) {
        var entry = versions.documentEntry(uuid);
        if (entry.isPresent() && !hidden.isHidden(uuid)) {
            return entry.get();
        }
        var folder = entry.isPresent() ? Optional.<StoredVersion>empty() : versions.folder(uuid);
        if (folder.isPresent()) {
            return folder.get();
        }
        StoredObject other = entry.isPresent() ? null : store.objects(List.of(uuid)).get(uuid);
        if (other != null && other.kind() == Kind.ASSOCIATION) {
            throw new XdsException(XdsErrorCode.XDSMetadataUpdateOperationError,
                    "changing the availabilityStatus of an Association is not supported", where);
        }
        throw new XdsException(XdsErrorCode.XDSMetadataUpdateError, other == null
                ? "UpdateAvailabilityStatus targets no registered DocumentEntry or Folder"
                : "the availabilityStatus of a SubmissionSet cannot be changed", where);
    }

    private DocumentFacts storedFacts(String uuid) {
        return store.documentFacts().byUuid(List.of(uuid)).get(uuid).facts();
    }

    private static DocumentEntry documentEntry(Submission submission, String uuid) {
        return submission.documentEntries().stream().filter(e -> e.entryUuid().equals(uuid)).findFirst().orElseThrow();
    }

    private void deprecatePrevious(NewVersion version, String now) {
        String previous = version.previous().uuid();
        boolean changed = version.kind() == Kind.FOLDER
                ? store.changeFolderStatus(previous, STATUS_APPROVED, STATUS_DEPRECATED)
                : store.changeDocumentStatus(previous, STATUS_APPROVED, STATUS_DEPRECATED);
        if (!changed) {
            throw new XdsException(XdsErrorCode.XDSMetadataVersionError,
                    "the previous version was changed concurrently", version.uuid());
        }
        if (version.propagate()) {
            if (version.kind() == Kind.FOLDER) {
                versions.propagateFolderMembers(previous, version.uuid());
            } else {
                // the Folders' lastUpdateTime follows: they got a new member (ITI TF-3 4.2.3.4)
                store.touchFolders(versions.propagateDocumentEntryAssociations(previous, version.uuid()),
                        Long.parseLong(now));
            }
        }
    }

    private void apply(Change change) {
        boolean changed = change.kind() == Kind.FOLDER
                ? store.changeFolderStatus(change.target(), change.from(), change.to())
                : store.changeDocumentStatus(change.target(), change.from(), change.to());
        if (!changed) {
            throw new XdsException(XdsErrorCode.XDSMetadataUpdateError,
                    "the target's availabilityStatus was changed concurrently", change.association());
        }
    }
}
