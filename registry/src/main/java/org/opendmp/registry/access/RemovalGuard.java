package org.opendmp.registry.access;

import java.util.Collection;
import org.opendmp.registry.error.XdsException;

/**
 * Whether the caller may remove anything at all: ITI-62 Remove Metadata and ITI-86 Remove
 * Documents, administration transactions the DMP contract does not give to professionals.
 * Checked once, before the removal looks at the registry.
 */
@FunctionalInterface
public interface RemovalGuard {

    RemovalGuard ALLOW = ids -> { };

    /**
     * Refuses the removal by throwing an {@link XdsException} with the error code to return.
     *
     * @param ids the entryUUIDs named by an ITI-62 request, or the document uniqueIds of an ITI-86 one
     */
    void check(Collection<String> ids);
}
