package org.opendmp.security.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;

/**
 * The TLS profile of the DMP contract: TLS 1.3 and 1.2 only, and for TLS 1.2 only ECDHE key exchange with
 * RSA authentication and AEAD (or AES-256-CBC-SHA384) ciphers. Hence the server certificate must be RSA.
 * Also builds {@link SSLContext}s from PKCS#12 key stores and PEM or PKCS#12 trust material.
 */
public final class TlsSettings {

    /** Enabled protocols, most preferred first. */
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /** Enabled cipher suites (JSSE names), most preferred first: the TLS 1.3 suites, then the TLS 1.2 ones. */
    public static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_256_GCM_SHA384",
            "TLS_AES_128_GCM_SHA256",
            "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384");

    private TlsSettings() {
    }

    /** {@link #PROTOCOLS} as a fresh array, for the {@code setEnabledProtocols} methods of JSSE. */
    public static String[] protocols() {
        return PROTOCOLS.toArray(String[]::new);
    }

    /** {@link #CIPHER_SUITES} as a fresh array, for the {@code setEnabledCipherSuites} methods of JSSE. */
    public static String[] cipherSuites() {
        return CIPHER_SUITES.toArray(String[]::new);
    }

    /**
     * Server-side parameters: the DMP protocols and suites in the server's order of preference, and a
     * client certificate required (mutual TLS).
     */
    public static SSLParameters serverParameters() {
        SSLParameters parameters = new SSLParameters(cipherSuites(), protocols());
        parameters.setUseCipherSuitesOrder(true);
        parameters.setNeedClientAuth(true);
        return parameters;
    }

    /**
     * Client-side parameters: the DMP protocols and suites, and the server's host name or IP address checked
     * against its certificate (HTTPS endpoint identification).
     */
    public static SSLParameters clientParameters() {
        SSLParameters parameters = new SSLParameters(cipherSuites(), protocols());
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        return parameters;
    }

    /**
     * An {@code SSLContext} whose key comes from a PKCS#12 key store and whose trust anchors come from
     * {@code trust}: a PEM file of one or more certificates, or a PKCS#12 trust store with the same password.
     *
     * @param keyStoreP12 the PKCS#12 key store, or {@code null} for a context presenting no certificate
     */
    public static SSLContext sslContext(Path keyStoreP12, char[] password, Path trust)
            throws IOException, GeneralSecurityException {
        KeyStore keyStore = keyStoreP12 == null ? null : loadPkcs12(keyStoreP12, password);
        return sslContext(keyStore, password, loadTrustStore(trust, password));
    }

    /**
     * An {@code SSLContext} (protocol "TLS") with PKIX key and trust managers.
     *
     * @param keyStore    the key store, or {@code null} for a context presenting no certificate
     * @param keyPassword the password of the key entries
     */
    public static SSLContext sslContext(KeyStore keyStore, char[] keyPassword, KeyStore trustStore)
            throws GeneralSecurityException {
        KeyManager[] keyManagers = null;
        if (keyStore != null) {
            KeyManagerFactory keys = KeyManagerFactory.getInstance("PKIX");
            keys.init(keyStore, keyPassword);
            keyManagers = keys.getKeyManagers();
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
        trust.init(trustStore);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers, trust.getTrustManagers(), null);
        return context;
    }

    /** Loads a PKCS#12 file. */
    public static KeyStore loadPkcs12(Path p12, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            store.load(in, password);
        }
        return store;
    }

    /** Loads trust anchors from a PEM file (recognised by its {@code -----BEGIN} line) or a PKCS#12 file. */
    public static KeyStore loadTrustStore(Path file, char[] password) throws IOException, GeneralSecurityException {
        return isPem(file) ? trustStoreFromPem(file) : loadPkcs12(file, password);
    }

    /**
     * An in-memory trust store holding every certificate of a PEM file (other PEM objects, such as keys, and
     * text around the blocks are ignored), under the aliases {@code cert-0}, {@code cert-1}, ...
     *
     * @throws KeyStoreException if the file holds no certificate
     */
    public static KeyStore trustStoreFromPem(Path pem) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        int count = 0;
        try (Reader reader = Files.newBufferedReader(pem, StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(reader)) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                if (object instanceof X509CertificateHolder holder) {
                    X509Certificate certificate = converter.getCertificate(holder);
                    store.setCertificateEntry("cert-" + count++, certificate);
                }
            }
        }
        if (count == 0) {
            throw new KeyStoreException("No certificate found in " + pem);
        }
        return store;
    }

    private static boolean isPem(Path file) throws IOException {
        byte[] start = new byte[512];
        int length;
        try (InputStream in = Files.newInputStream(file)) {
            length = in.readNBytes(start, 0, start.length);
        }
        return new String(start, 0, length, StandardCharsets.ISO_8859_1).contains("-----BEGIN ");
    }
}
