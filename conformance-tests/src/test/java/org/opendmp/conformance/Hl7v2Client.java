package org.opendmp.conformance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * An HL7v2 sender over MLLP and mutual TLS, as a hospital system is: each message framed as
 * {@code <VT> message <FS><CR>}, the answer read back the same way. One connection per client;
 * {@link #sendBytes} and {@link #socket()} let the listener tests send broken frames.
 * {@link #feed} makes a test patient known to the server (ITI-8 A01).
 */
public final class Hl7v2Client implements AutoCloseable {

    public static final byte START_BLOCK = 0x0b;
    public static final byte END_BLOCK = 0x1c;
    public static final byte CR = 0x0d;
    static final int TIMEOUT_MILLIS = 30_000;
    private static final AtomicInteger CONTROL_IDS = new AtomicInteger();

    private final SSLSocket socket;

    private Hl7v2Client(SSLSocket socket) {
        this.socket = socket;
    }

    /** Connected and TLS handshake done with the development client certificate. */
    public static Hl7v2Client connect(DmpServer server) throws IOException {
        return connect(server, MtlsClient.sslContext(server.pkiDir().resolve("client.p12"),
                server.pkiDir().resolve("ca.pem")));
    }

    /** Connected with the given TLS context (e.g. without client certificate); the handshake is done here. */
    public static Hl7v2Client connect(DmpServer server, SSLContext tls) throws IOException {
        SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("localhost", server.mllpPort());
        socket.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        socket.setSoTimeout(TIMEOUT_MILLIS);
        try {
            socket.startHandshake();
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return new Hl7v2Client(socket);
    }

    /** Sends one message (segments separated by CR) and reads the answer. */
    public Hl7Message send(String message) throws IOException {
        sendBytes(frame(message.getBytes(StandardCharsets.ISO_8859_1)));
        return new Hl7Message(new String(readFrame(), StandardCharsets.ISO_8859_1));
    }

    /** Writes raw bytes, framed or not. */
    public void sendBytes(byte[] bytes) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(bytes);
        out.flush();
    }

    /** The payload of the next frame; {@link java.io.EOFException} when the server closes first. */
    public byte[] readFrame() throws IOException {
        InputStream in = socket.getInputStream();
        int b = in.read();
        while (b != START_BLOCK) {
            if (b < 0) {
                throw new java.io.EOFException("connection closed by the server");
            }
            b = in.read();
        }
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        for (b = in.read(); b != END_BLOCK; b = in.read()) {
            if (b < 0) {
                throw new java.io.EOFException("connection closed inside a frame");
            }
            payload.write(b);
        }
        in.read();
        return payload.toByteArray();
    }

    public SSLSocket socket() {
        return socket;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    public static byte[] frame(byte[] message) {
        byte[] framed = new byte[message.length + 3];
        framed[0] = START_BLOCK;
        System.arraycopy(message, 0, framed, 1, message.length);
        framed[framed.length - 2] = END_BLOCK;
        framed[framed.length - 1] = CR;
        return framed;
    }

    /** Sends one message on a fresh connection. */
    public static Hl7Message send(DmpServer server, String message) throws IOException {
        try (Hl7v2Client client = connect(server)) {
            return client.send(message);
        }
    }

    /**
     * Makes {@code patient} known to the server with an open DMP: ADT^A01 with its INS (the
     * authority of {@link TestData.Patient}, INS-NIR test by default) and minimal valid traits.
     *
     * @throws IllegalStateException if the server does not answer AA
     */
    public static void feed(DmpServer server, TestData.Patient patient) {
        try {
            Hl7Message ack = send(server, a01(patient.nir() + "^^^&" + patient.authorityOid() + "&ISO^NH",
                    "TEST^PATIENT^^^^^L", "19800101", "U"));
            if (!ack.ackCode().equals("AA")) {
                throw new IllegalStateException("the server refused the test patient: " + ack.error());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot feed the test patient over MLLP", e);
        }
    }

    /** {@link #feed(DmpServer, TestData.Patient)} for an INS-NIR under the test authority. */
    public static void feed(DmpServer server, String nir) {
        feed(server, new TestData.Patient(nir, Xds.INS_NIR_TEST_OID));
    }

    /** MSH of a message from the test sender, 2.5 unless {@code version} says otherwise. */
    public static String msh(String type, String version) {
        return "MSH|^~\\&|CONFORMANCE|TESTS|DMP|DMP|" + TestData.now() + "||" + type + "|T"
                + CONTROL_IDS.incrementAndGet() + "|P|" + version + "\r";
    }

    /** An ADT^A01 with the given PID-3, PID-5, PID-7 and PID-8. */
    public static String a01(String pid3, String pid5, String pid7, String pid8) {
        return adt("A01^ADT_A01", pid3, pid5, pid7, pid8);
    }

    public static String adt(String event, String pid3, String pid5, String pid7, String pid8) {
        return msh("ADT^" + event, "2.5") + "EVN||" + TestData.now() + "\r"
                + "PID|1||" + pid3 + "||" + pid5 + "||" + pid7 + "|" + pid8 + "\rPV1|1|N\r";
    }

    /** An answer read as text: segments by name, fields by HL7 number. */
    public record Hl7Message(String text) {

        public List<String[]> segments(String name) {
            return Arrays.stream(text.split("\r")).filter(s -> s.startsWith(name + "|"))
                    .map(s -> s.split("\\|", -1)).toList();
        }

        /** Field {@code n} of the first segment {@code name}, "" when absent (MSH-1 is the separator). */
        public String field(String name, int n) {
            List<String[]> found = segments(name);
            if (found.isEmpty()) {
                return "";
            }
            int index = name.equals("MSH") ? n - 1 : n;
            return index < found.get(0).length ? found.get(0)[index] : "";
        }

        public String ackCode() {
            return field("MSA", 1);
        }

        /** ERR-2 and the ERR-3 code, e.g. {@code PID^1^3 204}. */
        public String error() {
            return field("ERR", 2) + " " + field("ERR", 3).split("\\^")[0];
        }

        @Override
        public String toString() {
            return text.replace('\r', '\n');
        }
    }
}
