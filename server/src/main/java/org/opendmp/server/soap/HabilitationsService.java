package org.opendmp.server.soap;

import jakarta.xml.ws.BindingType;
import jakarta.xml.ws.Provider;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.ServiceMode;
import jakarta.xml.ws.WebServiceProvider;
import jakarta.xml.ws.soap.SOAPBinding;
import javax.xml.transform.dom.DOMSource;
import org.opendmp.pixpdq.habilitation.HabilitationsEndPoint;
import org.opendmp.server.access.DmpAccess;

/**
 * The DMP habilitations endpoint ({@code /habilitations}, WSDL {@code wsdl/habilitations.wsdl}):
 * TD0.3 {@code setAuthorization} and TD1.6 {@code listAuthorizationByPatient}, answered by pix-pdq
 * for the VIHF's caller.
 */
@WebServiceProvider(targetNamespace = HabilitationsService.NAMESPACE, serviceName = "Habilitations_Service",
        portName = "Habilitations_Port_Soap12", wsdlLocation = "classpath:wsdl/habilitations.wsdl")
@ServiceMode(Service.Mode.PAYLOAD)
@BindingType(SOAPBinding.SOAP12HTTP_BINDING)
final class HabilitationsService implements Provider<DOMSource> {

    static final String NAMESPACE = "urn:si-dmp-habilitations";

    private final HabilitationsEndPoint endPoint;
    private final DmpAccess access;

    HabilitationsService(HabilitationsEndPoint endPoint, DmpAccess access) {
        this.endPoint = endPoint;
        this.access = access;
    }

    @Override
    public DOMSource invoke(DOMSource request) {
        DmpWebServices.checkAccess(access, request);
        return DmpWebServices.answer(request, NAMESPACE, endPoint::handle);
    }
}
