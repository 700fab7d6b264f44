package org.opendmp.server.soap;

import jakarta.xml.ws.BindingType;
import jakarta.xml.ws.Endpoint;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.ServiceMode;
import jakarta.xml.ws.WebServiceProvider;
import jakarta.xml.ws.soap.SOAPBinding;
import java.time.Clock;
import java.util.Map;
import javax.xml.namespace.QName;
import javax.xml.transform.dom.DOMSource;
import org.apache.cxf.Bus;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.jaxws.EndpointImpl;
import org.apache.cxf.ws.addressing.WSAddressingFeature;
import org.opendmp.pixpdq.habilitation.Habilitations;
import org.opendmp.pixpdq.habilitation.PatientList;
import org.opendmp.pixpdq.hl7v3.DmpPatientService;
import org.opendmp.pixpdq.hl7v3.Hl7v3Schemas;
import org.opendmp.pixpdq.hl7v3.PixV3Manager;
import org.opendmp.pixpdq.patient.PatientRegistry;
import org.opendmp.server.access.DmpAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Publishes the HL7v3 endpoints beside the XDS ones: {@code /pix} (ITI-44, ITI-45, WSDL
 * {@code wsdl/pix-v3.wsdl}) and {@code /patients} (DMP TD0.2, TD1.1 to TD1.4, ITI-47 / TD0.5, and
 * TD0.4 {@code patientList}, WSDL {@code wsdl/patients.wsdl}). SOAP 1.2 (SOAP 1.1 envelopes are read too), WS-Addressing, the
 * wsse:Security header (VIHF) accepted as on the XDS endpoints, clean faults.
 */
@Configuration(proxyBeanMethods = false)
public class Hl7v3SoapConfiguration {

    @Bean
    public Hl7v3Schemas hl7v3Schemas() {
        return new Hl7v3Schemas().preload();
    }

    @Bean
    public Endpoint pixV3Endpoint(Bus bus, PatientRegistry registry, Hl7v3Schemas schemas) {
        PixV3Manager manager = new PixV3Manager(registry, schemas, Clock.systemUTC());
        return publish(bus, new PixV3Service(manager), "wsdl/pix-v3.wsdl",
                new QName("urn:ihe:iti:pixv3:2007", "PixV3_Service"),
                new QName("urn:ihe:iti:pixv3:2007", "PixV3_Port_Soap12"), "/pix",
                new SecurityHeaderInterceptor());
    }

    @Bean
    public Endpoint patientsEndpoint(Bus bus, PatientRegistry registry, Habilitations habilitations,
                                     PatientList patientList, Hl7v3Schemas schemas, VihfInterceptor vihf,
                                     DmpAccess access) {
        DmpPatientService service = new DmpPatientService(registry, habilitations, schemas, Clock.systemUTC());
        return publish(bus, new PatientsService(service, patientList, access), "wsdl/patients.wsdl",
                new QName("urn:si-dmp-patients", "Patients_Service"),
                new QName("urn:si-dmp-patients", "Patients_Port_Soap12"), "/patients", vihf);
    }

    /** {@code security} handles the wsse:Security header: the VIHF check, or only declaring it understood. */
    static Endpoint publish(Bus bus, Object provider, String wsdl, QName service, QName port, String path,
                            AbstractSoapInterceptor security) {
        EndpointImpl endpoint = new EndpointImpl(bus, provider);
        endpoint.setWsdlLocation("classpath:" + wsdl);
        endpoint.setServiceName(service);
        endpoint.setEndpointName(port);
        endpoint.getFeatures().add(new WSAddressingFeature());
        endpoint.setProperties(Map.of("schema-validation-enabled", false));
        endpoint.getInInterceptors().add(security);
        endpoint.getInInterceptors().add(new AddressingActionDispatchInterceptor());
        endpoint.getOutInterceptors().add(new ReplyActionInterceptor());
        endpoint.getOutFaultInterceptors().add(new CleanFaultInterceptor());
        endpoint.publish(path);
        return endpoint;
    }

    /** ITI-44 and ITI-45. */
    @WebServiceProvider(targetNamespace = "urn:ihe:iti:pixv3:2007", serviceName = "PixV3_Service",
            portName = "PixV3_Port_Soap12", wsdlLocation = "classpath:wsdl/pix-v3.wsdl")
    @ServiceMode(Service.Mode.PAYLOAD)
    @BindingType(SOAPBinding.SOAP12HTTP_BINDING)
    static class PixV3Service extends Hl7v3Endpoint {
        PixV3Service(PixV3Manager manager) {
            super(manager::handle);
        }
    }

    /** The DMP patient transactions and PDQv3, for the VIHF's caller; TD0.4 {@code patientList}. */
    @WebServiceProvider(targetNamespace = "urn:si-dmp-patients", serviceName = "Patients_Service",
            portName = "Patients_Port_Soap12", wsdlLocation = "classpath:wsdl/patients.wsdl")
    @ServiceMode(Service.Mode.PAYLOAD)
    @BindingType(SOAPBinding.SOAP12HTTP_BINDING)
    static class PatientsService extends Hl7v3Endpoint {
        private final PatientList patientList;
        private final DmpAccess access;

        PatientsService(DmpPatientService service, PatientList patientList, DmpAccess access) {
            super(message -> service.handle(message, DmpWebServices.currentActor()));
            this.patientList = patientList;
            this.access = access;
        }

        @Override
        public DOMSource invoke(DOMSource request) {
            DmpWebServices.checkAccess(access, request);
            if (PatientList.accepts(DmpWebServices.element(request))) {
                return DmpWebServices.answer(request, "urn:si-dmp-patients", patientList::answer);
            }
            return super.invoke(request);
        }
    }
}
