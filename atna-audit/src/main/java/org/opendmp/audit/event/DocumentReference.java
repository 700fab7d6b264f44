package org.opendmp.audit.event;

import java.util.Objects;

/**
 * A document as an audit message names it: its DocumentEntry uniqueId, with the repository (and
 * community) holding it.
 *
 * @param uniqueId           {@code XDSDocumentEntry.uniqueId}
 * @param repositoryUniqueId the repository's uniqueId, or {@code null}
 * @param homeCommunityId    the home community id, or {@code null}
 */
public record DocumentReference(String uniqueId, String repositoryUniqueId, String homeCommunityId) {

    public DocumentReference {
        Objects.requireNonNull(uniqueId, "uniqueId");
    }

    /** A document of the given repository, in no named community. */
    public static DocumentReference of(String uniqueId, String repositoryUniqueId) {
        return new DocumentReference(uniqueId, repositoryUniqueId, null);
    }
}
