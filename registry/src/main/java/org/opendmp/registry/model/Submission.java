package org.opendmp.registry.model;

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
}
