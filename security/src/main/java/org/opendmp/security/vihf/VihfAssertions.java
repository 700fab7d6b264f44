package org.opendmp.security.vihf;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.opendmp.security.vihf.VihfException.Reason;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** Finding the VIHF in a SOAP header, and reading and writing an assertion as text. */
public final class VihfAssertions {

    private VihfAssertions() {
    }

    /**
     * The saml2:Assertion child of a {@code wsse:Security} header, or {@code null} when it has none.
     *
     * @throws VihfException ({@link Reason#MALFORMED}) when the header holds more than one assertion
     */
    public static Element find(Element securityHeader) throws VihfException {
        List<Element> assertions = Dom.children(securityHeader, VihfNames.SAML, "Assertion");
        if (assertions.size() > 1) {
            throw new VihfException(Reason.MALFORMED, "The wsse:Security header holds several SAML assertions");
        }
        return assertions.isEmpty() ? null : assertions.get(0);
    }

    /**
     * Parses {@code xml} into a namespace-aware DOM, refusing DTDs and external entities, and returns its root
     * element. Meant for tests and tools; a server parses its SOAP messages on its own.
     */
    public static Element parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            return builder.parse(new InputSource(new StringReader(xml))).getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("Not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** Serializes {@code element} (without XML declaration, without reformatting, so a signature still verifies). */
    public static String toXml(Element element) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "no");
            StringWriter text = new StringWriter();
            transformer.transform(new DOMSource(element), new StreamResult(text));
            return text.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("Cannot serialize the assertion: " + e.getMessage(), e);
        }
    }
}
