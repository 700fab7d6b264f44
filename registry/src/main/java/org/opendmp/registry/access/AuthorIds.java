package org.opendmp.registry.access;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.opendmp.registry.ebrim.XdsVocabulary;
import org.opendmp.registry.error.XdsException;
import org.opendmp.registry.hl7.Xcn;
import org.opendmp.registry.hl7.Xon;
import org.opendmp.registry.model.Author;

/**
 * The ids of a DocumentEntry's authors, as the access rules compare them with the caller's:
 * authorPerson XCN.1 and authorInstitution XON.10 (XON.3 when XON.10 is empty). A person known
 * by name only, or an institution without an id, adds nothing.
 *
 * @param persons      the authorPerson ids
 * @param institutions the authorInstitution ids
 */
public record AuthorIds(Set<String> persons, Set<String> institutions) {

    /** The {@code attribute} value of person ids in {@code document_entry_author_id}. */
    public static final String PERSON = "authorPerson";
    /** The {@code attribute} value of institution ids in {@code document_entry_author_id}. */
    public static final String INSTITUTION = "authorInstitution";

    /** Writes the rows of {@link #rows}. */
    public static final String INSERT = "INSERT INTO document_entry_author_id (entry_uuid, attribute, author_id)"
            + " VALUES (?,?,?)";

    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    public AuthorIds {
        persons = Set.copyOf(persons);
        institutions = Set.copyOf(institutions);
    }

    /** The ids of these authors (validated metadata). */
    public static AuthorIds of(List<Author> authors) {
        Set<String> persons = new LinkedHashSet<>();
        Set<String> institutions = new LinkedHashSet<>();
        for (Author author : authors) {
            addPerson(persons, author.person());
            author.institutions().forEach(value -> addInstitution(institutions, value));
        }
        return new AuthorIds(persons, institutions);
    }

    /**
     * The ids of the author Classifications of a stored DocumentEntry (its ebRIM ExtrinsicObject
     * XML), for entries registered before the ids were stored apart. Reads the XML as a stream:
     * no JAXB needed.
     */
    public static AuthorIds fromEbrim(String xml) {
        Set<String> persons = new LinkedHashSet<>();
        Set<String> institutions = new LinkedHashSet<>();
        try {
            XMLStreamReader reader = XML.createXMLStreamReader(new StringReader(xml));
            int authorDepth = -1;
            int depth = 0;
            String slot = null;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    if (depth-- == authorDepth) {
                        authorDepth = -1;
                    }
                    continue;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                depth++;
                String name = reader.getLocalName();
                if (authorDepth < 0 && name.equals("Classification")
                        && XdsVocabulary.DE_AUTHOR.equalsIgnoreCase(reader.getAttributeValue(null, "classificationScheme"))) {
                    authorDepth = depth;
                } else if (authorDepth >= 0 && name.equals("Slot")) {
                    slot = reader.getAttributeValue(null, "name");
                } else if (authorDepth >= 0 && name.equals("Value")) {
                    String value = reader.getElementText();
                    depth--; // getElementText consumed the end tag
                    if (PERSON.equals(slot)) {
                        addPerson(persons, value);
                    } else if (INSTITUTION.equals(slot)) {
                        addInstitution(institutions, value);
                    }
                }
            }
            reader.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("stored DocumentEntry cannot be read", e);
        }
        return new AuthorIds(persons, institutions);
    }

    /** The {@code document_entry_author_id} rows of a DocumentEntry with these authors ({@link #INSERT}). */
    public List<Object[]> rows(String entryUuid) {
        List<Object[]> rows = new ArrayList<>();
        persons.forEach(id -> rows.add(new Object[] {entryUuid, PERSON, id}));
        institutions.forEach(id -> rows.add(new Object[] {entryUuid, INSTITUTION, id}));
        return rows;
    }

    /** Values are validated at registration; one that no longer parses adds no id. */
    private static void addPerson(Set<String> ids, String xcn) {
        if (xcn == null || xcn.isBlank()) {
            return;
        }
        try {
            String id = Xcn.parse(xcn.trim(), PERSON).id();
            if (id != null) {
                ids.add(id);
            }
        } catch (XdsException e) {
            // no id
        }
    }

    private static void addInstitution(Set<String> ids, String xon) {
        if (xon == null || xon.isBlank()) {
            return;
        }
        try {
            String id = Xon.parse(xon.trim(), INSTITUTION).identifier();
            if (id != null) {
                ids.add(id);
            }
        } catch (XdsException e) {
            // no id
        }
    }
}
