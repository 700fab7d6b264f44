package org.opendmp.server.soap;

import java.util.Set;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Declares the WS-Security header (which carries the DMP's VIHF assertion) as understood, so
 * that a client marking it mustUnderstand is not refused with a MustUnderstand fault. The
 * assertion itself is validated by the access-control layer.
 */
final class SecurityHeaderInterceptor extends AbstractSoapInterceptor {

    static final QName WSSE_SECURITY = new QName(
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd", "Security");

    SecurityHeaderInterceptor() {
        super(Phase.PRE_PROTOCOL);
    }

    @Override
    public Set<QName> getUnderstoodHeaders() {
        return Set.of(WSSE_SECURITY);
    }

    @Override
    public void handleMessage(SoapMessage message) {
        // Nothing to do here: declaring the header understood is the whole job.
    }
}
