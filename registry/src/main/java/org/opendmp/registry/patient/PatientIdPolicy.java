package org.opendmp.registry.patient;

import java.util.Set;
import org.opendmp.pixpdq.ins.InsNumber;
import org.opendmp.pixpdq.ins.InsOids;
import org.opendmp.pixpdq.patient.PatientDirectory;
import org.opendmp.pixpdq.patient.PatientId;
import org.opendmp.pixpdq.patient.PatientStatus;
import org.opendmp.registry.error.XdsErrorCode;
import org.opendmp.registry.error.XdsException;
import org.opendmp.registry.hl7.Cx;
import org.opendmp.registry.hl7.Oid;

/**
 * Which patient ids documents may be registered for. The id must be under an assigning
 * authority the registry accepts (the INS authorities), be a valid INS, and name a patient the
 * patient registry knows whose DMP is open. A malformed CX is a metadata error
 * (XDSRegistryMetadataError); a well-formed identifier of a patient the registry does not know,
 * merged into another, or whose DMP is closed is XDSUnknownPatientId (IHE has no closer code;
 * the message says which). Messages never repeat the identifier.
 */
public final class PatientIdPolicy {

    private final Set<String> acceptedAssigningAuthorities;
    private final PatientDirectory patients;

    /**
     * @param acceptedAssigningAuthorities the OIDs of accepted assigning authorities (CX.4)
     * @param patients                     the patient registry
     * @throws IllegalArgumentException if one of them is not an OID
     */
    public PatientIdPolicy(Set<String> acceptedAssigningAuthorities, PatientDirectory patients) {
        for (String oid : acceptedAssigningAuthorities) {
            if (!Oid.isValid(oid)) {
                throw new IllegalArgumentException("Not an OID: " + oid);
            }
        }
        this.acceptedAssigningAuthorities = Set.copyOf(acceptedAssigningAuthorities);
        this.patients = patients;
    }

    /** The accepted assigning authorities. */
    public Set<String> acceptedAssigningAuthorities() {
        return acceptedAssigningAuthorities;
    }

    /** Parses {@code patientIdValue}, the content of {@code attribute}, and checks documents may be registered for it. */
    public Cx check(String patientIdValue, String attribute) {
        Cx patientId = Cx.parse(patientIdValue, attribute);
        if (!acceptedAssigningAuthorities.contains(patientId.oid())) {
            throw unknown(attribute + ": assigning authority " + patientId.oid()
                    + " is not accepted by this registry");
        }
        if (InsOids.isIns(patientId.oid())) {
            InsNumber.whyInvalid(patientId.id()).ifPresent(reason -> {
                throw unknown(attribute + ": not a valid INS (" + reason + ")");
            });
        }
        return checkStatus(patientId, attribute, patients.status(new PatientId(patientId.id(), patientId.oid())));
    }

    /**
     * Checks again, inside the registration's transaction and with the patient's row locked, that
     * documents may still be registered for {@code patientId}: a merge or closure that committed
     * since {@link #check} is seen, and one that starts now waits for the registration.
     */
    public void recheckLocked(Cx patientId, String attribute) {
        checkStatus(patientId, attribute, patients.lockedStatus(new PatientId(patientId.id(), patientId.oid())));
    }

    private static Cx checkStatus(Cx patientId, String attribute, PatientStatus status) {
        switch (status) {
            case OPEN -> {
                return patientId;
            }
            case CLOSED -> throw unknown(attribute + ": this patient's DMP is closed; its documents are kept"
                    + " but it accepts no new ones");
            case MERGED -> throw unknown(attribute + ": this patient id was merged into another; use the surviving INS");
            default -> throw unknown(attribute + ": the patient registry does not know this patient"
                    + " (feed it first: ITI-8, ITI-44 or TD1.1)");
        }
    }

    private static XdsException unknown(String message) {
        return new XdsException(XdsErrorCode.XDSUnknownPatientId, message);
    }
}
