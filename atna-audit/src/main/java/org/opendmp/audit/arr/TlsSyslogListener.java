package org.opendmp.audit.arr;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.opendmp.security.tls.TlsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RFC 5425 listener: syslog over mutual TLS (the DMP protocols and suites of {@link TlsSettings},
 * a client certificate from a trusted CA required), octet-counting framing, blocking sockets on a
 * bounded pool of threads (one per connection, at most {@code maxConnections}; beyond, a new connection
 * is closed at once). Per connection: the handshake and each frame must complete within the read
 * timeout, and a connection idle for the idle timeout is closed. A frame fault that leaves the stream
 * out of step closes the connection after recording the reject; an oversized frame is skipped and the
 * connection goes on. Nothing a peer sends stops the listener.
 */
public final class TlsSyslogListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TlsSyslogListener.class);
    private static final int BACKLOG = 128;

    private final SSLContext context;
    private final InetSocketAddress address;
    private final ArrSettings settings;
    private final SyslogIntake intake;
    private final ArrCounters counters;
    private final ThreadPoolExecutor connections;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final RateLimitedLog log = new RateLimitedLog(LOG);
    private SSLServerSocket server;
    private Thread acceptor;
    private volatile boolean closed;

    TlsSyslogListener(SSLContext context, InetSocketAddress address, ArrSettings settings, SyslogIntake intake,
                      ArrCounters counters) {
        this.context = context;
        this.address = address;
        this.settings = settings;
        this.intake = intake;
        this.counters = counters;
        AtomicInteger threads = new AtomicInteger();
        this.connections = new ThreadPoolExecutor(settings.maxConnections(), settings.maxConnections(), 60,
                TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
                    Thread thread = new Thread(task, "arr-tls-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.connections.allowCoreThreadTimeOut(true);
    }

    void start() throws IOException {
        server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
        server.setReuseAddress(true);
        server.setSSLParameters(TlsSettings.serverParameters());
        server.bind(address, BACKLOG);
        acceptor = new Thread(this::accept, "arr-tls-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The port listened on. */
    public int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    log.warn("accept", "ARR TLS listener: accept failed (" + e.getClass().getSimpleName() + ")");
                    pause();
                }
                continue;
            }
            counters.connection();
            try {
                connections.execute(() -> serve((SSLSocket) socket));
            } catch (RejectedExecutionException full) {
                counters.connectionRefused();
                log.warn("full", "ARR TLS listener: connection from " + socket.getInetAddress().getHostAddress()
                        + " closed, " + settings.maxConnections() + " connections already open");
                closeQuietly(socket);
            }
        }
    }

    private void serve(SSLSocket socket) {
        open.add(socket);
        try {
            socket.setSoTimeout(millis(settings.readTimeout().toMillis()));
            socket.setTcpNoDelay(true);
            String sender;
            try {
                socket.startHandshake();
                sender = socket.getSession().getPeerPrincipal().getName() + " "
                        + socket.getInetAddress().getHostAddress();
            } catch (IOException e) {
                counters.handshakeFailed();
                log.warn("handshake", "ARR TLS listener: handshake with " + socket.getInetAddress().getHostAddress()
                        + " failed (" + (e instanceof SSLPeerUnverifiedException ? "no client certificate"
                        : e.getClass().getSimpleName()) + ")");
                return;
            }
            read(socket, sender);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                log.warn("connection", "ARR TLS listener: connection closed (" + e.getClass().getSimpleName() + ")");
            }
        } finally {
            open.remove(socket);
            closeQuietly(socket);
        }
    }

    private void read(SSLSocket socket, String sender) throws IOException, InterruptedException {
        int idle = millis(settings.idleTimeout().toMillis());
        int reading = millis(settings.readTimeout().toMillis());
        OctetCountingReader frames = new OctetCountingReader(new BufferedInputStream(socket.getInputStream(), 16 * 1024),
                settings.maxMessageSize(), settings.rejectKeptBytes(), settings.readTimeout().toNanos(),
                new OctetCountingReader.Timeouts() {
                    @Override
                    public void idle() throws SocketException {
                        socket.setSoTimeout(idle);
                    }

                    @Override
                    public void reading() throws SocketException {
                        socket.setSoTimeout(reading);
                    }
                });
        while (!closed) {
            byte[] frame;
            try {
                frame = frames.next();
            } catch (SocketTimeoutException idleTimeout) {
                return;
            } catch (OctetCountingReader.Failure failure) {
                intake.refused(failure.reason, failure.getMessage(), failure.seen, 0, failure.seenLength, failure.size,
                        Transport.TLS, sender);
                if (failure.closeConnection) {
                    return;
                }
                continue;
            }
            if (frame == null) {
                return;
            }
            intake.parseLater(frame, Transport.TLS, sender);
        }
    }

    private static int millis(long millis) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, millis));
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** Stops accepting, closes every connection and waits for their threads. */
    @Override
    public void close() {
        closed = true;
        if (server != null) {
            try {
                server.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        open.forEach(TlsSyslogListener::closeQuietly);
        connections.shutdownNow();
        try {
            connections.awaitTermination(10, TimeUnit.SECONDS);
            if (acceptor != null) {
                acceptor.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
