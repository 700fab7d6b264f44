package org.opendmp.audit.arr;

/**
 * A message refused for {@link #reason()}. The detail names what was wrong in terms of the format
 * (never content of the message) and may be logged. Thrown per bad message, so no stack trace is
 * filled in.
 */
public final class MessageRejected extends Exception {

    private static final long serialVersionUID = 1L;

    private final RejectReason reason;

    public MessageRejected(RejectReason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    public RejectReason reason() {
        return reason;
    }
}
