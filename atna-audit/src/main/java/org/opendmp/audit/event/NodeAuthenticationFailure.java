package org.opendmp.audit.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A TLS connection refused during the handshake (no client certificate, an untrusted or expired one, no
 * common protocol or cipher suite): DICOM Security Alert, type Node Authentication.
 *
 * @param eventTime             when
 * @param remoteAddress         the peer's IP address
 * @param peerCertificateSubject the subject DN of the certificate the peer presented, or {@code null}
 * @param reason                why, for example the JSSE alert ({@code bad_certificate}, {@code certificate_unknown})
 * @param local                 the endpoint that refused (for example {@code https://host:8443}), with its address
 */
public record NodeAuthenticationFailure(Instant eventTime, String remoteAddress, String peerCertificateSubject,
        String reason, Participant local) implements SecurityEvent {

    public NodeAuthenticationFailure {
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        Objects.requireNonNull(reason, "reason");
    }
}
