package org.opendmp.server.soap;

import jakarta.xml.ws.Endpoint;
import java.util.HashMap;
import java.util.Map;
import javax.xml.namespace.QName;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.cxf.Bus;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.jaxws.EndpointImpl;
import org.apache.cxf.ws.addressing.WSAddressingFeature;
import org.opendmp.registry.ebrim.EbrimXml;
import org.opendmp.registry.query.StoredQueryService;
import org.opendmp.registry.remove.RemoveMetadata;
import org.opendmp.registry.submit.RegisterDocumentSet;
import org.opendmp.registry.update.UpdateDocumentSet;
import org.opendmp.repository.provide.ProvideAndRegisterDocumentSet;
import org.opendmp.repository.remove.RemoveDocuments;
import org.opendmp.security.vihf.VihfValidator;
import org.opendmp.server.access.DmpAccess;
import org.opendmp.repository.retrieve.RetrieveDocumentSet;
import org.opendmp.server.config.DmpProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Publishes the SOAP endpoints under {@code cxf.path} (/si-dmp-server/v2/services): SOAP 1.2
 * as IHE requires (CXF also reads SOAP 1.1 envelopes, which the DMP's own examples send),
 * WS-Addressing with the IHE actions, MTOM on the repository.
 */
@Configuration(proxyBeanMethods = false)
public class SoapConfiguration {

    static final String XDS_NS = "urn:ihe:iti:xds-b:2007";

    @Bean
    public VihfMetrics vihfMetrics(MeterRegistry meters) {
        return new VihfMetrics(meters);
    }

    /** The VIHF check shared by the registry, repository, patients and habilitations endpoints. */
    @Bean
    VihfInterceptor vihfInterceptor(VihfValidator validator, DmpProperties properties, VihfMetrics metrics) {
        return new VihfInterceptor(validator, properties.vihf().required(), metrics);
    }

    @Bean
    public Endpoint registryEndpoint(Bus bus, RegisterDocumentSet register, StoredQueryService queries, EbrimXml ebrimXml,
                                     UpdateDocumentSet update, RemoveMetadata removeMetadata, VihfInterceptor vihf,
                                     DmpAccess access) {
        return publish(bus, new RegistryService(register, queries, ebrimXml, update, removeMetadata, access),
                "DocumentRegistry",
                "/registry", false, vihf);
    }

    @Bean
    public Endpoint repositoryEndpoint(Bus bus, ProvideAndRegisterDocumentSet provide, RetrieveDocumentSet retrieve,
                                       RemoveDocuments remove, VihfInterceptor vihf, DmpAccess access) {
        return publish(bus, new RepositoryService(provide, retrieve, remove, access), "DocumentRepository", "/repository",
                true,
                vihf);
    }

    @Bean
    public FilterRegistrationBean<MessageSizeLimitFilter> messageSizeLimit(DmpProperties properties) {
        FilterRegistrationBean<MessageSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new MessageSizeLimitFilter(properties.soap().maxMessageSize().toBytes()));
        registration.addUrlPatterns("/si-dmp-server/*");
        return registration;
    }

    /** {@code security} handles the wsse:Security header: the VIHF check, or only declaring it understood. */
    static Endpoint publish(Bus bus, Object implementor, String actor, String path, boolean mtom,
                            AbstractSoapInterceptor security) {
        EndpointImpl endpoint = new EndpointImpl(bus, implementor);
        endpoint.setWsdlLocation("classpath:wsdl/xds-b.wsdl");
        endpoint.setServiceName(new QName(XDS_NS, actor + "_Service"));
        endpoint.setEndpointName(new QName(XDS_NS, actor + "_Port_Soap12"));
        endpoint.getFeatures().add(new WSAddressingFeature());
        Map<String, Object> properties = new HashMap<>();
        properties.put("mtom-enabled", mtom);
        // Schema validation stays off: the DMP's messages depart from strict IHE in known ways
        // (see DMP-CONTRACT.md) and the registry validates the metadata itself.
        properties.put("schema-validation-enabled", false);
        endpoint.setProperties(properties);
        endpoint.getInInterceptors().add(security);
        endpoint.getInInterceptors().add(new AddressingActionDispatchInterceptor());
        endpoint.getOutFaultInterceptors().add(new CleanFaultInterceptor());
        endpoint.getOutInterceptors().add(new StoredObjectsInterceptor());
        endpoint.publish(path);
        return endpoint;
    }
}
