package org.opendmp.server.soap;

import java.util.function.BiFunction;
import javax.xml.transform.dom.DOMSource;
import org.apache.cxf.binding.soap.Soap12;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.opendmp.pixpdq.habilitation.DmpReply;
import org.opendmp.pixpdq.habilitation.HabilitationRefusal;
import org.opendmp.security.access.DmpTransaction;
import org.opendmp.security.actor.Actor;
import org.opendmp.server.access.AccessDenied;
import org.opendmp.server.access.DmpAccess;
import org.opendmp.server.access.PatientServiceRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What the payload endpoints of the DMP's document-literal web services (habilitations, TD0.4 on
 * /patients) share: the SOAP body's element, the caller the VIHF interceptor left in the exchange
 * (under {@code Actor.class}; none when VIHF checking is off), refusals as {@link DmpSoapFault}s,
 * unexpected failures as a bare internal error, and the answer's WS-Addressing action for
 * {@link ReplyActionInterceptor}.
 */
final class DmpWebServices {

    private static final Logger LOG = LoggerFactory.getLogger(DmpWebServices.class);

    private DmpWebServices() {
    }

    /** The validated caller of the request being served, or null when no VIHF was validated. */
    static Actor currentActor() {
        Message current = PhaseInterceptorChain.getCurrentMessage();
        return current == null ? null : current.getExchange().get(Actor.class);
    }

    /**
     * Applies the access rules to a request of the patients or habilitations service before it is served.
     *
     * @throws SecurityFault when the caller may not run this transaction
     */
    static void checkAccess(DmpAccess access, DOMSource request) {
        Element body = element(request);
        DmpTransaction transaction = body == null ? null : PatientServiceRequests.transactionOf(body);
        if (transaction == null || transaction == DmpTransaction.TD0_3 && PatientServiceRequests.isRemoval(body)) {
            return;
        }
        try {
            access.patientService(currentActor(), transaction, PatientServiceRequests.insOf(body));
        } catch (AccessDenied denied) {
            LOG.info("{} denied by the access rules: {}", transaction.tdName(), denied.getMessage());
            Message current = PhaseInterceptorChain.getCurrentMessage();
            throw SecurityFault.denied(denied.getMessage(),
                    current instanceof SoapMessage soap ? soap.getVersion() : Soap12.getInstance());
        }
    }

    /** The SOAP body's element, or null. */
    static Element element(DOMSource source) {
        Node node = source == null ? null : source.getNode();
        if (node instanceof Document document) {
            return document.getDocumentElement();
        }
        return node instanceof Element element ? element : null;
    }

    /**
     * Answers the request with {@code service}.
     *
     * @param namespace the service's namespace, that of the faults' subcodes
     */
    static DOMSource answer(DOMSource request, String namespace, BiFunction<Element, Actor, DmpReply> service) {
        Element body = element(request);
        if (body == null) {
            throw new Fault(new IllegalArgumentException("the SOAP body carries no request"));
        }
        DmpReply reply;
        try {
            reply = service.apply(body, currentActor());
        } catch (HabilitationRefusal refused) {
            throw new DmpSoapFault(refused, namespace);
        } catch (RuntimeException unexpected) {
            // Exception messages may quote patient data (database errors): log the types only.
            LOG.error("{} failed: {}", body.getLocalName(), causes(unexpected));
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
}
