package org.opendmp.audit.delivery;

import java.io.IOException;

/** The journal reached its size limit: the event was not written. */
public final class QueueFullException extends IOException {

    private static final long serialVersionUID = 1L;

    public QueueFullException(String message) {
        super(message);
    }
}
