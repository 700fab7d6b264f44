package org.opendmp.registry.error;

/**
 * The IHE XDS.b error codes (ITI TF-3 Table 4.2.4.1-2) this registry/repository reports,
 * spelled exactly as they appear in {@code RegistryError/@errorCode}.
 */
public enum XdsErrorCode {
    XDSRegistryMetadataError,
    XDSRepositoryMetadataError,
    XDSMissingDocument,
    XDSMissingDocumentMetadata,
    XDSNonIdenticalHash,
    XDSNonIdenticalSize,
    XDSPatientIdDoesNotMatch,
    XDSRegistryDuplicateUniqueIdInMessage,
    XDSDuplicateUniqueIdInRegistry,
    XDSRegistryDeprecatedDocumentError,
    XDSUnknownPatientId,
    XDSDocumentUniqueIdError,
    XDSUnknownRepositoryId,
    XDSStoredQueryParamNumber,
    XDSStoredQueryMissingParam,
    XDSUnknownStoredQuery,
    XDSRegistryError,
    XDSRepositoryError,
    XDSRegistryBusy,
    XDSRepositoryBusy,
    XDSResultNotSinglePatient,
    XDSTooManyResults,
    // XDS Metadata Update (ITI-57, ITI TF-3 Table 4.2.4.1-2)
    /** General metadata update error, when no more specific code applies. */
    XDSMetadataUpdateError,
    /** The PreviousVersion of an update is not the latest version registered (e.g. a concurrent update). */
    XDSMetadataVersionError,
    /** The update operation is not understood or not supported. */
    XDSMetadataUpdateOperationError,
    /** An update would change the patient of a registered object. */
    XDSPatientIDReconciliationError
}
