package org.opendmp.server.soap;

import java.util.Set;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.headers.Header;
import org.apache.cxf.phase.Phase;
import org.opendmp.security.actor.Actor;
import org.opendmp.security.vihf.VihfAssertions;
import org.opendmp.security.vihf.VihfException;
import org.opendmp.security.vihf.VihfValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

/**
 * Validates the VIHF assertion of the wsse:Security header and puts the resulting {@link Actor} into
 * the exchange (key {@code Actor.class}) for the services and the access rules. Without an assertion
 * the request is refused when VIHF is required, and served without access rules otherwise (plain IHE
 * test setups); an assertion that is present is always validated. Declares the header understood, so a
 * client marking it mustUnderstand is served.
 */
final class VihfInterceptor extends AbstractSoapInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(VihfInterceptor.class);

    private final VihfValidator validator;
    private final boolean required;
    private final VihfMetrics metrics;

    VihfInterceptor(VihfValidator validator, boolean required, VihfMetrics metrics) {
        super(Phase.PRE_PROTOCOL);
        this.validator = validator;
        this.required = required;
        this.metrics = metrics;
    }

    @Override
    public Set<QName> getUnderstoodHeaders() {
        return Set.of(SecurityHeaderInterceptor.WSSE_SECURITY);
    }

    @Override
    public void handleMessage(SoapMessage message) {
        Element assertion = assertion(message);
        if (assertion == null) {
            if (required) {
                metrics.refused("MISSING");
                LOG.info("request refused: no VIHF assertion");
                throw SecurityFault.missing(message.getVersion());
            }
            return;
        }
        long start = System.nanoTime();
        try {
            Actor actor = validator.validate(assertion);
            metrics.accepted(System.nanoTime() - start);
            message.getExchange().put(Actor.class, actor);
        } catch (VihfException refusal) {
            metrics.refused(refusal.reason().name());
            LOG.info("VIHF refused: {} ({})", refusal.reason(), refusal.getMessage());
            throw SecurityFault.refused(refusal, message.getVersion());
        }
    }

    private static Element assertion(SoapMessage message) {
        Element found = null;
        for (Header header : message.getHeaders()) {
            if (SecurityHeaderInterceptor.WSSE_SECURITY.equals(header.getName()) && header.getObject() instanceof Element security) {
                try {
                    Element assertion = VihfAssertions.find(security);
                    if (assertion != null && found != null) {
                        throw SecurityFault.refused(new VihfException(VihfException.Reason.MALFORMED,
                                "several VIHF assertions"), message.getVersion());
                    }
                    found = assertion == null ? found : assertion;
                } catch (VihfException refusal) {
                    throw SecurityFault.refused(refusal, message.getVersion());
                }
            }
        }
        return found;
    }
}
