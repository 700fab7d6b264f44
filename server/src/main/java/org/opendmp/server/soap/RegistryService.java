package org.opendmp.server.soap;

import jakarta.jws.WebService;
import org.opendmp.security.access.DmpTransaction;
import org.opendmp.server.access.DmpAccess;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.opendmp.registry.ebrim.EbrimXml;
import org.opendmp.registry.query.QueryAnswer;
import org.opendmp.registry.ebrim.XdsVocabulary;
import org.opendmp.registry.query.StoredQueryService;
import org.opendmp.registry.remove.RemoveMetadata;
import org.opendmp.registry.submit.RegisterDocumentSet;
import org.opendmp.registry.update.UpdateDocumentSet;
import org.opendmp.wsdl.lcm.RemoveObjectsRequest;
import org.opendmp.wsdl.lcm.SubmitObjectsRequest;
import org.opendmp.wsdl.query.AdhocQueryRequest;
import org.opendmp.wsdl.query.AdhocQueryResponse;
import org.opendmp.wsdl.rim.RegistryObjectListType;
import org.opendmp.wsdl.rs.RegistryResponseType;
import org.opendmp.wsdl.xdsb.DocumentRegistryPortType;

/**
 * The Document Registry endpoint: ITI-42 Register Document Set-b, ITI-18 Registry Stored Query,
 * ITI-57 Update Document Set and ITI-62 Remove Metadata.
 */
@WebService(targetNamespace = "urn:ihe:iti:xds-b:2007", serviceName = "DocumentRegistry_Service",
        portName = "DocumentRegistry_Port_Soap12", endpointInterface = "org.opendmp.wsdl.xdsb.DocumentRegistryPortType",
        wsdlLocation = "classpath:wsdl/xds-b.wsdl")
public class RegistryService implements DocumentRegistryPortType {

    private final RegisterDocumentSet registerDocumentSet;
    private final StoredQueryService storedQueries;
    private final EbrimXml ebrimXml;
    private final UpdateDocumentSet updateDocumentSet;
    private final RemoveMetadata removeMetadata;
    private final DmpAccess access;

    public RegistryService(RegisterDocumentSet registerDocumentSet, StoredQueryService storedQueries, EbrimXml ebrimXml,
                           UpdateDocumentSet updateDocumentSet, RemoveMetadata removeMetadata, DmpAccess access) {
        this.access = access;
        this.registerDocumentSet = registerDocumentSet;
        this.storedQueries = storedQueries;
        this.ebrimXml = ebrimXml;
        this.updateDocumentSet = updateDocumentSet;
        this.removeMetadata = removeMetadata;
    }

    @Override
    public RegistryResponseType documentRegistryUpdateDocumentSet(SubmitObjectsRequest body) {
        return XdsAnswers.answer("ITI-57", RegistryResponseType::new, () -> {
            updateDocumentSet.update(body.getRegistryObjectList(), access.xds(DmpWebServices.currentActor(), DmpTransaction.TD3_3A));
            RegistryResponseType response = new RegistryResponseType();
            response.setStatus(XdsVocabulary.RESPONSE_SUCCESS);
            return response;
        });
    }

    @Override
    public RegistryResponseType documentRegistryRegisterDocumentSetB(SubmitObjectsRequest body) {
        return XdsAnswers.answer("ITI-42", RegistryResponseType::new, () -> {
            registerDocumentSet.register(body.getRegistryObjectList(), access.xds(DmpWebServices.currentActor(), DmpTransaction.TD2_1));
            RegistryResponseType response = new RegistryResponseType();
            response.setStatus(XdsVocabulary.RESPONSE_SUCCESS);
            return response;
        });
    }

    @Override
    public AdhocQueryResponse documentRegistryRegistryStoredQuery(AdhocQueryRequest body) {
        return XdsAnswers.answer("ITI-18", () -> {
            AdhocQueryResponse empty = new AdhocQueryResponse();
            empty.setRegistryObjectList(new RegistryObjectListType());
            return empty;
        }, () -> {
            QueryAnswer answer = storedQueries.query(body, access.xds(DmpWebServices.currentActor(), DmpTransaction.TD3_1));
            Message message = PhaseInterceptorChain.getCurrentMessage();
            if (message == null) {
                return answer.resolved(ebrimXml);
            }
            message.getExchange().put(StoredObjectsInterceptor.STORED_OBJECTS, answer.storedObjects());
            return answer.response();
        });
    }

    @Override
    public RegistryResponseType documentRegistryDeleteDocumentSet(RemoveObjectsRequest body) {
        return XdsAnswers.answer("ITI-62", RegistryResponseType::new, 
                () -> removeMetadata.remove(body, access.xds(DmpWebServices.currentActor(), DmpTransaction.REMOVE)));
    }
}
