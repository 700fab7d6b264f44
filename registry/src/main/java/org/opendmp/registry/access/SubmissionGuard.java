package org.opendmp.registry.access;

import java.util.List;
import org.opendmp.registry.error.XdsException;
import org.opendmp.security.access.DocumentFacts;

/**
 * Whether the caller may register these new DocumentEntries for this patient (ITI-41, ITI-42).
 * Called inside the registration's transaction, after the patient check and with the patient's
 * row locked, so a DMP closed or a professional blocked meanwhile is seen.
 */
@FunctionalInterface
public interface SubmissionGuard {

    SubmissionGuard ALLOW = (patientId, newEntries) -> { };

    /**
     * Refuses the whole submission by throwing an {@link XdsException} carrying the error code and
     * message to return; nothing is then stored.
     *
     * @param patientId  the submission's patient (CX, as {@link DocumentFacts#patientId()})
     * @param newEntries the facts of every DocumentEntry of the submission, status Approved
     */
    void check(String patientId, List<DocumentFacts> newEntries);
}
