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
    XDSPatientIDReconciliationError,
    // ITI-62 Remove Metadata (XDS Metadata Update / RMD supplements). The two ebRS codes are
    // spelled without the XDS prefix, as the supplements, IPF, the NIST toolkit and Gazelle spell them.
    /** An entryUUID of the removal request is not in the registry. */
    UnresolvedReferenceException,
    /** An object of the removal request is still the source or target of an Association that stays. */
    ReferencesExistException,
    /** The removal would leave an object that no Association refers to any more (e.g. an empty SubmissionSet). */
    XDSUnreferencedObjectException
}
