package org.opendmp.server.portal;

import org.springframework.http.HttpStatus;

/** A portal call refused with an HTTP status and a {@link PortalError}. */
final class PortalException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final String error;

    PortalException(HttpStatus status, String error, String message) {
        super(message);
        this.status = status;
        this.error = error;
    }

    HttpStatus status() {
        return status;
    }

    PortalError body() {
        return new PortalError(error, getMessage());
    }
}
