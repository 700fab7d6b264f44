package org.opendmp.security.vihf;

import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/** The few namespace-aware DOM look-ups the VIHF needs. */
final class Dom {

    private Dom() {
    }

    /** Whether {@code node} is an element {@code namespace}:{@code localName}. */
    static boolean is(Node node, String namespace, String localName) {
        return node instanceof Element
                && localName.equals(node.getLocalName())
                && namespace.equals(node.getNamespaceURI());
    }

    /** The child elements {@code namespace}:{@code localName} of {@code parent}, in document order. */
    static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> found = new ArrayList<>(2);
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (is(child, namespace, localName)) {
                found.add((Element) child);
            }
        }
        return found;
    }

    /** The first child element {@code namespace}:{@code localName}, or {@code null}. */
    static Element child(Element parent, String namespace, String localName) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (is(child, namespace, localName)) {
                return (Element) child;
            }
        }
        return null;
    }

    /** The first child element in any namespace, or {@code null}. */
    static Element firstChildElement(Element parent) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                return element;
            }
        }
        return null;
    }

    /**
     * The element's text, all descendant text nodes joined (comments and processing instructions left out, as
     * exclusive canonicalization without comments leaves them out of the signed content), trimmed; {@code null}
     * when blank.
     */
    static String text(Element element) {
        if (element == null) {
            return null;
        }
        String text = element.getTextContent();
        if (text == null) {
            return null;
        }
        text = text.strip();
        return text.isEmpty() ? null : text;
    }

    /** The value of the unqualified attribute {@code name}, or {@code null} when absent or blank. */
    static String attribute(Element element, String name) {
        Attr attribute = element.getAttributeNodeNS(null, name);
        if (attribute == null) {
            return null;
        }
        String value = attribute.getValue().strip();
        return value.isEmpty() ? null : value;
    }

    /**
     * Whether an element of {@code root}'s tree other than {@code except} carries an identifier attribute
     * ({@code ID}, {@code Id} or {@code id} in any namespace, or one the DOM marks as an ID) equal to {@code id}.
     */
    static boolean otherElementHasId(Element root, Element except, String id) {
        Node node = root;
        while (node != null) {
            if (node != except && node instanceof Element element && hasId(element, id)) {
                return true;
            }
            node = next(node, root);
        }
        return false;
    }

    private static boolean hasId(Element element, String id) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String name = attribute.getLocalName() != null ? attribute.getLocalName() : attribute.getName();
            if ((attribute.isId() || "ID".equals(name) || "Id".equals(name) || "id".equals(name))
                    && id.equals(attribute.getValue())) {
                return true;
            }
        }
        return false;
    }

    /** The next element in document order within {@code root} (pre-order, iterative: no deep recursion). */
    private static Node next(Node node, Node root) {
        Node firstChild = firstElement(node.getFirstChild());
        if (firstChild != null) {
            return firstChild;
        }
        while (node != null && node != root) {
            Node sibling = firstElement(node.getNextSibling());
            if (sibling != null) {
                return sibling;
            }
            node = node.getParentNode();
        }
        return null;
    }

    private static Node firstElement(Node node) {
        while (node != null && node.getNodeType() != Node.ELEMENT_NODE) {
            node = node.getNextSibling();
        }
        return node;
    }
}
