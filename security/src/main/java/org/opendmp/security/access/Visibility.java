package org.opendmp.security.access;

/** What a caller may learn of one DocumentEntry in a search (TD3.1). */
public enum Visibility {
    /** Metadata visible; the document may be retrieved (TD3.2) if the transaction is allowed. */
    VISIBLE,
    /**
     * Only the entry's reference, to delete or archive it: a CPE or facility-certificate user's own
     * (facility's) document. Such users may not retrieve documents.
     */
    REFERENCE_ONLY,
    /** As if the entry did not exist. */
    NOT_VISIBLE;

    /** Whether the entry may appear in the caller's search results at all. */
    public boolean visible() {
        return this != NOT_VISIBLE;
    }
}
