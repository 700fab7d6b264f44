package org.opendmp.audit.delivery;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Syslog over UDP (RFC 5426): one message per datagram, nothing else in it. UDP cannot tell whether the ARR
 * received anything: a message sent is counted as delivered, and one lost on the way is lost for good. Use TLS
 * where the audit trail must be complete. A message larger than {@code maxDatagramBytes} is not sent (IPv4
 * carries at most 65507 bytes; RFC 5426 only requires receivers to take 480, and asks for 2048).
 */
public final class UdpSyslogSender implements SyslogSender {

    /** The largest UDP payload over IPv4. */
    public static final int MAX_IPV4_DATAGRAM = 65_507;

    private final String host;
    private final int port;
    private final int maxDatagramBytes;
    private DatagramSocket socket;

    public UdpSyslogSender(String host, int port, int maxDatagramBytes) {
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.maxDatagramBytes = Math.min(maxDatagramBytes, MAX_IPV4_DATAGRAM);
    }

    @Override
    public void send(List<byte[]> messages) throws IOException {
        try {
            if (socket == null) {
                DatagramSocket opened = new DatagramSocket();
                opened.connect(new InetSocketAddress(host, port));
                socket = opened;
            }
            for (byte[] message : messages) {
                socket.send(new DatagramPacket(message, message.length));
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public int maxMessageBytes() {
        return maxDatagramBytes;
    }

    @Override
    public boolean buffered() {
        return false;
    }

    @Override
    public void checkAlive() {
        // nothing to check: UDP has no connection
    }

    @Override
    public boolean closeGracefully(Duration timeout) {
        close();
        return false;
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }

    @Override
    public String toString() {
        return "syslog over UDP to " + host + ":" + port;
    }
}
