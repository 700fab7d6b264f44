package org.opendmp.pixpdq.hl7v3;

import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Namespace-aware DOM reading and writing of HL7v3 elements ({@code urn:hl7-org:v3}). Reading
 * walks child elements by local name in the HL7 namespace (no XPath strings built from data);
 * writing creates elements in that namespace. Documents come from a hardened factory: no DTD,
 * no external entities.
 */
public final class Hl7v3Xml {

    /** The HL7v3 namespace. */
    public static final String NS = "urn:hl7-org:v3";
    /** XML Schema instance, for {@code xsi:type}. */
    public static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;

    private static final DocumentBuilderFactory FACTORY = hardenedFactory();

    private Hl7v3Xml() {
    }

    /** A DocumentBuilderFactory refusing DOCTYPEs and external entities. */
    public static DocumentBuilderFactory hardenedFactory() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser lacks a hardening feature", e);
        }
    }

    /** Stateless, shared: creates empty documents, parses nothing. */
    private static final org.w3c.dom.DOMImplementation DOM = newBuilder().getDOMImplementation();

    public static DocumentBuilder newBuilder() {
        try {
            return FACTORY.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new empty document for an answer, without a parser per answer. */
    public static Document newDocument() {
        return DOM.createDocument(null, null, null);
    }

    // ------------------------------------------------------------------ reading

    /** Whether the node is an HL7v3 element with this local name. */
    public static boolean isHl7(Node node, String localName) {
        return node instanceof Element e && NS.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName());
    }

    /** The HL7v3 children of {@code parent} with this local name, skipping {@code xsi:nil} ones. */
    public static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (isHl7(n, localName) && !"true".equals(((Element) n).getAttributeNS(XSI, "nil"))) {
                found.add((Element) n);
            }
        }
        return found;
    }

    /** The first HL7v3 child with this local name, or null. */
    public static Element child(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Follows a path of local names ({@code "controlActProcess", "queryByParameter"}), or null. */
    public static Element path(Element from, String... localNames) {
        Element current = from;
        for (String name : localNames) {
            current = child(current, name);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    /** An attribute's value, or null when the element is null or the attribute absent or blank. */
    public static String attribute(Element element, String name) {
        if (element == null || !element.hasAttribute(name)) {
            return null;
        }
        String value = element.getAttribute(name).trim();
        return value.isEmpty() ? null : value;
    }

    /** Trimmed text content, or null when the element is null or empty. */
    public static String text(Element element) {
        if (element == null) {
            return null;
        }
        String value = element.getTextContent().trim();
        return value.isEmpty() ? null : value;
    }

    // ------------------------------------------------------------------ writing

    /** Appends a new HL7v3 element with attributes given as name, value pairs (null values skipped). */
    public static Element add(Node parent, String localName, String... attributes) {
        Document document = parent instanceof Document d ? d : parent.getOwnerDocument();
        Element element = document.createElementNS(NS, localName);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                element.setAttribute(attributes[i], attributes[i + 1]);
            }
        }
        parent.appendChild(element);
        return element;
    }

    /** Appends a new HL7v3 element holding text. */
    public static Element addText(Node parent, String localName, String text) {
        Element element = add(parent, localName);
        element.setTextContent(text);
        return element;
    }

    /** Appends a {@code value} element of the given {@code xsi:type} (BL, CV, INT...). */
    public static Element addTypedValue(Element parent, String xsiType, String... attributes) {
        Element value = add(parent, "value", attributes);
        value.setAttributeNS(XSI, "xsi:type", xsiType);
        return value;
    }

    /** Appends a deep copy of {@code source} (from another document) under {@code parent}. */
    public static Element copy(Element parent, Element source) {
        Element imported = (Element) parent.getOwnerDocument().importNode(source, true);
        parent.appendChild(imported);
        return imported;
    }
}
