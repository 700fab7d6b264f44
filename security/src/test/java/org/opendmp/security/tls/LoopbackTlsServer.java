package org.opendmp.security.tls;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * A single-connection mutual-TLS server on 127.0.0.1 with the DMP profile: it completes the handshake, reads
 * one byte and answers that byte plus one.
 */
final class LoopbackTlsServer implements AutoCloseable {

    private static final int TIMEOUT_MILLIS = 10_000;

    /** What the server saw of a successful connection. */
    record Accepted(String clientSubject, String protocol, String cipherSuite) {
    }

    private final SSLServerSocket serverSocket;
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final Future<Accepted> accepted;

    LoopbackTlsServer(SSLContext context) throws IOException {
        serverSocket = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        serverSocket.setSSLParameters(TlsSettings.serverParameters());
        serverSocket.setNeedClientAuth(true);
        serverSocket.setSoTimeout(TIMEOUT_MILLIS);
        accepted = executor.submit(this::serveOne);
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    SSLServerSocket socket() {
        return serverSocket;
    }

    /** The accepted connection, or (as an ExecutionException) what ended it. */
    Future<Accepted> accepted() {
        return accepted;
    }

    private Accepted serveOne() throws IOException {
        try (SSLSocket socket = (SSLSocket) serverSocket.accept()) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.startHandshake();
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            int received = in.read();
            out.write(received + 1);
            out.flush();
            SSLSession session = socket.getSession();
            X509Certificate client = (X509Certificate) session.getPeerCertificates()[0];
            return new Accepted(client.getSubjectX500Principal().getName(), session.getProtocol(),
                    session.getCipherSuite());
        }
    }

    /** Connects as a client, sends a byte and returns the server's answer. */
    static int exchange(SSLContext context, int port, SSLParameters parameters) throws IOException {
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setSSLParameters(parameters);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.startHandshake();
            socket.getOutputStream().write(41);
            socket.getOutputStream().flush();
            int answer = socket.getInputStream().read();
            if (answer < 0) {
                throw new EOFException("connection closed by the server");
            }
            return answer;
        }
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
        executor.shutdownNow();
    }
}
