package org.opendmp.registry.ebrim;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.StringReader;
import java.io.StringWriter;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.opendmp.wsdl.rim.AssociationType1;
import org.opendmp.wsdl.rim.ExtrinsicObjectType;
import org.opendmp.wsdl.rim.IdentifiableType;
import org.opendmp.wsdl.rim.ObjectFactory;
import org.opendmp.wsdl.rim.RegistryPackageType;

/**
 * Serialises single ebRIM registry objects to the XML kept in storage, and back for LeafClass
 * answers. One instance per application: the JAXB context is costly to build and thread-safe.
 */
public final class EbrimXml {

    private static final ObjectFactory RIM = new ObjectFactory();

    private final JAXBContext context;
    private final XMLInputFactory inputFactory;

    public EbrimXml() {
        try {
            context = JAXBContext.newInstance(ObjectFactory.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot build the ebRIM JAXB context", e);
        }
        inputFactory = XMLInputFactory.newFactory();
        inputFactory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        inputFactory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    public String toXml(IdentifiableType object) {
        try {
            Marshaller marshaller = context.createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_FRAGMENT, true);
            StringWriter out = new StringWriter(2048);
            marshaller.marshal(element(object), out);
            return out.toString();
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot serialise a registry object", e);
        }
    }

    public JAXBElement<? extends IdentifiableType> fromXml(String xml) {
        try {
            XMLStreamReader reader = inputFactory.createXMLStreamReader(new StringReader(xml));
            @SuppressWarnings("unchecked")
            JAXBElement<? extends IdentifiableType> element =
                    (JAXBElement<? extends IdentifiableType>) context.createUnmarshaller().unmarshal(reader);
            return element;
        } catch (JAXBException | XMLStreamException e) {
            throw new IllegalStateException("stored registry object cannot be read", e);
        }
    }

    public static JAXBElement<? extends IdentifiableType> element(IdentifiableType object) {
        if (object instanceof ExtrinsicObjectType eo) {
            return RIM.createExtrinsicObject(eo);
        }
        if (object instanceof RegistryPackageType rp) {
            return RIM.createRegistryPackage(rp);
        }
        if (object instanceof AssociationType1 a) {
            return RIM.createAssociation(a);
        }
        throw new IllegalArgumentException("not a stored registry object: " + object.getClass().getSimpleName());
    }
}
