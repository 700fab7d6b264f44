package org.opendmp.repository.store;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Where document bytes live. The default keeps them in the registry's database so bytes and
 * metadata commit together; a file system or S3-compatible store can take its place for large
 * deployments, with the same contract: {@link #store} joins the caller's transaction or
 * compensates when it rolls back.
 */
public interface DocumentStore {

    void store(StoredDocument document);

    /** The stored documents among these uniqueIds, by uniqueId. */
    Map<String, StoredDocument> find(Collection<String> uniqueIds);

    /** Removes the stored documents among these uniqueIds (ITI-86); returns the uniqueIds it removed. */
    Set<String> remove(Collection<String> uniqueIds);
}
