package org.opendmp.server.soap;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.apache.cxf.ws.addressing.AddressingProperties;
import org.apache.cxf.ws.addressing.ContextUtils;

/**
 * SOAP faults (malformed XML, a DOCTYPE, a body that does not match the transaction, an
 * oversized message) say what was wrong with the request in plain words and nothing about
 * the server's insides: the generic WS-Addressing fault action instead of one named after a
 * Java exception, and a reason chosen here instead of a parser's or JAXB's message.
 */
final class CleanFaultInterceptor extends AbstractSoapInterceptor {

    static final String FAULT_ACTION = "http://www.w3.org/2005/08/addressing/soap/fault";
    static final String TOO_LARGE = "dmp.requestTooLarge";
    private static final Pattern ACTION_NOT_SUPPORTED =
            Pattern.compile("Action \\S+ not supported");

    CleanFaultInterceptor() {
        super(Phase.POST_LOGICAL);
    }

    @Override
    public void handleMessage(SoapMessage message) {
        Exception exception = message.getContent(Exception.class);
        if (exception instanceof Fault fault) {
            fault.setMessage(reason(message, fault));
        }
        AddressingProperties maps = ContextUtils.retrieveMAPs(message, false, true, false);
        if (maps != null && maps.getAction() != null) {
            maps.getAction().setValue(FAULT_ACTION);
        }
    }

    private static String reason(SoapMessage message, Fault fault) {
        if (fault instanceof SecurityFault) {
            return fault.getMessage();
        }
        Message in = message.getExchange().getInMessage();
        Object request = in == null ? null : in.get(AbstractHTTPDestination.HTTP_REQUEST);
        if (request instanceof HttpServletRequest http && http.getAttribute(TOO_LARGE) != null) {
            return (String) http.getAttribute(TOO_LARGE);
        }
        String text = describe(fault);
        if (text.contains("DTD")) {
            return "DOCTYPE declarations are not accepted";
        }
        if (text.contains("Unmarshalling Error") || text.contains("UnmarshalException")) {
            return "the message body does not match the schema of this transaction, or refers to a missing MIME part";
        }
        if (text.contains("ActionNotSupported") || ACTION_NOT_SUPPORTED.matcher(text).find()) {
            return "the WS-Addressing Action is not an operation of this service";
        }
        if (text.contains("Unexpected element") || text.contains("Unexpected wrapper element")) {
            return "the message body is not the one of the operation its action names";
        }
        if (text.contains("XMLStreamReader") || text.contains("ParseError") || text.contains("Unexpected")) {
            return "the message is not well-formed XML";
        }
        if (text.contains("was not recognized") || text.contains("MustUnderstand") || text.contains("action")) {
            return firstLine(fault.getMessage());
        }
        return "the request could not be processed as a SOAP message of this service";
    }

    private static String describe(Throwable fault) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = fault; t != null && text.length() < 4000; t = t.getCause()) {
            text.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
        }
        return text.toString();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "invalid request";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
