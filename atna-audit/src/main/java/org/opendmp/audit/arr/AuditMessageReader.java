package org.opendmp.audit.arr;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.opendmp.audit.arr.AuditRecord.Facility;
import org.opendmp.audit.arr.AuditRecord.ObjectRef;
import org.opendmp.audit.arr.AuditRecord.Participant;
import org.opendmp.audit.arr.AuditRecord.Requestor;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads the MSG of a syslog message as a DICOM audit message: parsed with DTDs and external entities
 * refused, validated while parsing against the DICOM audit message schema that IPF ships
 * ({@code dicom2017c.xsd} of ipf-commons-audit: DICOM PS3.15 A.5.1 with IHE's relaxations), then the
 * searchable fields read into an {@link AuditRecord}. One parse per message. IPF's own
 * {@code DICOMAuditParser} is not used: its JDOM builder does not refuse DOCTYPEs, and it would be a
 * second parse. Thread-safe (one JAXP builder per thread).
 */
public final class AuditMessageReader {

    /** ActiveParticipant roles (DCM) that are not a human requestor. */
    private static final String SOURCE = "110153";
    private static final String DESTINATION = "110152";
    private static final Set<String> MACHINE_ROLES = Set.of(SOURCE, DESTINATION, "110150", "110151");
    private static final String SUBMISSION_SET_CLASS = "urn:uuid:a54d6aa5-d40d-43f9-88c5-b4633d873bdd";
    private static final Schema SCHEMA = loadSchema();

    private final DocumentBuilderFactory factory = hardenedFactory();
    private final ThreadLocal<Parser> parsers = ThreadLocal.withInitial(this::newParser);

    /**
     * Reads {@code buffer[offset, offset + length)} (the MSG, UTF-8 unless its XML declaration says otherwise).
     *
     * @throws MessageRejected {@link RejectReason#INVALID_XML}, {@link RejectReason#NOT_AUDIT_MESSAGE} or
     *                         {@link RejectReason#SCHEMA_INVALID}
     */
    public AuditRecord read(byte[] buffer, int offset, int length) throws MessageRejected {
        if (length == 0) {
            throw new MessageRejected(RejectReason.INVALID_XML, "empty MSG");
        }
        Parser parser = parsers.get();
        Document document;
        try {
            parser.firstSchemaError = null;
            document = parser.builder.parse(new ByteArrayInputStream(buffer, offset, length));
        } catch (SAXException e) {
            throw new MessageRejected(RejectReason.INVALID_XML, "not well-formed XML, or a DOCTYPE");
        } catch (IOException e) {
            throw new MessageRejected(RejectReason.INVALID_XML, "unreadable XML: " + e.getClass().getSimpleName());
        }
        if (parser.firstSchemaError != null) {
            throw rootIsAuditMessage(document)
                    ? new MessageRejected(RejectReason.SCHEMA_INVALID, "not valid against the DICOM schema ("
                            + rule(parser.firstSchemaError) + ")")
                    : new MessageRejected(RejectReason.NOT_AUDIT_MESSAGE, "the root element is not AuditMessage");
        }
        try {
            return record(document.getDocumentElement());
        } catch (RuntimeException e) {
            throw new MessageRejected(RejectReason.SCHEMA_INVALID, "unreadable field: " + e.getMessage());
        }
    }

    private static AuditRecord record(Element root) {
        Element event = child(root, "EventIdentification");
        List<Code> types = new ArrayList<>();
        List<Code> purposes = new ArrayList<>();
        Code eventId = null;
        for (Element e = first(event); e != null; e = next(e)) {
            switch (e.getTagName()) {
                case "EventID" -> eventId = code(e);
                case "EventTypeCode" -> types.add(code(e));
                case "PurposeOfUse" -> purposes.add(code(e));
                default -> { }
            }
        }
        Requestor requestor = null;
        Participant source = null;
        Participant destination = null;
        String auditSourceId = null;
        List<String> patients = new ArrayList<>();
        List<ObjectRef> documents = new ArrayList<>();
        String queryId = null;
        Facility facility = null;
        for (Element e = next(event); e != null; e = next(e)) {
            switch (e.getTagName()) {
                case "ActiveParticipant" -> {
                    List<Code> roles = new ArrayList<>();
                    for (Element role = first(e); role != null; role = next(role)) {
                        if (role.getTagName().equals("RoleIDCode")) {
                            roles.add(code(role));
                        }
                    }
                    Participant participant = new Participant(attribute(e, "UserID"), attribute(e, "NetworkAccessPointID"));
                    if (hasRole(roles, SOURCE) && source == null) {
                        source = participant;
                    } else if (hasRole(roles, DESTINATION) && destination == null) {
                        destination = participant;
                    } else if (requestor == null && "true".equals(attribute(e, "UserIsRequestor"))
                            && roles.stream().noneMatch(role -> MACHINE_ROLES.contains(role.code()))) {
                        String userId = attribute(e, "UserID");
                        requestor = new Requestor(userId, userKey(userId), attribute(e, "UserName"),
                                attribute(e, "AlternativeUserID"), roles);
                    }
                }
                case "AuditSourceIdentification" -> {
                    if (auditSourceId == null) {
                        auditSourceId = attribute(e, "AuditSourceID");
                    }
                }
                case "ParticipantObjectIdentification" -> {
                    String id = attribute(e, "ParticipantObjectID");
                    String type = attribute(e, "ParticipantObjectTypeCode");
                    String role = attribute(e, "ParticipantObjectTypeCodeRole");
                    if (id == null) {
                        break;
                    }
                    if ("1".equals(type) && "1".equals(role)) {
                        patients.add(id);
                    } else if ("2".equals(type) && "3".equals(role)) {
                        documents.add(new ObjectRef(ObjectRef.Kind.DOCUMENT, id, detail(e, "Repository Unique Id")));
                    } else if ("2".equals(type) && "20".equals(role)
                            && SUBMISSION_SET_CLASS.equals(code(child(e, "ParticipantObjectIDTypeCode")).code())) {
                        documents.add(new ObjectRef(ObjectRef.Kind.SUBMISSION_SET, id, null));
                    } else if ("2".equals(type) && "24".equals(role) && queryId == null) {
                        queryId = id;
                    } else if ("3".equals(type) && facility == null) {
                        Element name = optionalChild(e, "ParticipantObjectName");
                        facility = new Facility(id, name == null ? null : name.getTextContent().trim());
                    }
                }
                default -> { }
            }
        }
        return new AuditRecord(dateTime(attribute(event, "EventDateTime")), eventId, types,
                attribute(event, "EventActionCode"), Integer.parseInt(attribute(event, "EventOutcomeIndicator").trim()),
                purposes, requestor, source, destination, auditSourceId, patients, documents, queryId, facility);
    }

    /**
     * The schema rule a message broke and where, e.g. {@code cvc-complex-type.4 at line 3, column 40}: the
     * parser's text is left out because it can quote values of the message.
     */
    private static String rule(SAXParseException e) {
        String text = e.getMessage() == null ? "" : e.getMessage();
        int colon = text.indexOf(':');
        String rule = colon > 0 && colon < 40 && text.startsWith("cvc-") ? text.substring(0, colon) : "schema rule";
        return rule + " at line " + e.getLineNumber() + ", column " + e.getColumnNumber();
    }

    /**
     * The id a user is searched by: the NameID of the XUA form {@code alias<user@issuer>}, CX.1 of an HL7 CX
     * {@code id^^^&oid&ISO}, otherwise the UserID itself.
     */
    static String userKey(String userId) {
        if (userId == null) {
            return null;
        }
        int open = userId.indexOf('<');
        int close = userId.lastIndexOf('>');
        if (open >= 0 && close > open) {
            String inner = userId.substring(open + 1, close);
            int at = inner.lastIndexOf('@');
            return at > 0 ? inner.substring(0, at) : inner;
        }
        int caret = userId.indexOf('^');
        return caret > 0 ? userId.substring(0, caret) : userId;
    }

    private static boolean hasRole(List<Code> roles, String code) {
        return roles.stream().anyMatch(role -> code.equals(role.code()));
    }

    /** The value of a ParticipantObjectDetail of this type, base64-decoded as UTF-8 (its value is xs:base64Binary). */
    private static String detail(Element object, String type) {
        for (Element e = first(object); e != null; e = next(e)) {
            if (e.getTagName().equals("ParticipantObjectDetail") && type.equals(e.getAttribute("type"))) {
                try {
                    return new String(Base64.getMimeDecoder().decode(e.getAttribute("value")), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException notBase64) {
                    return null;
                }
            }
        }
        return null;
    }

    private static Code code(Element e) {
        String display = attribute(e, "displayName");
        return new Code(attribute(e, "csd-code"), attribute(e, "codeSystemName"),
                display != null ? display : attribute(e, "originalText"));
    }

    /** EventDateTime: xs:dateTime, with or without an offset (then UTC), any fraction of a second. */
    static Instant dateTime(String value) {
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(value.trim(), OffsetDateTime::from,
                LocalDateTime::from);
        return parsed instanceof LocalDateTime local ? local.toInstant(ZoneOffset.UTC)
                : ((OffsetDateTime) parsed).toInstant();
    }

    private static String attribute(Element e, String name) {
        return e.hasAttribute(name) ? e.getAttribute(name) : null;
    }

    private static Element child(Element parent, String name) {
        Element found = optionalChild(parent, name);
        if (found == null) {
            throw new IllegalStateException(name + " missing");
        }
        return found;
    }

    private static Element optionalChild(Element parent, String name) {
        for (Element e = first(parent); e != null; e = next(e)) {
            if (e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static Element first(Element parent) {
        Node n = parent.getFirstChild();
        while (n != null && n.getNodeType() != Node.ELEMENT_NODE) {
            n = n.getNextSibling();
        }
        return (Element) n;
    }

    private static Element next(Element e) {
        Node n = e.getNextSibling();
        while (n != null && n.getNodeType() != Node.ELEMENT_NODE) {
            n = n.getNextSibling();
        }
        return (Element) n;
    }

    /** Whether the document's root element is {@code AuditMessage}, in any namespace. */
    private static boolean rootIsAuditMessage(Document document) {
        Element root = document.getDocumentElement();
        String name = root.getLocalName() != null ? root.getLocalName() : root.getTagName();
        return "AuditMessage".equals(name);
    }

    /**
     * A JAXP builder and what its error handler saw: schema errors are recorded (the first one is
     * reported) and parsing goes on, so that a message both invalid and not well-formed (truncated) is
     * refused as not well-formed; well-formedness errors stop the parse.
     */
    private static final class Parser implements ErrorHandler {
        private final DocumentBuilder builder;
        private SAXParseException firstSchemaError;

        Parser(DocumentBuilder builder) {
            this.builder = builder;
            builder.setErrorHandler(this);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are refused");
            });
        }

        @Override
        public void warning(SAXParseException exception) {
            // warnings do not make a message invalid
        }

        @Override
        public void error(SAXParseException exception) {
            if (firstSchemaError == null) {
                firstSchemaError = exception;
            }
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    }

    private Parser newParser() {
        try {
            return new Parser(factory.newDocumentBuilder());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("cannot create the audit message parser", e);
        }
    }

    private static DocumentBuilderFactory hardenedFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be hardened", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(true);
        factory.setIgnoringComments(true);
        try {
            factory.setFeature("http://apache.org/xml/features/dom/defer-node-expansion", false);
        } catch (ParserConfigurationException e) {
            // a parser without the feature builds its DOM its own way
        }
        factory.setSchema(SCHEMA);
        return factory;
    }

    private static Schema loadSchema() {
        URL xsd = AuditMessageReader.class.getResource("/dicom2017c.xsd");
        if (xsd == null) {
            throw new IllegalStateException("dicom2017c.xsd (ipf-commons-audit) is missing from the class path");
        }
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(xsd);
        } catch (SAXException e) {
            throw new IllegalStateException("cannot load the DICOM audit message schema", e);
        }
    }
}
