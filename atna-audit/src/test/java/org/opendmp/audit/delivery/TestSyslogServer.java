package org.opendmp.audit.delivery;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.opendmp.security.tls.TlsSettings;

/**
 * A minimal Audit Record Repository for the tests: syslog over mutual TLS with octet-counting framing
 * (RFC 5425), or over UDP (RFC 5426), parsing each RFC 5424 message. It can be stopped abruptly (every
 * connection reset) and started again on the same port.
 */
final class TestSyslogServer implements AutoCloseable {

    private static final Pattern HEADER = Pattern.compile(
            "<(\\d+)>1 (\\S+) (\\S+) (\\S+) (\\S+) (\\S+) \\[meta sequenceId=\"(\\d+)\"\\] ");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** One message received. */
    record Received(int pri, String timestamp, String hostname, String appName, String procId, String msgId,
            long sequenceId, byte[] raw, byte[] xml) {

        /** What identifies an event for the ARR. */
        String key() {
            return hostname + " " + appName + " " + procId + " " + sequenceId;
        }
    }

    private final SSLContext context;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> clientSubjects = new CopyOnWriteArrayList<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final InetAddress address;
    private int port;
    private volatile ServerSocket serverSocket;
    private volatile DatagramSocket datagramSocket;

    private TestSyslogServer(SSLContext context) throws IOException {
        this.context = context;
        this.address = InetAddress.getByName("localhost");
    }

    /** A TLS server requiring a client certificate; started. */
    static TestSyslogServer tls(SSLContext context) throws IOException {
        TestSyslogServer server = new TestSyslogServer(context);
        server.start();
        return server;
    }

    /** A UDP server; started. */
    static TestSyslogServer udp() throws IOException {
        TestSyslogServer server = new TestSyslogServer(null);
        server.startUdp();
        return server;
    }

    int port() {
        return port;
    }

    /** Starts listening, on the same port as before if it was started already. */
    void start() throws IOException {
        SSLServerSocket socket = (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(address, port));
        socket.setSSLParameters(TlsSettings.serverParameters());
        port = socket.getLocalPort();
        serverSocket = socket;
        Thread acceptor = new Thread(() -> accept(socket), "test-arr-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Stops as a crashed ARR: the listening socket closed and every connection reset. */
    void stopAbruptly() throws IOException {
        ServerSocket socket = serverSocket;
        serverSocket = null;
        if (socket != null) {
            socket.close();
        }
        for (Socket connection : connections) {
            try {
                connection.setSoLinger(true, 0);
            } catch (IOException e) {
                // already closed
            }
            connection.close();
        }
        connections.clear();
    }

    /** Closes every connection in an orderly way (TLS close_notify), and keeps listening. */
    void closeConnections() throws IOException {
        for (Socket connection : connections) {
            connection.close();
        }
        connections.clear();
    }

    List<Received> received() {
        return new ArrayList<>(received);
    }

    List<String> clientSubjects() {
        return new ArrayList<>(clientSubjects);
    }

    /** The messages by identity, each with how many copies came. */
    Map<String, List<Received>> byKey() {
        Map<String, List<Received>> keys = new LinkedHashMap<>();
        for (Received message : received) {
            keys.computeIfAbsent(message.key(), key -> new ArrayList<>()).add(message);
        }
        return keys;
    }

    /** Waits until {@code count} distinct events arrived; whether they did. */
    boolean awaitDistinct(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (byKey().size() < count) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        stopAbruptly();
        if (datagramSocket != null) {
            datagramSocket.close();
        }
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connections.add(connection);
                Thread reader = new Thread(() -> read((SSLSocket) connection), "test-arr-read");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void read(SSLSocket connection) {
        try (connection) {
            connection.startHandshake();
            clientSubjects.add(connection.getSession().getPeerPrincipal().getName());
            DataInputStream in = new DataInputStream(new BufferedInputStream(connection.getInputStream()));
            while (true) {
                int length = frameLength(in);
                if (length < 0) {
                    return; // the client's close_notify: closing answers with ours
                }
                byte[] message = new byte[length];
                in.readFully(message);
                received.add(parse(message));
            }
        } catch (IOException e) {
            // reset, or the test stopped the server
        }
    }

    /** MSG-LEN SP: the length, or -1 at the end of the stream. */
    private static int frameLength(InputStream in) throws IOException {
        int length = 0;
        int digits = 0;
        while (true) {
            int c = in.read();
            if (c < 0) {
                if (digits == 0) {
                    return -1;
                }
                throw new EOFException("end of stream inside MSG-LEN");
            }
            if (c == ' ' && digits > 0) {
                return length;
            }
            if (c < '0' || c > '9' || (digits == 0 && c == '0')) {
                throw new IOException("not an octet-counting frame: " + (char) c);
            }
            length = length * 10 + (c - '0');
            digits++;
        }
    }

    private void startUdp() throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(address, 0));
        port = socket.getLocalPort();
        datagramSocket = socket;
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[65_535];
            while (!socket.isClosed()) {
                try {
                    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                    socket.receive(packet);
                    received.add(parse(Arrays.copyOf(packet.getData(), packet.getLength())));
                } catch (IOException e) {
                    return;
                }
            }
        }, "test-arr-udp");
        reader.setDaemon(true);
        reader.start();
    }

    static Received parse(byte[] message) {
        String start = new String(message, 0, Math.min(message.length, 400), StandardCharsets.ISO_8859_1);
        Matcher matcher = HEADER.matcher(start);
        if (!matcher.lookingAt()) {
            throw new IllegalArgumentException("not the expected RFC 5424 header: " + start);
        }
        int body = matcher.end();
        if (!Arrays.equals(Arrays.copyOfRange(message, body, body + 3), BOM)) {
            throw new IllegalArgumentException("MSG does not start with the UTF-8 BOM");
        }
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        xml.write(message, body + 3, message.length - body - 3);
        return new Received(Integer.parseInt(matcher.group(1)), matcher.group(2), matcher.group(3), matcher.group(4),
                matcher.group(5), matcher.group(6), Long.parseLong(matcher.group(7)), message, xml.toByteArray());
    }
}
