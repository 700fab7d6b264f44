package org.opendmp.pixpdq.hl7v3;

import java.io.IOException;
import java.net.URL;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * Validation of HL7v3 messages against the NE2008 multicache schemas of IHE ITI-44, ITI-45 and
 * ITI-47, unpacked by the wsdl module from IPF's {@code ipf-commons-ihe-hl7v3} into
 * {@code wsdl/schema/HL7V3/NE2008} on the class path. The DMP's own interactions (PRPA_IN201307UV02,
 * PRPA_IN201311UV02, PRPA_IN201314UV02) come from the 2009 edition, which has no published
 * artifact: they are checked by their readers instead ({@link #covers}).
 */
public final class Hl7v3Schemas {

    private static final String LOCATION = "wsdl/schema/HL7V3/NE2008/multicacheschemas/";
    private static final Set<String> INTERACTIONS = Set.of("PRPA_IN201301UV02", "PRPA_IN201302UV02",
            "PRPA_IN201304UV02", "PRPA_IN201305UV02", "PRPA_IN201309UV02");
    private static final int MAX_TEXT = 400;

    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    /** Loads every schema now (at startup) rather than on the first message of each interaction. */
    public Hl7v3Schemas preload() {
        INTERACTIONS.forEach(this::schema);
        return this;
    }

    /** Whether messages of this interaction are validated. */
    public boolean covers(String interaction) {
        return INTERACTIONS.contains(interaction);
    }

    /**
     * Validates a message (its root element) of a covered interaction.
     *
     * @throws Hl7v3Refusal AR, 102, with the first schema error (it may quote the sender's own values)
     */
    public void validate(Element message) {
        String interaction = message.getLocalName();
        if (!covers(interaction)) {
            return;
        }
        Validator validator = schema(interaction).newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(new DOMSource(message));
        } catch (SAXException invalid) {
            String text = String.valueOf(invalid.getMessage());
            throw Hl7v3Refusal.reject(Hl7v3Refusal.ErrorCode.DATA_TYPE_ERROR, "the message does not match the "
                    + interaction + " schema: " + (text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read a DOM source", e);
        }
    }

    private Schema schema(String interaction) {
        return schemas.computeIfAbsent(interaction, Hl7v3Schemas::load);
    }

    private static Schema load(String interaction) {
        URL xsd = Hl7v3Schemas.class.getClassLoader().getResource(LOCATION + interaction + ".xsd");
        if (xsd == null) {
            throw new IllegalStateException("HL7v3 schema " + LOCATION + interaction
                    + ".xsd not on the class path (built by the wsdl module)");
        }
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            // the schemas include each other: allow reading them from the class path only
            // (a Spring Boot jar nests them in "jar:nested:" URLs)
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar,nested");
            return factory.newSchema(new StreamSource(xsd.toExternalForm()));
        } catch (SAXException e) {
            throw new IllegalStateException("cannot load HL7v3 schema " + interaction, e);
        }
    }
}
