package org.opendmp.server.soap;

import jakarta.jws.WebService;
import jakarta.xml.ws.Endpoint;
import org.apache.cxf.Bus;
import org.opendmp.registry.ebrim.XdsVocabulary;
import org.opendmp.wsdl.lcm.RemoveObjectsRequest;
import org.opendmp.wsdl.lcm.SubmitObjectsRequest;
import org.opendmp.wsdl.query.AdhocQueryRequest;
import org.opendmp.wsdl.query.AdhocQueryResponse;
import org.opendmp.wsdl.rim.RegistryObjectListType;
import org.opendmp.wsdl.rs.RegistryResponseType;
import org.opendmp.wsdl.xdsb.DocumentRegistryPortType;
import org.opendmp.wsdl.xdsb.DocumentRepositoryPortType;
import org.opendmp.wsdl.xdsb.ProvideAndRegisterDocumentSetRequestType;
import org.opendmp.wsdl.xdsb.RetrieveDocumentSetRequestType;
import org.opendmp.wsdl.xdsb.RetrieveDocumentSetResponseType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Empty services with the registry's and repository's port types, for benchmarks only
 * ({@code dmp.bench.baseline-endpoints=true}; off by default). Same Tomcat, TLS, CXF
 * interceptors, MTOM and WS-Addressing as the real endpoints, no work behind them: the
 * difference is what the registry and repository themselves cost.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "dmp.bench.baseline-endpoints", havingValue = "true")
public class BaselineServices {

    @Bean
    public Endpoint baselineRegistryEndpoint(Bus bus) {
        return SoapConfiguration.publish(bus, new EmptyRegistry(), "DocumentRegistry", "/baseline/registry", false,
                new SecurityHeaderInterceptor());
    }

    @Bean
    public Endpoint baselineRepositoryEndpoint(Bus bus) {
        return SoapConfiguration.publish(bus, new EmptyRepository(), "DocumentRepository", "/baseline/repository", true,
                new SecurityHeaderInterceptor());
    }

    @WebService(targetNamespace = "urn:ihe:iti:xds-b:2007", serviceName = "DocumentRegistry_Service",
            portName = "DocumentRegistry_Port_Soap12", endpointInterface = "org.opendmp.wsdl.xdsb.DocumentRegistryPortType",
            wsdlLocation = "classpath:wsdl/xds-b.wsdl")
    public static class EmptyRegistry implements DocumentRegistryPortType {
        @Override
        public AdhocQueryResponse documentRegistryRegistryStoredQuery(AdhocQueryRequest body) {
            AdhocQueryResponse response = new AdhocQueryResponse();
            response.setStatus(XdsVocabulary.RESPONSE_SUCCESS);
            response.setRegistryObjectList(new RegistryObjectListType());
            return response;
        }

        @Override
        public RegistryResponseType documentRegistryRegisterDocumentSetB(SubmitObjectsRequest body) {
            return success();
        }

        @Override
        public RegistryResponseType documentRegistryUpdateDocumentSet(SubmitObjectsRequest body) {
            return success();
        }

        @Override
        public RegistryResponseType documentRegistryDeleteDocumentSet(RemoveObjectsRequest body) {
            return success();
        }
    }

    @WebService(targetNamespace = "urn:ihe:iti:xds-b:2007", serviceName = "DocumentRepository_Service",
            portName = "DocumentRepository_Port_Soap12", endpointInterface = "org.opendmp.wsdl.xdsb.DocumentRepositoryPortType",
            wsdlLocation = "classpath:wsdl/xds-b.wsdl")
    public static class EmptyRepository implements DocumentRepositoryPortType {
        /** The document every baseline retrieval returns: 1 MiB, the size the benchmark retrieves. */
        private static final byte[] DOCUMENT = new byte[1 << 20];

        @Override
        public RegistryResponseType documentRepositoryProvideAndRegisterDocumentSetB(ProvideAndRegisterDocumentSetRequestType body) {
            return success();
        }

        @Override
        public RetrieveDocumentSetResponseType documentRepositoryRetrieveDocumentSet(RetrieveDocumentSetRequestType body) {
            RetrieveDocumentSetResponseType response = new RetrieveDocumentSetResponseType();
            response.setRegistryResponse(success());
            body.getDocumentRequest().forEach(request -> {
                RetrieveDocumentSetResponseType.DocumentResponse document = new RetrieveDocumentSetResponseType.DocumentResponse();
                document.setRepositoryUniqueId(request.getRepositoryUniqueId());
                document.setDocumentUniqueId(request.getDocumentUniqueId());
                document.setMimeType("text/xml");
                document.setDocument(DOCUMENT);
                response.getDocumentResponse().add(document);
            });
            return response;
        }

        @Override
        public RegistryResponseType documentRepositoryRemoveDocuments(RetrieveDocumentSetRequestType body) {
            return success();
        }
    }

    private static RegistryResponseType success() {
        RegistryResponseType response = new RegistryResponseType();
        response.setStatus(XdsVocabulary.RESPONSE_SUCCESS);
        return response;
    }
}
