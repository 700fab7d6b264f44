package org.opendmp.registry.submit;

import java.util.HashMap;
import java.util.Map;
import org.opendmp.registry.model.Submission;
import org.opendmp.registry.store.RegistryStore.Kind;
import org.opendmp.registry.store.RegistryStore.StoredObject;

/** The objects the Associations of a submission may link: the submission's own and the registered ones they name. */
final class KnownObjects {

    private final Map<String, Kind> submitted = new HashMap<>();
    private final Map<String, StoredObject> registered;

    KnownObjects(Submission submission, Map<String, StoredObject> registered) {
        this.registered = registered;
        submitted.put(submission.submissionSet().entryUuid(), Kind.SUBMISSION_SET);
        submission.documentEntries().forEach(e -> submitted.put(e.entryUuid(), Kind.DOCUMENT_ENTRY));
        submission.folders().forEach(f -> submitted.put(f.entryUuid(), Kind.FOLDER));
        submission.associations().forEach(a -> submitted.put(a.entryUuid(), Kind.ASSOCIATION));
    }

    boolean isSubmitted(String uuid) {
        return submitted.containsKey(uuid);
    }

    /** The registered object, null when the uuid is the submission's own or unknown. */
    StoredObject registered(String uuid) {
        return registered.get(uuid);
    }

    /** What the object is, wherever it is; null when unknown. */
    Kind kind(String uuid) {
        Kind kind = submitted.get(uuid);
        if (kind != null) {
            return kind;
        }
        StoredObject object = registered.get(uuid);
        return object == null ? null : object.kind();
    }
}
