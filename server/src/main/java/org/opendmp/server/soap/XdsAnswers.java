package org.opendmp.server.soap;

import java.util.UUID;
import org.apache.cxf.binding.soap.Soap12;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.opendmp.server.access.AccessDenied;
import java.util.function.Function;
import java.util.function.Supplier;
import org.opendmp.registry.error.RegistryErrors;
import org.opendmp.registry.error.XdsErrorCode;
import org.opendmp.registry.error.XdsException;
import org.opendmp.wsdl.rs.RegistryResponseType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a transaction and turns every refusal into the IHE answer: an {@link XdsException}
 * becomes its RegistryError; anything unexpected becomes XDSRegistryError with an incident id
 * that is logged with the cause (never the stack trace to the client, no patient data in the log).
 */
final class XdsAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(XdsAnswers.class);

    private XdsAnswers() {
    }

    /** For transactions whose answer is a RegistryResponse or extends it. */
    static <T extends RegistryResponseType> T answer(String transaction, Supplier<T> emptyResponse, Supplier<T> work) {
        return answer(transaction, work, refusal -> RegistryErrors.failure(emptyResponse.get(), refusal));
    }

    /** For transactions whose answer carries a RegistryResponse inside ({@code failure} builds it). */
    static <T> T answer(String transaction, Supplier<T> work, Function<XdsException, T> failure) {
        try {
            return work.get();
        } catch (XdsException refusal) {
            LOG.info("{} refused: {}", transaction, refusal.errorCode());
            return failure.apply(refusal);
        } catch (AccessDenied denied) {
            LOG.info("{} denied by the access rules: {}", transaction, denied.getMessage());
            Message message = PhaseInterceptorChain.getCurrentMessage();
            throw SecurityFault.denied(denied.getMessage(),
                    message instanceof SoapMessage soap ? soap.getVersion() : Soap12.getInstance());
        } catch (RuntimeException unexpected) {
            String incident = UUID.randomUUID().toString();
            LOG.error("{} failed, incident {}", transaction, incident, unexpected);
            return failure.apply(new XdsException(XdsErrorCode.XDSRegistryError, "internal error, incident " + incident));
        }
    }
}
