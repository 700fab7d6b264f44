package org.opendmp.registry.update;

import static org.opendmp.registry.ebrim.XdsVocabulary.*;

import jakarta.xml.bind.JAXBElement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.opendmp.registry.ebrim.SubmissionReader;
import org.opendmp.registry.error.XdsErrorCode;
import org.opendmp.registry.error.XdsException;
import org.opendmp.registry.model.Association;
import org.opendmp.registry.model.Submission;
import org.opendmp.wsdl.rim.AssociationType1;
import org.opendmp.wsdl.rim.IdentifiableType;
import org.opendmp.wsdl.rim.RegistryObjectListType;
import org.opendmp.wsdl.rim.RegistryObjectType;
import org.opendmp.wsdl.rim.SlotType1;

/**
 * Reads an ITI-57 request: the UpdateAvailabilityStatus Associations are taken out and read
 * here ({@link StatusChange}); everything else (the SubmissionSet, new DocumentEntry and Folder
 * versions, their HasMember Associations) is read and validated by the ITI-42
 * {@link SubmissionReader}, then the logicalIDs the reader resets are put back.
 *
 * <p>Rules applied here (ITI TF-2b 3.57.4.1.3.1 and 3.57.4.1.3.3.x; the NIST XDS Toolkit's
 * registry simulator codes them the same way): a DocumentEntry or Folder of an update is a new
 * version, so its logicalID ({@code lid}) is a UUID different from its entryUUID
 * (XDSMetadataUpdateError); an UpdateAvailabilityStatus Association goes from the SubmissionSet
 * and has exactly one OriginalStatus and one NewStatus value (XDSMetadataUpdateError); the
 * SubmitAssociation operation is not supported (XDSMetadataUpdateOperationError).
 */
final class UpdateRequest {

    private final Submission submission;
    private final List<StatusChange> statusChanges;

    private UpdateRequest(Submission submission, List<StatusChange> statusChanges) {
        this.submission = submission;
        this.statusChanges = statusChanges;
    }

    /** The submission to store: the reader's, plus the UpdateAvailabilityStatus Associations. */
    Submission submission() {
        return submission;
    }

    List<StatusChange> statusChanges() {
        return statusChanges;
    }

    static UpdateRequest read(SubmissionReader reader, RegistryObjectListType list) {
        if (list == null || list.getIdentifiable().isEmpty()) {
            throw new XdsException(XdsErrorCode.XDSRegistryMetadataError, "empty RegistryObjectList");
        }
        Map<IdentifiableType, String> submittedIds = new IdentityHashMap<>();
        Map<IdentifiableType, String> submittedLids = new IdentityHashMap<>();
        List<AssociationType1> statusAssociations = new ArrayList<>();
        RegistryObjectListType rest = new RegistryObjectListType();
        for (JAXBElement<? extends IdentifiableType> element : list.getIdentifiable()) {
            IdentifiableType object = element.getValue();
            if (object instanceof AssociationType1 a && UPDATE_AVAILABILITY_STATUS.equals(a.getAssociationType())) {
                statusAssociations.add(a);
                continue;
            }
            if (object instanceof AssociationType1 a && SUBMIT_ASSOCIATION.equals(a.getAssociationType())) {
                throw new XdsException(XdsErrorCode.XDSMetadataUpdateOperationError,
                        "the SubmitAssociation operation is not supported by this registry", a.getId());
            }
            if (object instanceof RegistryObjectType ro) {
                submittedIds.put(ro, ro.getId());
                submittedLids.put(ro, ro.getLid());
            }
            rest.getIdentifiable().add(element);
        }
        Submission read = reader.read(rest);
        Map<String, String> finalIds = new HashMap<>();
        submittedIds.forEach((object, submitted) -> finalIds.put(submitted, object.getId()));
        restoreLogicalIds(read, submittedIds, submittedLids);

        String submissionSet = read.submissionSet().entryUuid();
        Map<String, IdentifiableType> ebrim = new LinkedHashMap<>(read.ebrim());
        List<Association> associations = new ArrayList<>(read.associations());
        Set<String> supplied = new HashSet<>(read.suppliedUuids());
        List<StatusChange> changes = new ArrayList<>();
        for (AssociationType1 a : statusAssociations) {
            String submittedId = a.getId();
            StatusChange change = statusChange(a, submissionSet, finalIds, ebrim.keySet());
            if (isUuid(submittedId)) {
                supplied.add(change.associationUuid());
            }
            ebrim.put(change.associationUuid(), a);
            associations.add(new Association(change.associationUuid(), UPDATE_AVAILABILITY_STATUS, submissionSet,
                    change.target(), null));
            changes.add(change);
        }
        Submission submission = new Submission(read.submissionSet(), read.documentEntries(), read.folders(),
                List.copyOf(associations), ebrim, Set.copyOf(supplied));
        return new UpdateRequest(submission, List.copyOf(changes));
    }

    /** ITI-57 objects are new versions: their lid names the logical object they update. */
    private static void restoreLogicalIds(Submission read, Map<IdentifiableType, String> submittedIds,
                                          Map<IdentifiableType, String> submittedLids) {
        List<String> versioned = new ArrayList<>();
        read.documentEntries().forEach(entry -> versioned.add(entry.entryUuid()));
        read.folders().forEach(folder -> versioned.add(folder.entryUuid()));
        for (String uuid : versioned) {
            RegistryObjectType ro = (RegistryObjectType) read.ebrim().get(uuid);
            String submittedId = submittedIds.get(ro);
            String lid = submittedLids.get(ro);
            if (lid == null || lid.isBlank() || lid.equals(submittedId)) {
                throw new XdsException(XdsErrorCode.XDSMetadataUpdateError, "an Update Document Set carries no first "
                        + "versions: the DocumentEntry or Folder needs the logicalID (lid) of the object it updates",
                        submittedId);
            }
            if (!isUuid(lid.trim())) {
                throw new XdsException(XdsErrorCode.XDSMetadataUpdateError, "logicalID (lid) must be a UUID", submittedId);
            }
            ro.setLid(lid.trim().toLowerCase(Locale.ROOT));
        }
    }

    private static StatusChange statusChange(AssociationType1 a, String submissionSet, Map<String, String> finalIds,
                                             Set<String> usedIds) {
        String submitted = a.getId();
        if (submitted == null || submitted.isBlank()) {
            throw new XdsException(XdsErrorCode.XDSRegistryMetadataError, "an object has no id");
        }
        String id = isUuid(submitted) ? submitted.toLowerCase(Locale.ROOT) : URN_UUID + UUID.randomUUID();
        if (usedIds.contains(id) || finalIds.containsKey(submitted)) {
            throw new XdsException(XdsErrorCode.XDSRegistryMetadataError,
                    "id used by more than one object in the submission", submitted);
        }
        if (!submissionSet.equals(resolve(a.getSourceObject(), finalIds))) {
            throw new XdsException(XdsErrorCode.XDSMetadataUpdateError,
                    "an UpdateAvailabilityStatus Association goes from the SubmissionSet", submitted);
        }
        String target = resolve(a.getTargetObject(), finalIds);
        if (target == null || !isUuid(target)) {
            throw new XdsException(XdsErrorCode.XDSMetadataUpdateError,
                    "UpdateAvailabilityStatus targetObject is neither an object of the request nor an entryUUID", submitted);
        }
        String original = singleValue(a, "OriginalStatus");
        String newStatus = singleValue(a, "NewStatus");
        a.setId(id);
        a.setLid(id);
        a.setSourceObject(submissionSet);
        a.setTargetObject(target);
        a.setStatus(STATUS_APPROVED);
        return new StatusChange(id, target, original, newStatus);
    }

    private static String resolve(String reference, Map<String, String> finalIds) {
        if (reference == null || reference.isBlank()) {
            return null;
        }
        String id = finalIds.get(reference);
        return id != null ? id : reference.trim().toLowerCase(Locale.ROOT);
    }

    private static String singleValue(AssociationType1 a, String name) {
        List<String> values = new ArrayList<>();
        for (SlotType1 slot : a.getSlot()) {
            if (name.equals(slot.getName()) && slot.getValueList() != null) {
                slot.getValueList().getValue().forEach(v -> values.add(v == null ? "" : v.trim()));
            }
        }
        if (values.size() != 1 || values.get(0).isEmpty()) {
            throw new XdsException(XdsErrorCode.XDSMetadataUpdateError,
                    "an UpdateAvailabilityStatus Association has exactly one " + name + " value", a.getId());
        }
        return values.get(0);
    }
}
