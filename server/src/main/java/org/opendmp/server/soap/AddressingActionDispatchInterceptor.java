package org.opendmp.server.soap;

import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.binding.soap.interceptor.ReadHeadersInterceptor;
import org.apache.cxf.binding.soap.interceptor.SoapActionInInterceptor;
import org.apache.cxf.headers.Header;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.service.model.BindingOperationInfo;
import org.w3c.dom.Element;

/**
 * Picks the operation from the WS-Addressing Action header when the transport gave no action.
 *
 * <p>ITI-42 Register Document Set-b and ITI-57 Update Document Set share the registry endpoint
 * and the same body element (lcm:SubmitObjectsRequest): only the action tells them apart. CXF
 * reads it from the SOAP 1.2 {@code action} media-type parameter (or the SOAP 1.1 SOAPAction
 * header); IHE only requires the WS-Addressing Action, which DMP software always sends, so a
 * request without the media-type parameter is dispatched on that header instead of falling to
 * the first operation whose body element matches.
 */
final class AddressingActionDispatchInterceptor extends AbstractSoapInterceptor {

    private static final QName WSA_ACTION = new QName("http://www.w3.org/2005/08/addressing", "Action");

    AddressingActionDispatchInterceptor() {
        super(Phase.READ);
        addAfter(ReadHeadersInterceptor.class.getName());
        addAfter(SoapActionInInterceptor.class.getName());
    }

    @Override
    public void handleMessage(SoapMessage message) {
        if (message.getExchange().get(BindingOperationInfo.class) != null) {
            return;
        }
        Header header = message.getHeader(WSA_ACTION);
        if (header != null && header.getObject() instanceof Element action) {
            String value = action.getTextContent() == null ? "" : action.getTextContent().trim();
            if (!value.isEmpty()) {
                SoapActionInInterceptor.getAndSetOperation(message, value);
            }
        }
    }
}
