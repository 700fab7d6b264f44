package org.opendmp.pixpdq.habilitation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opendmp.pixpdq.patient.PatientId;
import org.opendmp.pixpdq.patient.PatientMergeListener;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The authorizations' side of a patient merge: the subsumed patient's entries follow the surviving
 * patient, in the merge's transaction. Where both patients have an entry for one professional, a
 * block wins over an authorization (the patient's refusal is never lost); otherwise the surviving
 * patient's entry stays. The surviving patient keeps their treating doctor; without one (or when a
 * block removed them), the subsumed patient's becomes theirs.
 */
public final class HabilitationMerge implements PatientMergeListener {

    private final HabilitationStore store;

    public HabilitationMerge(JdbcTemplate jdbc) {
        this.store = new HabilitationStore(jdbc);
    }

    @Override
    public void merged(PatientId subsumed, PatientId surviving) {
        List<Habilitation> moving = store.list(subsumed);
        if (moving.isEmpty()) {
            return;
        }
        Map<String, Habilitation> staying = new LinkedHashMap<>();
        store.list(surviving).forEach(h -> staying.put(h.professional().id(), h));
        Map<String, Habilitation> merged = new LinkedHashMap<>(staying);
        for (Habilitation h : moving) {
            Habilitation there = merged.get(h.professional().id());
            if (there == null || (h.mode() == Mode.INTERDITE && there.mode() == Mode.ACTIVE)) {
                merged.put(h.professional().id(), h);
            }
        }
        String treatingDoctor = treatingDoctor(merged, staying);
        for (Habilitation h : moving) {
            store.delete(subsumed, h.professional().id());
        }
        for (Habilitation h : merged.values()) {
            boolean doctor = h.mode() == Mode.ACTIVE && h.professional().id().equals(treatingDoctor);
            Habilitation result = new Habilitation(surviving, h.professional(), h.mode(), doctor, h.since(),
                    h.lastAction());
            Habilitation before = staying.get(h.professional().id());
            if (before == null) {
                store.insert(result);
            } else if (!before.equals(result)) {
                store.update(result);
            }
        }
    }

    /** The surviving patient's treating doctor if still one after the merge, else the subsumed patient's, or null. */
    private static String treatingDoctor(Map<String, Habilitation> merged, Map<String, Habilitation> staying) {
        String fromMoved = null;
        for (Habilitation h : merged.values()) {
            if (h.treatingDoctor() && h.mode() == Mode.ACTIVE) {
                if (h == staying.get(h.professional().id())) {
                    return h.professional().id();
                }
                fromMoved = h.professional().id();
            }
        }
        return fromMoved;
    }
}
