package org.opendmp.server.soap;

import jakarta.jws.WebService;
import org.opendmp.registry.access.Access;
import org.opendmp.security.access.DmpTransaction;
import org.opendmp.server.access.DmpAccess;
import java.util.Collection;
import org.apache.cxf.message.Attachment;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.opendmp.registry.ebrim.XdsVocabulary;
import org.opendmp.registry.error.RegistryErrors;
import org.opendmp.registry.error.XdsErrorCode;
import org.opendmp.registry.error.XdsException;
import org.opendmp.repository.provide.ProvideAndRegisterDocumentSet;
import org.opendmp.repository.remove.RemoveDocuments;
import org.opendmp.repository.retrieve.RetrieveDocumentSet;
import org.opendmp.wsdl.rs.RegistryResponseType;
import org.opendmp.wsdl.xdsb.DocumentRepositoryPortType;
import org.opendmp.wsdl.xdsb.ProvideAndRegisterDocumentSetRequestType;
import org.opendmp.wsdl.xdsb.RetrieveDocumentSetRequestType;
import org.opendmp.wsdl.xdsb.RetrieveDocumentSetResponseType;

/**
 * The Document Repository endpoint: ITI-41 Provide and Register Document Set-b, ITI-43 Retrieve
 * Document Set and ITI-86 Remove Documents.
 */
@WebService(targetNamespace = "urn:ihe:iti:xds-b:2007", serviceName = "DocumentRepository_Service",
        portName = "DocumentRepository_Port_Soap12", endpointInterface = "org.opendmp.wsdl.xdsb.DocumentRepositoryPortType",
        wsdlLocation = "classpath:wsdl/xds-b.wsdl")
public class RepositoryService implements DocumentRepositoryPortType {

    private final ProvideAndRegisterDocumentSet provide;
    private final RetrieveDocumentSet retrieve;
    private final RemoveDocuments remove;
    private final DmpAccess access;

    public RepositoryService(ProvideAndRegisterDocumentSet provide, RetrieveDocumentSet retrieve, RemoveDocuments remove,
                             DmpAccess access) {
        this.provide = provide;
        this.retrieve = retrieve;
        this.remove = remove;
        this.access = access;
    }

    @Override
    public RegistryResponseType documentRepositoryProvideAndRegisterDocumentSetB(ProvideAndRegisterDocumentSetRequestType body) {
        return XdsAnswers.answer("ITI-41", RegistryResponseType::new, () -> {
            Access rights = access.xds(DmpWebServices.currentActor(), DmpTransaction.TD2_1);
            refuseUnreferencedParts(body);
            provide.provide(body, rights);
            RegistryResponseType response = new RegistryResponseType();
            response.setStatus(XdsVocabulary.RESPONSE_SUCCESS);
            return response;
        });
    }

    @Override
    public RetrieveDocumentSetResponseType documentRepositoryRetrieveDocumentSet(RetrieveDocumentSetRequestType body) {
        return XdsAnswers.answer("ITI-43",
                () -> retrieve.retrieve(body, access.xds(DmpWebServices.currentActor(), DmpTransaction.TD3_2)), refusal -> {
            RetrieveDocumentSetResponseType response = new RetrieveDocumentSetResponseType();
            response.setRegistryResponse(RegistryErrors.failure(new RegistryResponseType(), refusal));
            return response;
        });
    }

    /** ITI-86: the body is rmd:RemoveDocumentsRequest, of the same type as an ITI-43 request. */
    @Override
    public RegistryResponseType documentRepositoryRemoveDocuments(RetrieveDocumentSetRequestType body) {
        return XdsAnswers.answer("ITI-86", RegistryResponseType::new,
                () -> remove.remove(body, access.xds(DmpWebServices.currentActor(), DmpTransaction.REMOVE)));
    }

    /**
     * A MIME part that no Document refers to is a malformed request (MTOM/XOP, ITI TF-2b
     * 3.41.4.1.2): refuse it rather than silently store part of what the source sent.
     */
    private static void refuseUnreferencedParts(ProvideAndRegisterDocumentSetRequestType body) {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        Collection<Attachment> attachments = message == null ? null : message.getAttachments();
        if (attachments == null) {
            return;
        }
        // CXF also lists an entry of its own without MIME headers; count only parts that came off the wire.
        long parts = attachments.stream().filter(a -> a.getHeaderNames() != null && a.getHeaderNames().hasNext()).count();
        if (parts > body.getDocument().size()) {
            throw new XdsException(XdsErrorCode.XDSRepositoryMetadataError,
                    "the message has " + parts + " MIME parts besides the SOAP envelope but only "
                            + body.getDocument().size() + " Document elements");
        }
    }
}
