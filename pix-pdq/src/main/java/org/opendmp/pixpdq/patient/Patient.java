package org.opendmp.pixpdq.patient;

import java.time.Instant;
import java.util.List;

/**
 * A patient as the registry knows it: keyed on the INS, with the local identifiers facilities
 * gave them (cross-referenced to the INS), their identity traits, how to reach them and the state
 * of their DMP. {@link #toString()} hides patient data.
 *
 * @param ins       the INS, the key
 * @param localIds  facility identifiers (IPP) cross-referenced to the INS
 * @param traits    identity traits
 * @param telecoms  phone numbers and e-mail addresses
 * @param dmp       the state of the DMP
 * @param updatedAt last change of any of the above
 */
public record Patient(PatientId ins, List<PatientId> localIds, IdentityTraits traits, List<Telecom> telecoms,
                      Dmp dmp, Instant updatedAt) {

    public Patient {
        localIds = List.copyOf(localIds);
        telecoms = List.copyOf(telecoms);
    }

    /** The INS followed by the local identifiers. */
    public List<PatientId> identifiers() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(ins), localIds.stream()).toList();
    }

    @Override
    public String toString() {
        return "Patient[(hidden), dmp=" + dmp.status() + "]";
    }
}
