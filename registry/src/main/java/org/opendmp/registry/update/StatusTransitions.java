package org.opendmp.registry.update;

import static org.opendmp.registry.ebrim.XdsVocabulary.STATUS_APPROVED;
import static org.opendmp.registry.ebrim.XdsVocabulary.STATUS_ARCHIVED;
import static org.opendmp.registry.ebrim.XdsVocabulary.STATUS_DELETED;
import static org.opendmp.registry.ebrim.XdsVocabulary.STATUS_DEPRECATED;

import java.util.Map;
import java.util.Set;
import org.opendmp.registry.store.RegistryStore.Kind;

/**
 * The availabilityStatus changes an UpdateAvailabilityStatus Association may ask for.
 *
 * <p>IHE (ITI TF-2b 3.57.4.1.3.3.2 and .3.3.4): a DocumentEntry or Folder goes from Approved to
 * Deprecated and back. The DMP adds two DocumentEntry statuses, sent exactly as its TD3.3 example
 * messages do: {@code urn:asip:ci-sis:2010:StatusType:Archived} (TD3.3d archive; unarchiving goes
 * back to Approved) and {@code urn:asip:ci-sis:2010:StatusType:Deleted} (TD3.3c, from Approved,
 * Archived - as the official example does - or Deprecated). Deleted is final.
 */
final class StatusTransitions {

    private static final Map<String, Set<String>> DOCUMENT_ENTRY = Map.of(
            STATUS_APPROVED, Set.of(STATUS_DEPRECATED, STATUS_ARCHIVED, STATUS_DELETED),
            STATUS_DEPRECATED, Set.of(STATUS_APPROVED, STATUS_DELETED),
            STATUS_ARCHIVED, Set.of(STATUS_APPROVED, STATUS_DELETED));

    private static final Map<String, Set<String>> FOLDER = Map.of(
            STATUS_APPROVED, Set.of(STATUS_DEPRECATED),
            STATUS_DEPRECATED, Set.of(STATUS_APPROVED));

    private StatusTransitions() {
    }

    static boolean allowed(Kind kind, String from, String to) {
        Map<String, Set<String>> transitions = kind == Kind.FOLDER ? FOLDER : DOCUMENT_ENTRY;
        return transitions.getOrDefault(from, Set.of()).contains(to);
    }
}
