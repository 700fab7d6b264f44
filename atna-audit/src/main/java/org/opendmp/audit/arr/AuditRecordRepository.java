package org.opendmp.audit.arr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import javax.net.ssl.SSLContext;

/**
 * The Audit Record Repository as a whole: the storage queue and its writers, and the TLS and UDP
 * listeners in front of it. {@link #start()} binds the listeners (failing if a port is taken);
 * {@link #close()} stops them first, then writes what is still queued.
 */
public final class AuditRecordRepository implements AutoCloseable {

    private final ArrSettings settings;
    private final SSLContext tls;
    private final ArrCounters counters = new ArrCounters();
    private final AuditWriter writer;
    private final SyslogIntake intake;
    private TlsSyslogListener tlsListener;
    private UdpSyslogListener udpListener;

    /**
     * @param store    where messages go
     * @param settings ports and limits
     * @param tls      the server context of the TLS listener (client certificate required); may be null
     *                 without a TLS port
     */
    public AuditRecordRepository(AuditStore store, ArrSettings settings, SSLContext tls, Clock clock) {
        if (settings.tlsPort() != null && tls == null) {
            throw new IllegalArgumentException("a TLS port needs an SSL context");
        }
        this.settings = settings;
        this.tls = tls;
        this.writer = new AuditWriter(store, counters, settings.queueCapacity(), settings.batchSize(), settings.writers());
        this.intake = new SyslogIntake(new AuditMessageReader(), writer, counters, settings.rejectKeptBytes(),
                settings.rejectsPerSecond(), clock);
    }

    /** Starts the writers and binds the listeners. */
    public AuditRecordRepository start() {
        writer.start();
        try {
            if (settings.tlsPort() != null) {
                tlsListener = new TlsSyslogListener(tls, new InetSocketAddress(settings.bindAddress(), settings.tlsPort()),
                        settings, intake, counters);
                tlsListener.start();
            }
            if (settings.udpPort() != null) {
                udpListener = new UdpSyslogListener(new InetSocketAddress(settings.bindAddress(), settings.udpPort()),
                        settings, intake);
                udpListener.start();
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("the Audit Record Repository cannot listen on " + settings.bindAddress()
                    + " (TLS port " + settings.tlsPort() + ", UDP port " + settings.udpPort() + "): " + e.getMessage(), e);
        }
        return this;
    }

    /** The TLS listener's port, or -1 without one. */
    public int tlsPort() {
        return tlsListener == null ? -1 : tlsListener.port();
    }

    /** The UDP listener's port, or -1 without one. */
    public int udpPort() {
        return udpListener == null ? -1 : udpListener.port();
    }

    public ArrCounters counters() {
        return counters;
    }

    /** Messages and rejects waiting to be written. */
    public int queueDepth() {
        return writer.depth();
    }

    public ArrSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        if (tlsListener != null) {
            tlsListener.close();
        }
        if (udpListener != null) {
            udpListener.close();
        }
        intake.close();
        writer.close();
    }
}
