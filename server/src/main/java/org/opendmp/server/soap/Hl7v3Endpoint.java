package org.opendmp.server.soap;

import java.util.function.Function;
import javax.xml.transform.dom.DOMSource;
import jakarta.xml.ws.Provider;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.opendmp.pixpdq.hl7v3.Hl7v3Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A payload endpoint for HL7v3 messages: hands the SOAP body's element to pix-pdq and returns its
 * answer, leaving the answer's WS-Addressing action for {@link ReplyActionInterceptor}. Subclasses
 * only carry the JAX-WS annotations naming their service in the project's WSDL.
 */
abstract class Hl7v3Endpoint implements Provider<DOMSource> {

    private static final Logger LOG = LoggerFactory.getLogger(Hl7v3Endpoint.class);

    private final Function<Element, Hl7v3Reply> service;

    Hl7v3Endpoint(Function<Element, Hl7v3Reply> service) {
        this.service = service;
    }

    @Override
    public DOMSource invoke(DOMSource request) {
        Element message = element(request == null ? null : request.getNode());
        if (message == null) {
            throw new Fault(new IllegalArgumentException("the SOAP body carries no HL7v3 message"));
        }
        Hl7v3Reply reply;
        try {
            reply = service.apply(message);
        } catch (RuntimeException unexpected) {
            // Exception messages may quote patient data (database errors): log the types only.
            LOG.error("HL7v3 {} failed: {}", message.getLocalName(), causes(unexpected));
            throw new Fault(new IllegalStateException("internal error"));
        }
        Message current = PhaseInterceptorChain.getCurrentMessage();
        if (current != null) {
            current.getExchange().put(ReplyActionInterceptor.REPLY_ACTION, reply.action());
        }
        return new DOMSource(reply.body());
    }

    private static String causes(Throwable failure) {
        StringBuilder chain = new StringBuilder();
        for (Throwable t = failure; t != null && chain.length() < 1000; t = t.getCause()) {
            StackTraceElement[] where = t.getStackTrace();
            chain.append(chain.length() == 0 ? "" : " <- ").append(t.getClass().getName())
                    .append(where.length == 0 ? "" : " at " + where[0]);
        }
        return chain.toString();
    }

    private static Element element(Node node) {
        if (node instanceof Document document) {
            return document.getDocumentElement();
        }
        return node instanceof Element element ? element : null;
    }
}
