package org.opendmp.pixpdq.hl7v3;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Node;

/** XPath over answers with the prefixes {@code hl7} and {@code gdp}. */
final class Answers {

    private static final Map<String, String> NS = Map.of("hl7", Hl7v3Xml.NS, "gdp", RegistrationAnswer.GDP);

    private Answers() {
    }

    static String value(Hl7v3Reply reply, String xpath) {
        return value(reply.body(), xpath);
    }

    static String value(Node node, String xpath) {
        XPath engine = XPathFactory.newInstance().newXPath();
        engine.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return NS.getOrDefault(prefix, XMLConstants.NULL_NS_URI);
            }

            @Override
            public String getPrefix(String uri) {
                return null;
            }

            @Override
            public Iterator<String> getPrefixes(String uri) {
                return List.<String>of().iterator();
            }
        });
        try {
            return engine.evaluate(xpath, node);
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(xpath, e);
        }
    }

    /** AA, AE or AR, in the 2008 (element) or 2009 (attribute) form. */
    static String ack(Hl7v3Reply reply) {
        return value(reply, "string((//hl7:acknowledgement/@typeCode | //hl7:acknowledgement/hl7:typeCode/@code)[1])");
    }

    static String detailCode(Hl7v3Reply reply) {
        return value(reply, "string(//hl7:acknowledgementDetail/hl7:code/@code)");
    }

    static String queryResponse(Hl7v3Reply reply) {
        return value(reply, "string(//hl7:queryAck/hl7:queryResponseCode/@code)");
    }

    static String observation(Hl7v3Reply reply, String code) {
        return value(reply, "string(//hl7:patient/*/hl7:administrativeObservation[hl7:code/@code='" + code
                + "']/hl7:value/@value)");
    }
}
