package org.opendmp.audit.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.openehealth.ipf.commons.audit.model.AuditMessage;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** A DICOM audit message as XML, validated against the DICOM schema IPF ships, with XPath helpers. */
public final class DicomXml {

    private static final Schema SCHEMA = schema();

    private final String xml;
    private final Document document;

    private DicomXml(byte[] bytes) {
        this.xml = new String(bytes, StandardCharsets.UTF_8);
        try {
            SCHEMA.newValidator().validate(new StreamSource(new ByteArrayInputStream(bytes)));
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            this.document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        } catch (Exception e) {
            throw new AssertionError("Not a valid DICOM audit message (" + e.getMessage() + "):\n" + xml, e);
        }
    }

    /** Serializes the message and checks it against the DICOM audit message schema. */
    public static DicomXml of(AuditMessage message) {
        return new DicomXml(AuditEvents.toXml(message));
    }

    /** Parses and checks XML bytes. */
    public static DicomXml parse(byte[] bytes) {
        return new DicomXml(bytes);
    }

    public String text(String xpath) {
        try {
            return (String) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.STRING);
        } catch (Exception e) {
            throw new AssertionError(xpath, e);
        }
    }

    public int count(String xpath) {
        return values(xpath).size();
    }

    public List<String> values(String xpath) {
        try {
            NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, document,
                    XPathConstants.NODESET);
            List<String> values = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                values.add(nodes.item(i).getTextContent());
            }
            return values;
        } catch (Exception e) {
            throw new AssertionError(xpath, e);
        }
    }

    /** A base64 attribute or element, decoded as UTF-8. */
    public String decoded(String xpath) {
        String value = text(xpath);
        assertThat(value).as(xpath + " in\n" + xml).isNotEmpty();
        return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
    }

    public String xml() {
        return xml;
    }

    @Override
    public String toString() {
        return xml;
    }

    private static Schema schema() {
        URL xsd = AuditMessage.class.getResource("/dicom2017c.xsd");
        if (xsd == null) {
            throw new IllegalStateException("dicom2017c.xsd is not on the class path (it ships with ipf-commons-audit)");
        }
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            return factory.newSchema(xsd);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
