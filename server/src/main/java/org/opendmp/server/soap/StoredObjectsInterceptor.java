package org.opendmp.server.soap;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.apache.cxf.interceptor.AbstractOutDatabindingInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.staxutils.DelegatingXMLStreamWriter;
import org.apache.cxf.staxutils.StaxUtils;
import org.codehaus.stax2.XMLStreamWriter2;
import org.opendmp.registry.query.QueryAnswer;

/**
 * Writes LeafClass objects of a stored query answer straight from their stored ebRIM XML:
 * wherever the answer holds a placeholder ObjectRef ({@link QueryAnswer#PLACEHOLDER}), the
 * stored XML goes to the wire instead. The objects come back byte for byte as stored, and
 * the registry skips a JAXB parse per object (the larger part of a FindDocuments' cost).
 */
final class StoredObjectsInterceptor extends AbstractPhaseInterceptor<Message> {

    /** Exchange key under which the registry endpoint leaves the answer's stored objects. */
    static final String STORED_OBJECTS = StoredObjectsInterceptor.class.getName();

    private static final String RIM = "urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0";

    StoredObjectsInterceptor() {
        super(Phase.PRE_PROTOCOL);
    }

    @Override
    public void handleMessage(Message message) {
        @SuppressWarnings("unchecked")
        Map<String, String> stored = (Map<String, String>) message.getExchange().get(STORED_OBJECTS);
        XMLStreamWriter writer = message.getContent(XMLStreamWriter.class);
        if (stored != null && !stored.isEmpty() && writer != null) {
            message.setContent(XMLStreamWriter.class, new Writer(writer, stored));
            // CXF would otherwise marshal the body straight to the output stream, past this writer.
            message.put(AbstractOutDatabindingInterceptor.DISABLE_OUTPUTSTREAM_OPTIMIZATION, Boolean.TRUE);
        }
    }

    /** Holds back each rim:ObjectRef until its id shows whether it is a placeholder. */
    private static final class Writer extends DelegatingXMLStreamWriter {
        private final XMLStreamWriter out;
        private final Map<String, String> stored;
        private String[] heldElement;                        // prefix, local name, namespace
        private final List<String[]> heldAttributes = new ArrayList<>();
        private String replacement;

        Writer(XMLStreamWriter out, Map<String, String> stored) {
            super(out);
            this.out = out;
            this.stored = stored;
        }

        @Override
        public void writeStartElement(String prefix, String local, String namespace) throws XMLStreamException {
            release();
            if ("ObjectRef".equals(local) && RIM.equals(namespace)) {
                heldElement = new String[] {prefix, local, namespace};
                return;
            }
            super.writeStartElement(prefix, local, namespace);
        }

        @Override
        public void writeStartElement(String namespace, String local) throws XMLStreamException {
            release();
            super.writeStartElement(namespace, local);
        }

        @Override
        public void writeStartElement(String local) throws XMLStreamException {
            release();
            super.writeStartElement(local);
        }

        @Override
        public void writeAttribute(String local, String value) throws XMLStreamException {
            writeAttribute(null, null, local, value);
        }

        @Override
        public void writeAttribute(String namespace, String local, String value) throws XMLStreamException {
            writeAttribute(null, namespace, local, value);
        }

        @Override
        public void writeAttribute(String prefix, String namespace, String local, String value) throws XMLStreamException {
            if (heldElement == null) {
                if (prefix == null && namespace == null) {
                    super.writeAttribute(local, value);
                } else if (prefix == null) {
                    super.writeAttribute(namespace, local, value);
                } else {
                    super.writeAttribute(prefix, namespace, local, value);
                }
                return;
            }
            if ("id".equals(local) && (namespace == null || namespace.isEmpty()) && stored.containsKey(value)) {
                replacement = stored.get(value);
            }
            heldAttributes.add(new String[] {prefix, namespace, local, value});
        }

        @Override
        public void writeEndElement() throws XMLStreamException {
            if (heldElement != null && replacement != null) {
                writeStored(replacement);
                heldElement = null;
                heldAttributes.clear();
                replacement = null;
                return;
            }
            release();
            super.writeEndElement();
        }

        @Override
        public void writeCharacters(String text) throws XMLStreamException {
            release();
            super.writeCharacters(text);
        }

        @Override
        public void writeNamespace(String prefix, String namespace) throws XMLStreamException {
            if (heldElement != null) {
                heldAttributes.add(new String[] {"xmlns", prefix, namespace});
                return;
            }
            super.writeNamespace(prefix, namespace);
        }

        /** Writes a held element that turned out not to be a placeholder. */
        private void release() throws XMLStreamException {
            if (heldElement == null) {
                return;
            }
            String[] element = heldElement;
            heldElement = null;
            replacement = null;
            out.writeStartElement(element[0], element[1], element[2]);
            for (String[] a : heldAttributes) {
                if (a.length == 3) {
                    out.writeNamespace(a[1], a[2]);
                } else if (a[0] == null && a[1] == null) {
                    out.writeAttribute(a[2], a[3]);
                } else if (a[0] == null) {
                    out.writeAttribute(a[1], a[2], a[3]);
                } else {
                    out.writeAttribute(a[0], a[1], a[2], a[3]);
                }
            }
            heldAttributes.clear();
        }

        private void writeStored(String xml) throws XMLStreamException {
            if (out instanceof XMLStreamWriter2 raw) {
                raw.writeCharacters("");   // closes the parent's start tag if still open
                raw.writeRaw(xml);
                return;
            }
            XMLStreamReader reader = StaxUtils.createXMLStreamReader(new StringReader(xml));
            try {
                StaxUtils.copy(reader, out);
            } catch (XMLStreamException e) {
                throw new Fault(e);
            } finally {
                reader.close();
            }
        }
    }
}
