package org.opendmp.audit.delivery;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The configuration of the audit trail.
 *
 * @param directory        the journal's directory (the server uses {@code <data>/audit})
 * @param transport        TLS (RFC 5425) or UDP (RFC 5426)
 * @param host             the ARR's host name (checked against its certificate over TLS)
 * @param port             the ARR's port (6514 for syslog over TLS, 514 for UDP by convention)
 * @param hostname         syslog HOSTNAME: this server's FQDN
 * @param appName          syslog APP-NAME
 * @param auditSourceId    DICOM AuditSourceID
 * @param enterpriseSiteId DICOM AuditEnterpriseSiteID, or {@code null}
 * @param connectTimeout   TCP connect and TLS handshake timeout
 * @param maxDatagramBytes over UDP, the largest message sent
 * @param queue            the journal's settings
 * @param delivery         the delivery's settings
 */
public record AuditTrailSettings(Path directory, Transport transport, String host, int port, String hostname,
        String appName, String auditSourceId, String enterpriseSiteId, Duration connectTimeout, int maxDatagramBytes,
        QueueSettings queue, DeliverySettings delivery) {

    /** The syslog transport to the ARR. */
    public enum Transport { TLS, UDP }

    /** The default APP-NAME. */
    public static final String APP_NAME = "opendmp";

    public AuditTrailSettings {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(appName, "appName");
        Objects.requireNonNull(auditSourceId, "auditSourceId");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(delivery, "delivery");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /**
     * Defaults for everything but where the journal is and where the ARR is: APP-NAME {@value #APP_NAME}, the
     * AuditSourceID {@code opendmp@<hostname>}, 10 s connect timeout, UDP messages up to 65507 bytes, and the
     * defaults of {@link QueueSettings} and {@link DeliverySettings}.
     */
    public static AuditTrailSettings of(Path directory, Transport transport, String host, int port, String hostname) {
        return new AuditTrailSettings(directory, transport, host, port, hostname, APP_NAME, APP_NAME + "@" + hostname,
                null, Duration.ofSeconds(10), UdpSyslogSender.MAX_IPV4_DATAGRAM, QueueSettings.defaults(),
                DeliverySettings.defaults());
    }

    public AuditTrailSettings withQueue(QueueSettings value) {
        return new AuditTrailSettings(directory, transport, host, port, hostname, appName, auditSourceId,
                enterpriseSiteId, connectTimeout, maxDatagramBytes, value, delivery);
    }

    public AuditTrailSettings withDelivery(DeliverySettings value) {
        return new AuditTrailSettings(directory, transport, host, port, hostname, appName, auditSourceId,
                enterpriseSiteId, connectTimeout, maxDatagramBytes, queue, value);
    }

    public AuditTrailSettings withAuditSource(String sourceId, String siteId) {
        return new AuditTrailSettings(directory, transport, host, port, hostname, appName, sourceId, siteId,
                connectTimeout, maxDatagramBytes, queue, delivery);
    }
}
