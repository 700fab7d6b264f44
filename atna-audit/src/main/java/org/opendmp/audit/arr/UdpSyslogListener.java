package org.opendmp.audit.arr;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RFC 5426 listener: one syslog message per datagram, read by one thread into one reused buffer.
 * A datagram larger than the maximum message size is refused from its length. UDP has no
 * backpressure: while the storage queue is full this thread waits and the kernel's receive buffer
 * (4 MB asked for) absorbs the rest; datagrams beyond that are dropped by the kernel, unseen.
 * Senders that cannot lose events use TLS.
 */
public final class UdpSyslogListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UdpSyslogListener.class);
    private static final int RECEIVE_BUFFER = 4 * 1024 * 1024;

    private final InetSocketAddress address;
    private final ArrSettings settings;
    private final SyslogIntake intake;
    private final RateLimitedLog log = new RateLimitedLog(LOG);
    private DatagramSocket socket;
    private Thread receiver;
    private volatile boolean closed;

    UdpSyslogListener(InetSocketAddress address, ArrSettings settings, SyslogIntake intake) {
        this.address = address;
        this.settings = settings;
        this.intake = intake;
    }

    void start() throws SocketException {
        socket = new DatagramSocket(null);
        socket.setReceiveBufferSize(RECEIVE_BUFFER);
        socket.bind(address);
        receiver = new Thread(this::receive, "arr-udp");
        receiver.setDaemon(true);
        receiver.start();
    }

    /** The port listened on. */
    public int port() {
        return socket.getLocalPort();
    }

    private void receive() {
        byte[] buffer = new byte[ArrSettings.MAX_DATAGRAM + 1];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!closed) {
            try {
                packet.setData(buffer);
                socket.receive(packet);
                String sender = packet.getAddress().getHostAddress() + ":" + packet.getPort();
                int length = packet.getLength();
                if (length > settings.maxMessageSize()) {
                    intake.refused(RejectReason.OVERSIZED, "a datagram of " + length + " bytes, over the maximum of "
                            + settings.maxMessageSize(), buffer, 0, length, length, Transport.UDP, sender);
                } else {
                    intake.message(buffer, 0, length, Transport.UDP, sender);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | RuntimeException e) {
                if (!closed) {
                    log.warn("receive", "ARR UDP listener: " + e.getClass().getSimpleName());
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        if (socket != null) {
            socket.close();
        }
        if (receiver != null) {
            receiver.interrupt();
            try {
                receiver.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
