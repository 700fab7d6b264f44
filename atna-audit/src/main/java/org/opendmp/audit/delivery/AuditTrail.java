package org.opendmp.audit.delivery;

import java.io.IOException;

import javax.net.ssl.SSLContext;

import org.opendmp.audit.event.AuditEvents;
import org.opendmp.audit.event.AuditSourceIdentity;

/**
 * The audit trail of one server, wired: the journal, the {@link Auditor} writing to it and the delivery
 * sending it to the ARR. Open it at start-up; close it after the server stopped taking requests (events
 * audited after {@link #close()} are counted as lost).
 */
public final class AuditTrail implements AutoCloseable {

    private final DurableAuditQueue queue;
    private final Auditor auditor;
    private final AuditDelivery delivery;

    private AuditTrail(DurableAuditQueue queue, Auditor auditor, AuditDelivery delivery) {
        this.queue = queue;
        this.auditor = auditor;
        this.delivery = delivery;
    }

    /**
     * Opens the journal (recovering it after a crash) and starts delivering it.
     *
     * @param tls     for {@link AuditTrailSettings.Transport#TLS}: the client context (this server's
     *                certificate, the ARR's trust anchors), for example from {@code TlsSettings.sslContext};
     *                ignored for UDP
     * @param metrics where counts go, or {@code null}
     */
    public static AuditTrail open(AuditTrailSettings settings, SSLContext tls, AuditMetrics metrics)
            throws IOException {
        AuditMetrics counts = metrics == null ? AuditMetrics.NONE : metrics;
        DurableAuditQueue queue = DurableAuditQueue.open(settings.directory(), settings.queue(), counts);
        SyslogSender sender = switch (settings.transport()) {
            case TLS -> {
                if (tls == null) {
                    queue.close();
                    throw new IllegalArgumentException("Syslog over TLS needs a TLS context");
                }
                yield new TlsSyslogSender(tls, settings.host(), settings.port(), settings.connectTimeout());
            }
            case UDP -> new UdpSyslogSender(settings.host(), settings.port(), settings.maxDatagramBytes());
        };
        AuditEvents events = new AuditEvents(AuditSourceIdentity.of(settings.auditSourceId(),
                settings.enterpriseSiteId()));
        Auditor auditor = new Auditor(events, queue, counts);
        AuditDelivery delivery = new AuditDelivery(queue, sender,
                new SyslogFormat(settings.hostname(), settings.appName(), queue.journalId()), settings.delivery(),
                counts);
        delivery.start();
        return new AuditTrail(queue, auditor, delivery);
    }

    /** What the server calls. */
    public Auditor auditor() {
        return auditor;
    }

    /** The journal, for its depth (a gauge) and its size on disk. */
    public DurableAuditQueue queue() {
        return queue;
    }

    /** The delivery. */
    public AuditDelivery delivery() {
        return delivery;
    }

    /** Stops the delivery (closing the connection gracefully) and closes the journal. */
    @Override
    public void close() throws IOException {
        delivery.close();
        queue.close();
    }
}
