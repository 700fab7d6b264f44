package org.opendmp.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * One MLLP connection over mutual TLS: a message goes out framed (VT ... FS CR), the answer
 * comes back framed. Blocking, one exchange at a time, as HL7 senders work.
 */
final class MllpClient implements AutoCloseable {

    private static final int START = 0x0b;
    private static final int END = 0x1c;
    private static final int CARRIAGE_RETURN = 0x0d;

    private final SSLSocket socket;
    private final OutputStream out;
    private final InputStream in;

    MllpClient(SSLContext tls, int port) throws IOException {
        socket = (SSLSocket) tls.getSocketFactory().createSocket("localhost", port);
        socket.setSoTimeout(30_000);
        socket.setTcpNoDelay(true);
        socket.startHandshake();
        out = socket.getOutputStream();
        in = new java.io.BufferedInputStream(socket.getInputStream());
    }

    /** Sends one message (segments separated by CR) and returns the answer. */
    String exchange(String message) throws IOException {
        byte[] payload = message.getBytes(StandardCharsets.ISO_8859_1);
        byte[] frame = new byte[payload.length + 3];
        frame[0] = START;
        System.arraycopy(payload, 0, frame, 1, payload.length);
        frame[frame.length - 2] = END;
        frame[frame.length - 1] = CARRIAGE_RETURN;
        out.write(frame);
        out.flush();
        int b = in.read();
        if (b != START) {
            throw new IOException("no MLLP start block (got " + b + ")");
        }
        ByteArrayOutputStream answer = new ByteArrayOutputStream(512);
        while ((b = in.read()) != END) {
            if (b < 0) {
                throw new IOException("connection closed inside an MLLP frame");
            }
            answer.write(b);
        }
        if (in.read() != CARRIAGE_RETURN) {
            throw new IOException("MLLP end block not followed by CR");
        }
        return answer.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
