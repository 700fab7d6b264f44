package org.opendmp.audit.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A VIHF refused (missing, malformed, badly signed, untrusted, expired, ...): DICOM User Authentication,
 * type Login, failed. The claimed identity is recorded as the assertion stated it: it was not proven.
 *
 * @param eventTime         when
 * @param attempted         the transaction the request tried, or {@code null} when unknown
 * @param remote            the client
 * @param local             the endpoint that refused
 * @param claimedSubjectId  the assertion's Subject NameID when it could be read, or {@code null}
 * @param assertionId       the assertion's ID when it could be read, or {@code null}
 * @param reason            the refusal's name, for example {@code UNTRUSTED_SIGNER}
 * @param detail            a message without patient data, or {@code null}
 */
public record AssertionRefusal(Instant eventTime, AuditTransaction attempted, Participant remote, Participant local,
        String claimedSubjectId, String assertionId, String reason, String detail) implements SecurityEvent {

    public AssertionRefusal {
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(reason, "reason");
    }
}
