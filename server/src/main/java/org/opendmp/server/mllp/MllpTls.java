package org.opendmp.server.mllp;

import java.io.IOException;
import java.security.GeneralSecurityException;
import org.apache.camel.support.jsse.CipherSuitesParameters;
import org.apache.camel.support.jsse.ClientAuthentication;
import org.apache.camel.support.jsse.KeyManagersParameters;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.SSLContextServerParameters;
import org.apache.camel.support.jsse.SecureSocketProtocolsParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.opendmp.security.tls.TlsSettings;
import org.opendmp.server.config.ServerCredentials;

/**
 * The TLS of the MLLP listener in Camel's terms: the HTTPS connector's server key and client
 * trust anchors, the DMP protocols and cipher suites, and a client certificate required.
 */
final class MllpTls {

    private MllpTls() {
    }

    static SSLContextParameters parameters(ServerCredentials credentials) throws IOException, GeneralSecurityException {
        char[] password = credentials.keyStorePassword().toCharArray();
        KeyStoreParameters keyStore = new KeyStoreParameters();
        keyStore.setKeyStore(TlsSettings.loadPkcs12(credentials.keyStore(), password));
        KeyManagersParameters keys = new KeyManagersParameters();
        keys.setKeyStore(keyStore);
        keys.setKeyPassword(credentials.keyStorePassword());

        KeyStoreParameters trustStore = new KeyStoreParameters();
        trustStore.setKeyStore(TlsSettings.loadTrustStore(credentials.trustAnchors(), password));
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(trustStore);

        SecureSocketProtocolsParameters protocols = new SecureSocketProtocolsParameters();
        protocols.setSecureSocketProtocol(TlsSettings.PROTOCOLS);
        CipherSuitesParameters suites = new CipherSuitesParameters();
        suites.setCipherSuite(TlsSettings.CIPHER_SUITES);
        SSLContextServerParameters server = new SSLContextServerParameters();
        server.setClientAuthentication(ClientAuthentication.REQUIRE.name());

        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setSecureSocketProtocol("TLS");
        parameters.setKeyManagers(keys);
        parameters.setTrustManagers(trust);
        parameters.setSecureSocketProtocols(protocols);
        parameters.setCipherSuites(suites);
        parameters.setServerParameters(server);
        return parameters;
    }
}
