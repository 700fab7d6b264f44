package org.opendmp.audit.delivery;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import org.opendmp.security.tls.TlsSettings;

/**
 * Syslog over TLS (RFC 5425): one persistent connection, mutual TLS with the DMP's protocols and cipher
 * suites ({@link TlsSettings}) and the ARR's certificate checked against its host name, each message framed
 * by octet counting ({@code MSG-LEN SP SYSLOG-MSG}). A connection idle for a while is checked for a peer close
 * before it is written to, so that a restarted ARR costs no message.
 */
public final class TlsSyslogSender implements SyslogSender {

    private static final Duration IDLE_CHECK = Duration.ofSeconds(1);
    private static final int HANDSHAKE_REFUSAL_WAIT_MILLIS = 100;

    private final SSLContext context;
    private final String host;
    private final int port;
    private final int connectTimeoutMillis;

    private SSLSocket socket;
    private OutputStream out;
    private long lastUseNanos;

    /**
     * @param context the client's TLS context: its key (client certificate) and the ARR's trust anchors
     */
    public TlsSyslogSender(SSLContext context, String host, int port, Duration connectTimeout) {
        this.context = Objects.requireNonNull(context, "context");
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.connectTimeoutMillis = (int) connectTimeout.toMillis();
    }

    @Override
    public void send(List<byte[]> messages) throws IOException {
        try {
            if (socket != null && System.nanoTime() - lastUseNanos > IDLE_CHECK.toNanos()) {
                try {
                    probe(1);
                } catch (IOException e) {
                    close(); // closed by the ARR while idle: nothing was in flight, connect again
                }
            }
            if (socket == null) {
                connect();
            }
            for (byte[] message : messages) {
                out.write(Integer.toString(message.length).getBytes(StandardCharsets.US_ASCII));
                out.write(' ');
                out.write(message);
            }
            out.flush();
            lastUseNanos = System.nanoTime();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void connect() throws IOException {
        Socket raw = new Socket();
        try {
            raw.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
            raw.setKeepAlive(true);
            raw.setTcpNoDelay(true);
            SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(raw, host, port, true);
            tls.setSSLParameters(TlsSettings.clientParameters());
            tls.setUseClientMode(true);
            tls.setSoTimeout(connectTimeoutMillis);
            tls.startHandshake();
            tls.setSoTimeout(0);
            socket = tls;
            out = new BufferedOutputStream(tls.getOutputStream(), 64 * 1024);
            // TLS 1.3: the server checks the client certificate after the client's handshake is over, and
            // says so with an alert; give it a moment to refuse before anything is written
            probe(HANDSHAKE_REFUSAL_WAIT_MILLIS);
            lastUseNanos = System.nanoTime();
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    @Override
    public void checkAlive() throws IOException {
        if (socket == null) {
            throw new IOException("not connected");
        }
        try {
            probe(1);
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    /**
     * Reads for {@code millis}: the ARR sends nothing, so a timeout means the connection stands, an end of stream
     * that the ARR closed it, an exception (a TLS alert, a reset) that it failed. Anything the ARR sends is ignored.
     */
    private void probe(int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            if (socket.getInputStream().read() < 0) {
                throw new EOFException("the ARR closed the connection");
            }
        } catch (SocketTimeoutException e) {
            // nothing to read: the connection stands
        } finally {
            if (!socket.isClosed()) {
                socket.setSoTimeout(0);
            }
        }
    }

    @Override
    public int maxMessageBytes() {
        return Integer.MAX_VALUE;
    }

    @Override
    public boolean buffered() {
        return true;
    }

    @Override
    public boolean closeGracefully(Duration timeout) {
        if (socket == null) {
            return true;
        }
        try {
            out.flush();
            socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
            socket.shutdownOutput(); // close_notify
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[512];
            while (true) {
                if (in.read(buffer) < 0) {
                    return true; // the ARR read up to our close_notify and answered with its own
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // nothing to do
            }
            socket = null;
            out = null;
        }
    }

    @Override
    public String toString() {
        return "syslog over TLS to " + host + ":" + port;
    }
}
