package org.opendmp.conformance;

/**
 * Identifiers fixed by IHE ITI TF-3 (XDS metadata) and ITI TF-2a/2b (transactions), and the few
 * DMP values the tests rely on. Nothing here comes from the server under test.
 */
public final class Xds {

    private Xds() {
    }

    // --- WS-Addressing actions (ITI TF-2a/2b) ---
    public static final String ACTION_ITI41 = "urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b";
    public static final String ACTION_ITI42 = "urn:ihe:iti:2007:RegisterDocumentSet-b";
    public static final String ACTION_ITI18 = "urn:ihe:iti:2007:RegistryStoredQuery";
    public static final String ACTION_ITI43 = "urn:ihe:iti:2007:RetrieveDocumentSet";
    public static final String ACTION_ITI62 = "urn:ihe:iti:2010:DeleteDocumentSet";
    public static final String ACTION_ITI86 = "urn:ihe:iti:2017:RemoveDocuments";

    public static String responseAction(String requestAction) {
        return requestAction + "Response";
    }

    // --- RegistryResponse status and error severity (ebRS 3.0, ITI TF-3 4.2.4) ---
    public static final String SUCCESS = "urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success";
    public static final String FAILURE = "urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Failure";
    public static final String PARTIAL_SUCCESS = "urn:ihe:iti:2007:ResponseStatusType:PartialSuccess";
    public static final String SEVERITY_ERROR = "urn:oasis:names:tc:ebxml-regrep:ErrorSeverityType:Error";

    // --- availability status ---
    public static final String APPROVED = "urn:oasis:names:tc:ebxml-regrep:StatusType:Approved";
    public static final String DEPRECATED = "urn:oasis:names:tc:ebxml-regrep:StatusType:Deprecated";

    // --- object types ---
    public static final String STABLE_DOCUMENT_ENTRY = "urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1";
    public static final String ON_DEMAND_DOCUMENT_ENTRY = "urn:uuid:34268e47-fdf5-41a6-ba33-82133c465248";
    public static final String SUBMISSION_SET_NODE = "urn:uuid:a54d6aa5-d40d-43f9-88c5-b4633d873bdd";

    // --- DocumentEntry classification schemes and external identifiers ---
    public static final String DE_AUTHOR = "urn:uuid:93606bcf-9494-43ec-9b4e-a7748d1a838d";
    public static final String DE_CLASS_CODE = "urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a";
    public static final String DE_CONFIDENTIALITY_CODE = "urn:uuid:f4f85eac-e6cb-4883-b524-f2705394840f";
    public static final String DE_EVENT_CODE = "urn:uuid:2c6b8cb7-8b2a-4051-b291-b1ae6a575ef4";
    public static final String DE_FORMAT_CODE = "urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d";
    public static final String DE_HEALTHCARE_FACILITY_TYPE_CODE = "urn:uuid:f33fb8ac-18af-42cc-ae0e-ed0b0bdb91e1";
    public static final String DE_PRACTICE_SETTING_CODE = "urn:uuid:cccf5598-8b07-4b77-a05e-ae952c785ead";
    public static final String DE_TYPE_CODE = "urn:uuid:f0306f51-975f-434e-a61c-c59651d33983";
    public static final String DE_PATIENT_ID = "urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427";
    public static final String DE_UNIQUE_ID = "urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab";

    /** Slot of DocumentEntry.referenceIdList (CXi values). */
    public static final String REFERENCE_ID_LIST = "urn:ihe:iti:xds:2013:referenceIdList";

    // --- Folder classification scheme and external identifiers ---
    public static final String FOLDER_NODE = "urn:uuid:d9d542f3-6cc4-48b6-8870-ea235fbc94c2";
    public static final String FOLDER_CODE_LIST = "urn:uuid:1ba97051-7806-41a8-a48b-8fce7af683c5";
    public static final String FOLDER_PATIENT_ID = "urn:uuid:f64ffdf0-4b97-4e06-b79f-a52b38ec2f8a";
    public static final String FOLDER_UNIQUE_ID = "urn:uuid:75df8f67-9973-4fbe-a900-df66cefecc5a";

    // --- SubmissionSet classification schemes and external identifiers ---
    public static final String SS_AUTHOR = "urn:uuid:a7058bb9-b4e4-4307-ba5b-e3f0ab85e12d";
    public static final String SS_CONTENT_TYPE_CODE = "urn:uuid:aa543740-bdda-424e-8c96-df4873be8500";
    public static final String SS_PATIENT_ID = "urn:uuid:6b5aea1a-874d-4603-a4bc-96a0a7b38446";
    public static final String SS_SOURCE_ID = "urn:uuid:554ac39e-e3fe-47fe-b233-965d2a147832";
    public static final String SS_UNIQUE_ID = "urn:uuid:96fdda7c-d067-4183-912e-bf5ee74998a8";

    // --- associations ---
    public static final String HAS_MEMBER = "urn:oasis:names:tc:ebxml-regrep:AssociationType:HasMember";
    public static final String RPLC = "urn:ihe:iti:2007:AssociationType:RPLC";
    public static final String XFRM = "urn:ihe:iti:2007:AssociationType:XFRM";
    public static final String APND = "urn:ihe:iti:2007:AssociationType:APND";
    public static final String XFRM_RPLC = "urn:ihe:iti:2007:AssociationType:XFRM_RPLC";
    public static final String SIGNS = "urn:ihe:iti:2007:AssociationType:signs";

    // --- stored queries (ITI TF-2a 3.18.4.1.2.3.7) ---
    public static final String FIND_DOCUMENTS = "urn:uuid:14d4debf-8f97-4251-9a74-a90016b0af0d";
    public static final String FIND_SUBMISSION_SETS = "urn:uuid:f26abbcb-ac74-4422-8a30-edb644bbc1a9";
    public static final String GET_ALL = "urn:uuid:10b545ea-725c-446d-9b95-8aeb444eddf3";
    public static final String GET_DOCUMENTS = "urn:uuid:5c4f972b-d56b-40ac-a5fc-c8ca9b40b9d4";
    public static final String GET_ASSOCIATIONS = "urn:uuid:a7ae438b-4bc2-4642-93e9-be891f7bb155";
    public static final String GET_SUBMISSION_SET_AND_CONTENTS = "urn:uuid:e8e3cb2c-e39c-46b9-99e4-c12f57260b83";
    public static final String FIND_DOCUMENTS_BY_REFERENCE_ID = "urn:uuid:12941a89-e02e-4be5-967c-ce4bfc8fe492";
    public static final String FIND_FOLDERS = "urn:uuid:958f3006-baad-4929-a4de-ff1114824431";
    public static final String GET_FOLDERS = "urn:uuid:5737b14c-8a1a-4539-b659-e03a34a5e1e4";
    public static final String GET_DOCUMENTS_AND_ASSOCIATIONS = "urn:uuid:bab9529a-4a10-40b3-a01f-f68a615d247a";
    public static final String GET_SUBMISSION_SETS = "urn:uuid:51224314-5390-4169-9b91-b1980040715a";
    public static final String GET_FOLDER_AND_CONTENTS = "urn:uuid:b909a503-523d-4517-8acf-8e5834dfc4c7";
    public static final String GET_FOLDERS_FOR_DOCUMENT = "urn:uuid:10cae35a-c7f9-4cf5-b61e-fc3278ffb578";
    public static final String GET_RELATED_DOCUMENTS = "urn:uuid:d90e5407-b356-4d91-a89f-873917b4b0e6";

    // --- error codes (ITI TF-3 Table 4.2.4.1-2) ---
    public static final String XDS_MISSING_DOCUMENT = "XDSMissingDocument";
    public static final String XDS_MISSING_DOCUMENT_METADATA = "XDSMissingDocumentMetadata";
    public static final String XDS_NON_IDENTICAL_HASH = "XDSNonIdenticalHash";
    public static final String XDS_NON_IDENTICAL_SIZE = "XDSNonIdenticalSize";
    public static final String XDS_PATIENT_ID_DOES_NOT_MATCH = "XDSPatientIdDoesNotMatch";
    public static final String XDS_DUPLICATE_IN_MESSAGE = "XDSRegistryDuplicateUniqueIdInMessage";
    public static final String XDS_REPOSITORY_DUPLICATE_IN_MESSAGE = "XDSRepositoryDuplicateUniqueIdInMessage";
    public static final String XDS_DUPLICATE_IN_REGISTRY = "XDSDuplicateUniqueIdInRegistry";
    public static final String XDS_REGISTRY_DEPRECATED_DOCUMENT_ERROR = "XDSRegistryDeprecatedDocumentError";
    public static final String XDS_UNKNOWN_PATIENT_ID = "XDSUnknownPatientId";
    public static final String XDS_REGISTRY_METADATA_ERROR = "XDSRegistryMetadataError";
    public static final String XDS_REPOSITORY_METADATA_ERROR = "XDSRepositoryMetadataError";
    public static final String XDS_UNKNOWN_STORED_QUERY = "XDSUnknownStoredQuery";
    public static final String XDS_STORED_QUERY_MISSING_PARAM = "XDSStoredQueryMissingParam";
    public static final String XDS_STORED_QUERY_PARAM_NUMBER = "XDSStoredQueryParamNumber";
    public static final String XDS_RESULT_NOT_SINGLE_PATIENT = "XDSResultNotSinglePatient";
    public static final String XDS_DOCUMENT_UNIQUE_ID_ERROR = "XDSDocumentUniqueIdError";
    public static final String XDS_UNKNOWN_REPOSITORY_ID = "XDSUnknownRepositoryId";

    // --- DMP values ---
    /** Default repository uniqueId of the server (DMP-CONTRACT: DMP repository uniqueId). */
    public static final String DMP_REPOSITORY_UNIQUE_ID = "1.2.250.1.213.4.1.1.1.2";
    /** INS-NIR test assigning authority, accepted by default. */
    public static final String INS_NIR_TEST_OID = "1.2.250.1.213.1.4.10";
    public static final String TRE_A03_CLASS_CODE = "1.2.250.1.213.1.1.4.1";
    public static final String LOINC = "2.16.840.1.113883.6.1";
    public static final String CONFIDENTIALITY = "2.16.840.1.113883.5.25";
    public static final String TRE_A07_CONFIDENTIALITY = "1.2.250.1.213.1.1.4.13";
    public static final String FORMAT_CODES = "1.3.6.1.4.1.19376.1.2.3";
    public static final String TRE_R02_FACILITY_TYPE = "1.2.250.1.71.4.2.4";
    public static final String TRE_A01_PRACTICE_SETTING = "1.2.250.1.213.1.1.4.9";
    public static final String CCAM = "1.2.250.1.213.2.5";
    /** CIM-10 (ICD-10), diagnoses: an eventCodeList and Folder codeList code system of the dmp affinity domain. */
    public static final String CIM_10 = "2.16.840.1.113883.6.3";
    /** TRE_R209-TypeActivite, the contentTypeCode system of the DMP example messages. */
    public static final String CONTENT_TYPE_CODES = "1.2.250.1.213.2.2";
}
