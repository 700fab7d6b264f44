package org.opendmp.server.portal;

import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import javax.security.auth.x500.X500Principal;

/**
 * The TLS clients allowed to call the portal API, by certificate subject. Subjects compare as X.500
 * names (attribute order and spacing as RFC 4514 canonical form), not as strings. The TLS layer has
 * already checked that the certificate chains to a trusted CA.
 */
final class PortalClients {

    private final Set<X500Principal> subjects;

    /**
     * @param subjects subject DNs, e.g. {@code CN=Patient portal,O=Example,C=FR}
     * @throws IllegalArgumentException if one is not a DN
     */
    PortalClients(Collection<String> subjects) {
        this.subjects = subjects.stream().map(X500Principal::new).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the client that presented {@code chain} (leaf first; null without certificate) may call. */
    boolean allows(X509Certificate[] chain) {
        return chain != null && chain.length > 0 && subjects.contains(chain[0].getSubjectX500Principal());
    }

    Set<X500Principal> subjects() {
        return subjects;
    }
}
