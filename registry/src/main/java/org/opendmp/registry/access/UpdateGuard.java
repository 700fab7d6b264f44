package org.opendmp.registry.access;

import org.opendmp.registry.error.XdsException;
import org.opendmp.security.access.DocumentFacts;

/**
 * Whether the caller may make one ITI-57 change to a DocumentEntry they can see (one they cannot
 * see is refused before, as unknown). Called inside the update's transaction, once per change;
 * refusing throws an {@link XdsException} with the error code to return, and nothing is changed.
 */
public interface UpdateGuard {

    UpdateGuard ALLOW = new UpdateGuard() {
        @Override
        public void newVersion(DocumentFacts latest, DocumentFacts next) {
        }

        @Override
        public void statusChange(DocumentFacts entry, String originalStatus, String newStatus) {
        }
    };

    /**
     * A new version of a DocumentEntry (Update DocumentEntry Metadata). Comparing the
     * confidentialityCodes of both tells masking (TD3.3a/b, {@code MASQUE_PS} and
     * {@code INVISIBLE_PATIENT} added or removed) from other changes.
     *
     * @param latest the registered latest version, which becomes Deprecated
     * @param next   the new version, as it will be registered (Approved)
     */
    void newVersion(DocumentFacts latest, DocumentFacts next);

    /**
     * An UpdateAvailabilityStatus of a DocumentEntry (TD3.3c delete, TD3.3d archive and unarchive,
     * deprecate and approve).
     *
     * @param entry          the target: the registered latest version, or a new version of the same request
     * @param originalStatus its current availabilityStatus
     * @param newStatus      the requested one
     */
    void statusChange(DocumentFacts entry, String originalStatus, String newStatus);
}
