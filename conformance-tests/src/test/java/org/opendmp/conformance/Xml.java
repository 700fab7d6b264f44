package org.opendmp.conformance;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xmlunit.assertj3.XmlAssert;

/** Parsing, XPath and XMLUnit assertions with the namespace prefixes used throughout the tests. */
public final class Xml {

    /** Prefixes usable in every XPath of the tests. */
    public static final Map<String, String> NS = Map.ofEntries(
            Map.entry("rim", "urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0"),
            Map.entry("rs", "urn:oasis:names:tc:ebxml-regrep:xsd:rs:3.0"),
            Map.entry("query", "urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0"),
            Map.entry("lcm", "urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0"),
            Map.entry("xdsb", "urn:ihe:iti:xds-b:2007"),
            Map.entry("soap12", "http://www.w3.org/2003/05/soap-envelope"),
            Map.entry("soap11", "http://schemas.xmlsoap.org/soap/envelope/"),
            Map.entry("wsa", "http://www.w3.org/2005/08/addressing"),
            Map.entry("xop", "http://www.w3.org/2004/08/xop/include"),
            Map.entry("hl7", "urn:hl7-org:v3"),
            Map.entry("gdp", "asip:ci-sis:gdp:2010"));

    private static final NamespaceContext CONTEXT = new NamespaceContext() {
        @Override
        public String getNamespaceURI(String prefix) {
            return NS.getOrDefault(prefix, XMLConstants.NULL_NS_URI);
        }

        @Override
        public String getPrefix(String uri) {
            return NS.entrySet().stream().filter(e -> e.getValue().equals(uri)).map(Map.Entry::getKey)
                    .findFirst().orElse(null);
        }

        @Override
        public Iterator<String> getPrefixes(String uri) {
            String prefix = getPrefix(uri);
            return prefix == null ? List.<String>of().iterator() : List.of(prefix).iterator();
        }
    };

    private Xml() {
    }

    /** Parses what the server sent; a DOCTYPE in a server response is itself a defect. */
    public static Document parse(byte[] bytes) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    /** Parses a message the tests built themselves (must be well-formed: catches template bugs early). */
    public static Document parse(String xml) {
        try {
            return parse(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalArgumentException("test message is not well-formed XML: " + e.getMessage()
                    + "\n" + xml, e);
        }
    }

    public static List<Node> nodes(Node context, String xpath) {
        NodeList list = (NodeList) evaluate(context, xpath, XPathConstants.NODESET);
        List<Node> result = new ArrayList<>(list.getLength());
        for (int i = 0; i < list.getLength(); i++) {
            result.add(list.item(i));
        }
        return result;
    }

    public static List<Element> elements(Node context, String xpath) {
        List<Element> result = new ArrayList<>();
        for (Node node : nodes(context, xpath)) {
            if (node instanceof Element element) {
                result.add(element);
            }
        }
        return result;
    }

    /** String value of the XPath (empty string when nothing matches). */
    public static String value(Node context, String xpath) {
        return (String) evaluate(context, xpath, XPathConstants.STRING);
    }

    /** Text content of every matching node, in document order. */
    public static List<String> values(Node context, String xpath) {
        List<String> result = new ArrayList<>();
        for (Node node : nodes(context, xpath)) {
            result.add(node.getTextContent());
        }
        return result;
    }

    public static int count(Node context, String xpath) {
        return nodes(context, xpath).size();
    }

    private static Object evaluate(Node context, String xpath, javax.xml.namespace.QName type) {
        XPath engine = XPathFactory.newInstance().newXPath();
        engine.setNamespaceContext(CONTEXT);
        try {
            return engine.evaluate(xpath, context, type);
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException("bad XPath " + xpath, e);
        }
    }

    /** XMLUnit AssertJ entry point with the test namespace prefixes. */
    public static XmlAssert assertThatXml(Object xml) {
        return XmlAssert.assertThat(xml).withNamespaceContext(NS);
    }

    public static String toString(Node node) {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(node), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Escapes text for use in XML content or in a double- or single-quoted attribute. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    public static Document document(Node node) {
        return node instanceof Document d ? d : node.getOwnerDocument();
    }
}
