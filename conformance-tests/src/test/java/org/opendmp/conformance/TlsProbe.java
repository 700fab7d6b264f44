package org.opendmp.conformance;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Run in a separate JVM by {@link TlsIT} (so that its java.security overrides can re-enable old
 * protocols on the client side only): connects with exactly one TLS protocol version, completes the
 * handshake, sends an HTTP request and prints one line: {@code RESULT OK <protocol> <status line>}
 * or {@code RESULT FAILED <exception>}.
 *
 * <p>Arguments: host port clientKeyStore.p12|- ca.pem protocol
 */
public final class TlsProbe {

    private TlsProbe() {
    }

    public static void main(String[] args) {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        Path keyStore = "-".equals(args[2]) ? null : Path.of(args[2]);
        Path ca = Path.of(args[3]);
        String protocol = args[4];
        try {
            SSLContext context = MtlsClient.sslContext(keyStore, ca);
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(host, port)) {
                socket.setSoTimeout(10_000);
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setProtocols(new String[] {protocol});
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                socket.setSSLParameters(parameters);
                socket.startHandshake();
                OutputStream out = socket.getOutputStream();
                out.write(("GET " + DmpServer.CONTEXT + "/registry HTTP/1.1\r\nHost: " + host + ":" + port
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.ISO_8859_1));
                String statusLine = in.readLine();
                if (statusLine == null) {
                    System.out.println("RESULT FAILED connection closed without an HTTP answer after "
                            + socket.getSession().getProtocol() + " handshake");
                } else {
                    System.out.println("RESULT OK " + socket.getSession().getProtocol() + " " + statusLine);
                }
            }
        } catch (Exception e) {
            System.out.println("RESULT FAILED " + e);
        }
    }
}
