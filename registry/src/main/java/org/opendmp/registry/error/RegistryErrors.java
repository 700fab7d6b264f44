package org.opendmp.registry.error;

import java.util.List;
import org.opendmp.registry.ebrim.XdsVocabulary;
import org.opendmp.wsdl.rs.RegistryError;
import org.opendmp.wsdl.rs.RegistryErrorList;
import org.opendmp.wsdl.rs.RegistryResponseType;

/** The one place where refusals become ebRS RegistryErrors in a RegistryResponse. */
public final class RegistryErrors {

    private RegistryErrors() {
    }

    /** Turns a response into a Failure carrying this error. */
    public static <T extends RegistryResponseType> T failure(T response, XdsException error) {
        return failure(response, List.of(error));
    }

    /** Turns a response into a Failure carrying all these errors (transactions that report every fault at once). */
    public static <T extends RegistryResponseType> T failure(T response, List<XdsException> errors) {
        response.setStatus(XdsVocabulary.RESPONSE_FAILURE);
        RegistryErrorList list = new RegistryErrorList();
        list.setHighestSeverity(XdsVocabulary.SEVERITY_ERROR);
        errors.forEach(error -> list.getRegistryError().add(error(error)));
        response.setRegistryErrorList(list);
        return response;
    }

    public static RegistryError error(XdsException error) {
        RegistryError registryError = new RegistryError();
        registryError.setErrorCode(error.errorCode().name());
        registryError.setCodeContext(error.getMessage());
        registryError.setSeverity(XdsVocabulary.SEVERITY_ERROR);
        registryError.setLocation(error.location());
        return registryError;
    }
}
