package org.opendmp.registry.testsupport;

import org.opendmp.pixpdq.patient.PatientDirectory;
import org.opendmp.pixpdq.patient.PatientStatus;

/**
 * Patient directories for tests whose subject is not patient identity. The real directory
 * (the patient registry) is checked in PatientIdPolicyTest and over the wire.
 */
public final class TestPatients {

    /** Every well-formed patient id under an accepted authority names a patient with an open DMP. */
    public static final PatientDirectory ALL_OPEN = id -> PatientStatus.OPEN;

    private TestPatients() {
    }
}
