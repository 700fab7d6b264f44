package org.opendmp.pixpdq.habilitation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import org.opendmp.pixpdq.hl7v3.Hl7v3Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reading and writing the DMP's document-literal web services ({@code urn:si-dmp-habilitations},
 * {@code urn:si-dmp-patients}): request children are read in the service's namespace or in none
 * (clients differ), answers are written with every element qualified, prefix {@code ns1}, as the DMP
 * answers. Dates are {@code yyyyMMddHHmmss} in UTC.
 */
final class DmpXml {

    static final String HABILITATIONS = "urn:si-dmp-habilitations";
    static final String PATIENTS = "urn:si-dmp-patients";
    /** The status of an answer that did what was asked (or found nothing to do). */
    static final String DMP_OK = "DMPOk";

    private static final String PREFIX = "ns1";
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd");

    private DmpXml() {
    }

    /** Whether {@code node} is the element {@code localName} of {@code namespace}. */
    static boolean is(Node node, String namespace, String localName) {
        return node instanceof Element e && namespace.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName());
    }

    /** The trimmed text of the first child {@code localName} (in {@code namespace} or none), or null when absent or empty. */
    static String childText(Element parent, String namespace, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())
                    && (e.getNamespaceURI() == null || namespace.equals(e.getNamespaceURI()))) {
                String text = e.getTextContent().trim();
                return text.isEmpty() ? null : text;
            }
        }
        return null;
    }

    /** A new answer document whose root is {@code ns1:<localName>}. */
    static Element answerRoot(String namespace, String localName) {
        Document document = Hl7v3Xml.newDocument();
        Element root = document.createElementNS(namespace, PREFIX + ":" + localName);
        document.appendChild(root);
        return root;
    }

    /** Appends {@code ns1:<localName>} in the parent's namespace. */
    static Element add(Element parent, String localName) {
        Element child = parent.getOwnerDocument().createElementNS(parent.getNamespaceURI(), PREFIX + ":" + localName);
        parent.appendChild(child);
        return child;
    }

    /** Appends {@code ns1:<localName>} with text; nothing when {@code text} is null. */
    static void addText(Element parent, String localName, String text) {
        if (text != null) {
            add(parent, localName).setTextContent(text);
        }
    }

    static String dateTime(Instant instant) {
        return instant == null ? null : DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }

    static String date(LocalDate date) {
        return date == null ? null : DATE.format(date);
    }

    /**
     * Reads {@code yyyyMMdd[HH[mm[ss]]]} (UTC; missing parts are zero).
     *
     * @throws IllegalArgumentException when it is not such a date
     */
    static Instant parseDateTime(String value) {
        if (value == null || !value.matches("\\d{8}(\\d{2}){0,3}")) {
            throw new IllegalArgumentException("not a date yyyyMMddHHmmss");
        }
        String full = value + "000000".substring(value.length() - 8);
        try {
            return LocalDateTime.parse(full, DATE_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date yyyyMMddHHmmss", e);
        }
    }
}
