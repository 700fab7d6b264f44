package org.opendmp.registry.patient;

import java.util.Set;

import org.opendmp.registry.error.XdsErrorCode;
import org.opendmp.registry.error.XdsException;
import org.opendmp.registry.hl7.Cx;
import org.opendmp.registry.hl7.Oid;

/**
 * Which patient identifiers this registry knows. With no patient registry yet, a patient id is
 * known when its assigning authority is one the configuration accepts and, for an INS, when the
 * number is well formed with the right key. A malformed CX is a metadata error
 * (XDSRegistryMetadataError); a well-formed identifier the registry does not know is
 * XDSUnknownPatientId. Messages never repeat the identifier.
 */
public final class PatientIdPolicy {

    private final Set<String> acceptedAssigningAuthorities;

    /**
     * @param acceptedAssigningAuthorities the OIDs of accepted assigning authorities (CX.4)
     * @throws IllegalArgumentException if one of them is not an OID
     */
    public PatientIdPolicy(Set<String> acceptedAssigningAuthorities) {
        for (String oid : acceptedAssigningAuthorities) {
            if (!Oid.isValid(oid)) {
                throw new IllegalArgumentException("Not an OID: " + oid);
            }
        }
        this.acceptedAssigningAuthorities = Set.copyOf(acceptedAssigningAuthorities);
    }

    /** The accepted assigning authorities. */
    public Set<String> acceptedAssigningAuthorities() {
        return acceptedAssigningAuthorities;
    }

    /** Parses {@code patientIdValue}, the content of {@code attribute}, and checks it is known. */
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
        return patientId;
    }

    private static XdsException unknown(String message) {
        return new XdsException(XdsErrorCode.XDSUnknownPatientId, message);
    }
}
