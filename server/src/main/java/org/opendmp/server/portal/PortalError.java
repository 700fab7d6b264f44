package org.opendmp.server.portal;

/**
 * The body of every refused portal call.
 *
 * @param error   a stable name, e.g. {@code unknown_patient}
 * @param message what went wrong, for people; never patient data
 */
public record PortalError(String error, String message) {
}
