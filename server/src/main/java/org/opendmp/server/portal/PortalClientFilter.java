package org.opendmp.server.portal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets only the configured portal clients through to the portal API: any other certificate (the TLS
 * layer has required one) gets 403 and a JSON {@link PortalError}, before anything is read.
 */
final class PortalClientFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(PortalClientFilter.class);
    private static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";
    private static final String FORBIDDEN = "{\"error\":\"forbidden\",\"message\":\"this client certificate is not"
            + " allowed to call the patient portal API (dmp.portal.client-subjects)\"}";

    private final PortalClients clients;

    PortalClientFilter(PortalClients clients) {
        this.clients = clients;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Object certificates = request.getAttribute(CERTIFICATES);
        X509Certificate[] presented = certificates instanceof X509Certificate[] array ? array : null;
        if (!clients.allows(presented)) {
            LOG.warn("Portal API call refused to client certificate {}", presented == null || presented.length == 0
                    ? "(none)" : presented[0].getSubjectX500Principal().getName());
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }
}
