package org.opendmp.registry.access;

import org.opendmp.security.access.DocumentFacts;

/**
 * Whether the caller may see one DocumentEntry. A DocumentEntry the caller may not see does not
 * exist for them: queries leave it and its Associations out, and every transaction naming it
 * answers as for an unknown object.
 */
@FunctionalInterface
public interface DocumentVisibility {

    /** Every DocumentEntry is visible; the registry then loads no facts at all. */
    DocumentVisibility ALL = facts -> true;

    boolean visible(DocumentFacts facts);
}
