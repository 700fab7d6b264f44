package org.opendmp.registry.query;

import jakarta.xml.bind.JAXBElement;
import java.util.List;
import java.util.Map;
import org.opendmp.registry.ebrim.EbrimXml;
import org.opendmp.wsdl.query.AdhocQueryResponse;
import org.opendmp.wsdl.rim.IdentifiableType;
import org.opendmp.wsdl.rim.ObjectRefType;

/**
 * A stored query's answer. For LeafClass, each object stands in the response as a placeholder
 * ObjectRef whose id is a key of {@code storedObjects}, the object's stored ebRIM XML: the
 * SOAP edge writes that XML verbatim in its place, which spares parsing it into JAXB objects
 * only to write them out again. {@link #resolved} gives the plain JAXB response for in-process
 * callers.
 */
public record QueryAnswer(AdhocQueryResponse response, Map<String, String> storedObjects) {

    /** The placeholder id prefix; never a real id, which are urn:uuid: URNs. */
    public static final String PLACEHOLDER = "urn:opendmp:stored-object:";

    public AdhocQueryResponse resolved(EbrimXml ebrimXml) {
        if (storedObjects.isEmpty() || response.getRegistryObjectList() == null) {
            return response;
        }
        List<JAXBElement<? extends IdentifiableType>> objects = response.getRegistryObjectList().getIdentifiable();
        for (int i = 0; i < objects.size(); i++) {
            if (objects.get(i).getValue() instanceof ObjectRefType ref && storedObjects.containsKey(ref.getId())) {
                objects.set(i, ebrimXml.fromXml(storedObjects.get(ref.getId())));
            }
        }
        return response;
    }
}
