package org.opendmp.conformance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * HTTPS client of the tests: Java {@link HttpClient} over HTTP/1.1 with a client key store (mutual
 * TLS) and the server's CA as the only trust anchor. Factory methods also give the clients the TLS
 * tests need: no certificate, an untrusted certificate.
 */
public final class MtlsClient {

    public static final char[] PASSWORD = "changeit".toCharArray();
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /** What came back: HTTP status, Content-Type and the raw body. */
    public record HttpResult(int status, String contentType, byte[] body, Map<String, java.util.List<String>> headers) {
    }

    private final HttpClient client;

    public MtlsClient(SSLContext sslContext) {
        SSLParameters parameters = new SSLParameters();
        parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(sslContext)
                .sslParameters(parameters)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** The regular test client: client.p12 from the server's development PKI, ca.pem as trust anchor. */
    public static MtlsClient trusted(Path pkiDir) {
        return new MtlsClient(sslContext(pkiDir.resolve("client.p12"), pkiDir.resolve("ca.pem")));
    }

    /** An SSL context with the given PKCS#12 key store (or none when null) trusting only the CA file. */
    public static SSLContext sslContext(Path keyStoreP12, Path caPem) {
        try {
            KeyManager[] keyManagers = null;
            if (keyStoreP12 != null) {
                KeyStore keyStore = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(keyStoreP12)) {
                    keyStore.load(in, PASSWORD);
                }
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keyStore, PASSWORD);
                keyManagers = kmf.getKeyManagers();
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore(caPem));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, tmf.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the TLS context from " + keyStoreP12 + " / " + caPem, e);
        }
    }

    static KeyStore trustStore(Path caPem) throws Exception {
        KeyStore trustStore = KeyStore.getInstance("PKCS12");
        trustStore.load(null, null);
        try (InputStream in = Files.newInputStream(caPem)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new IllegalStateException("no certificate in " + caPem);
            }
            int i = 0;
            for (Certificate certificate : certificates) {
                trustStore.setCertificateEntry("ca-" + (i++), certificate);
            }
        }
        return trustStore;
    }

    public HttpResult post(URI uri, String contentType, byte[] body) throws IOException, InterruptedException {
        return post(uri, contentType, body, Map.of(), DEFAULT_TIMEOUT);
    }

    public HttpResult post(URI uri, String contentType, byte[] body, Map<String, String> headers, Duration timeout)
            throws IOException, InterruptedException {
        return post(uri, contentType, HttpRequest.BodyPublishers.ofByteArray(body), headers, timeout);
    }

    /** Sends the body with chunked transfer coding: no Content-Length announces its size. */
    public HttpResult postChunked(URI uri, String contentType, byte[] body, Map<String, String> headers,
            Duration timeout) throws IOException, InterruptedException {
        return post(uri, contentType, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)),
                headers, timeout);
    }

    private HttpResult post(URI uri, String contentType, HttpRequest.BodyPublisher publisher,
            Map<String, String> headers, Duration timeout) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", contentType)
                .POST(publisher);
        headers.forEach(request::header);
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new HttpResult(response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""),
                response.body(),
                response.headers().map());
    }

    public HttpResult get(URI uri) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri).timeout(DEFAULT_TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new HttpResult(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body(), response.headers().map());
    }
}
