package org.opendmp.registry.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opendmp.wsdl.rim.IdentifiableType;

/**
 * One validated ITI-42 submission: the model objects, with every symbolic id replaced by a
 * UUID, and the ebRIM objects as they will be stored and returned ({@code ebrim}, keyed by
 * entryUUID: extra slots and classifications are kept exactly as submitted).
 * {@code suppliedUuids} are the ids the source gave as UUIDs itself (the others were symbolic
 * and got fresh UUIDs): only these can clash with registered objects.
 */
public record Submission(SubmissionSet submissionSet,
                         List<DocumentEntry> documentEntries,
                         List<Folder> folders,
                         List<Association> associations,
                         Map<String, IdentifiableType> ebrim,
                         Set<String> suppliedUuids) {

    /**
     * This submission plus Associations the registry makes itself (a replacement's membership of
     * the original's Folders), stored with it.
     */
    public Submission withAssociations(Map<Association, IdentifiableType> added) {
        if (added.isEmpty()) {
            return this;
        }
        List<Association> allAssociations = new ArrayList<>(associations);
        Map<String, IdentifiableType> allEbrim = new LinkedHashMap<>(ebrim);
        added.forEach((association, object) -> {
            allAssociations.add(association);
            allEbrim.put(association.entryUuid(), object);
        });
        return new Submission(submissionSet, documentEntries, folders, List.copyOf(allAssociations), allEbrim,
                suppliedUuids);
    }
}
