package org.opendmp.pixpdq.hl7v2;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.util.Terser;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import org.opendmp.pixpdq.patient.IdentityTraits;
import org.opendmp.pixpdq.patient.Patient;
import org.opendmp.pixpdq.patient.PatientId;

/** Writes a patient into a PID the way {@link PidReader} reads it (PID-3, 5, 7, 8, 11 BDL). */
final class PidWriter {

    private PidWriter() {
    }

    /** Fills {@code pid} (set id {@code setId}) with the patient, PID-3 limited to {@code domains} unless empty. */
    static void write(Segment pid, int setId, Patient patient, Set<String> domains) throws HL7Exception {
        Terser.set(pid, 1, 0, 1, 1, Integer.toString(setId));
        List<PatientId> ids = patient.identifiers().stream()
                .filter(id -> domains.isEmpty() || domains.contains(id.authority())).toList();
        for (int i = 0; i < ids.size(); i++) {
            Cx.write(pid, 3, i, ids.get(i));
        }
        IdentityTraits traits = patient.traits();
        Terser.set(pid, 5, 0, 1, 1, traits.birthName());
        List<String> given = traits.givenNames();
        if (!given.isEmpty()) {
            Terser.set(pid, 5, 0, 2, 1, given.get(0));
            Terser.set(pid, 5, 0, 3, 1, String.join(" ", given));
        }
        Terser.set(pid, 5, 0, 7, 1, "L");
        if (traits.usedName() != null) {
            Terser.set(pid, 5, 1, 1, 1, traits.usedName());
            if (!given.isEmpty()) {
                Terser.set(pid, 5, 1, 2, 1, given.get(0));
            }
            Terser.set(pid, 5, 1, 7, 1, "D");
        }
        if (traits.birthDate() != null) {
            Terser.set(pid, 7, 0, 1, 1, traits.birthDate().format(DateTimeFormatter.BASIC_ISO_DATE));
        }
        Terser.set(pid, 8, 0, 1, 1, traits.sex().name());
        if (traits.birthPlaceCode() != null) {
            Terser.set(pid, 11, 0, 7, 1, "BDL");
            Terser.set(pid, 11, 0, 9, 1, traits.birthPlaceCode());
        }
    }
}
