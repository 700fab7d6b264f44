package org.opendmp.registry.access;

import org.opendmp.security.access.DocumentFacts;

/**
 * The facts of one stored DocumentEntry version and of the latest version of the same logical
 * document (the same object when it is the latest).
 */
public record EntryFacts(DocumentFacts facts, DocumentFacts latestVersion) {

    /**
     * Whether the caller may see this version: they may see it and the latest version. An older
     * version never shows a document its latest version hides (TD3.3a masks a document by a new
     * version; the previous one stays queryable with $MetadataLevel 2).
     */
    public boolean visibleTo(DocumentVisibility visibility) {
        return visibility.visible(facts) && (latestVersion == facts || visibility.visible(latestVersion));
    }
}
