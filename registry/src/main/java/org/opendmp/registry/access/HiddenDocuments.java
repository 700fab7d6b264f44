package org.opendmp.registry.access;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The DocumentEntries one caller may not see ({@link EntryFacts#visibleTo}), looked up by
 * entryUUID and remembered for one request. With {@link DocumentVisibility#ALL} nothing is ever
 * looked up.
 */
public final class HiddenDocuments {

    private final DocumentFactsStore store;
    private final DocumentVisibility visibility;
    /** entryUUID to whether it is hidden; false for objects that are not DocumentEntries. */
    private final Map<String, Boolean> known = new HashMap<>();

    public HiddenDocuments(DocumentFactsStore store, DocumentVisibility visibility) {
        this.store = store;
        this.visibility = visibility;
    }

    /** Whether some DocumentEntries may be hidden. */
    public boolean restricted() {
        return visibility != DocumentVisibility.ALL;
    }

    /** Those of these objects that are DocumentEntries the caller may not see. */
    public Set<String> among(Collection<String> uuids) {
        Set<String> hidden = new LinkedHashSet<>();
        if (!restricted() || uuids.isEmpty()) {
            return hidden;
        }
        List<String> unknown = uuids.stream().filter(uuid -> !known.containsKey(uuid)).distinct().toList();
        if (!unknown.isEmpty()) {
            Map<String, EntryFacts> facts = store.byUuid(unknown);
            for (String uuid : unknown) {
                EntryFacts entry = facts.get(uuid);
                known.put(uuid, entry != null && !entry.visibleTo(visibility));
            }
        }
        for (String uuid : uuids) {
            if (known.get(uuid)) {
                hidden.add(uuid);
            }
        }
        return hidden;
    }

    public boolean isHidden(String uuid) {
        return !among(List.of(uuid)).isEmpty();
    }
}
