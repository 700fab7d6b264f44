package org.opendmp.server.access;

/**
 * The access rules refuse the whole transaction to this caller. The message is for the client: it names
 * the rule, never patient data, and never reveals a hidden document.
 */
public final class AccessDenied extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AccessDenied(String message) {
        super(message, null, false, false);
    }
}
