package org.opendmp.registry.update;

/**
 * An UpdateAvailabilityStatus Association of the request (ITI TF-2b 3.57.4.1.3.3.2): the
 * SubmissionSet asks that {@code target} (an entryUUID) go from {@code originalStatus} to
 * {@code newStatus}.
 */
record StatusChange(String associationUuid, String target, String originalStatus, String newStatus) {
}
