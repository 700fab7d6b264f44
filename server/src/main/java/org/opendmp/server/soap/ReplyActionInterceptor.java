package org.opendmp.server.soap;

import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.ws.addressing.AddressingProperties;
import org.apache.cxf.ws.addressing.ContextUtils;

/**
 * Sets the WS-Addressing Action of an HL7v3 answer to the one its payload endpoint chose (the
 * answer's interaction, e.g. {@code urn:hl7-org:v3:PRPA_IN201308UV02}, or the DMP's
 * {@code urn:hl7-org:v3:PRPA_IN201314ResponseUV02}); MessageID and RelatesTo come from CXF.
 */
final class ReplyActionInterceptor extends AbstractSoapInterceptor {

    static final String REPLY_ACTION = ReplyActionInterceptor.class.getName() + ".action";

    ReplyActionInterceptor() {
        super(Phase.POST_LOGICAL);
    }

    @Override
    public void handleMessage(SoapMessage message) {
        Object action = message.getExchange().get(REPLY_ACTION);
        AddressingProperties maps = ContextUtils.retrieveMAPs(message, false, true, false);
        if (action instanceof String value && maps != null) {
            maps.setAction(ContextUtils.getAttributedURI(value));
        }
    }
}
