package org.opendmp.registry.ebrim;

/**
 * The fixed identifiers of the XDS metadata vocabulary (IHE ITI TF-3 4.2.5): classification
 * schemes, external identifier schemes, object types, association types and statuses.
 */
public final class XdsVocabulary {

    private XdsVocabulary() {
    }

    public static final String URN_UUID = "urn:uuid:";

    // DocumentEntry
    public static final String DOCUMENT_ENTRY_STABLE = "urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1";
    public static final String DOCUMENT_ENTRY_ON_DEMAND = "urn:uuid:34268e47-fdf5-41a6-ba33-82133c465248";
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
    /** Slot of the DocumentEntry referenceIdList (CXi values, ITI TF-3 4.2.3.2). */
    public static final String DE_REFERENCE_ID_LIST = "urn:ihe:iti:xds:2013:referenceIdList";

    // SubmissionSet
    public static final String SUBMISSION_SET_NODE = "urn:uuid:a54d6aa5-d40d-43f9-88c5-b4633d873bdd";
    public static final String SS_AUTHOR = "urn:uuid:a7058bb9-b4e4-4307-ba5b-e3f0ab85e12d";
    public static final String SS_CONTENT_TYPE_CODE = "urn:uuid:aa543740-bdda-424e-8c96-df4873be8500";
    public static final String SS_PATIENT_ID = "urn:uuid:6b5aea1a-874d-4603-a4bc-96a0a7b38446";
    public static final String SS_SOURCE_ID = "urn:uuid:554ac39e-e3fe-47fe-b233-965d2a147832";
    public static final String SS_UNIQUE_ID = "urn:uuid:96fdda7c-d067-4183-912e-bf5ee74998a8";

    // Folder
    public static final String FOLDER_NODE = "urn:uuid:d9d542f3-6cc4-48b6-8870-ea235fbc94c2";
    public static final String FOLDER_CODE_LIST = "urn:uuid:1ba97051-7806-41a8-a48b-8fce7af683c5";
    public static final String FOLDER_PATIENT_ID = "urn:uuid:f64ffdf0-4b97-4e06-b79f-a52b38ec2f8a";
    public static final String FOLDER_UNIQUE_ID = "urn:uuid:75df8f67-9973-4fbe-a900-df66cefecc5a";


    // Associations
    public static final String HAS_MEMBER = "urn:oasis:names:tc:ebxml-regrep:AssociationType:HasMember";
    public static final String RPLC = "urn:ihe:iti:2007:AssociationType:RPLC";
    public static final String XFRM = "urn:ihe:iti:2007:AssociationType:XFRM";
    public static final String APND = "urn:ihe:iti:2007:AssociationType:APND";
    public static final String XFRM_RPLC = "urn:ihe:iti:2007:AssociationType:XFRM_RPLC";
    public static final String SIGNS = "urn:ihe:iti:2007:AssociationType:signs";
    public static final String IS_SNAPSHOT_OF = "urn:ihe:iti:2010:AssociationType:IsSnapshotOf";
    /** ITI-57: changes the availabilityStatus of its target (slots OriginalStatus, NewStatus). */
    public static final String UPDATE_AVAILABILITY_STATUS = "urn:ihe:iti:2010:AssociationType:UpdateAvailabilityStatus";
    /** ITI-57: submits an Association between registered objects (not supported by this registry). */
    public static final String SUBMIT_ASSOCIATION = "urn:ihe:iti:2010:AssociationType:SubmitAssociation";
    public static final String ASSOCIATION_OBJECT_TYPE = "urn:oasis:names:tc:ebxml-regrep:ObjectType:RegistryObject:Association";
    /** Classification scheme documenting why a document relationship was made; never on HasMember. */
    public static final String ASSOCIATION_DOCUMENTATION = "urn:uuid:abd807a3-4432-4053-87b4-fd82c643d1f3";
    /** Slot of a HasMember from the SubmissionSet: the member was submitted with it (Original) or earlier (Reference). */
    public static final String SUBMISSION_SET_STATUS = "SubmissionSetStatus";
    public static final String ORIGINAL = "Original";
    public static final String REFERENCE = "Reference";
    /** Folder slot the registry keeps: when the Folder was created or last got a new member. */
    public static final String LAST_UPDATE_TIME = "lastUpdateTime";

    // Status (availabilityStatus, RegistryResponse status, error severity)
    public static final String STATUS_APPROVED = "urn:oasis:names:tc:ebxml-regrep:StatusType:Approved";
    public static final String STATUS_DEPRECATED = "urn:oasis:names:tc:ebxml-regrep:StatusType:Deprecated";
    /** DMP status of an archived document (TD3.3d): found only when a query asks for it. */
    public static final String STATUS_ARCHIVED = "urn:asip:ci-sis:2010:StatusType:Archived";
    /** DMP status of a deleted document (TD3.3c): found only when a query asks for it. */
    public static final String STATUS_DELETED = "urn:asip:ci-sis:2010:StatusType:Deleted";
    public static final String RESPONSE_SUCCESS = "urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success";
    public static final String RESPONSE_FAILURE = "urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Failure";
    public static final String RESPONSE_PARTIAL_SUCCESS = "urn:ihe:iti:2007:ResponseStatusType:PartialSuccess";
    public static final String SEVERITY_ERROR = "urn:oasis:names:tc:ebxml-regrep:ErrorSeverityType:Error";

    /** A {@code urn:uuid:} id, whatever the case of the prefix (UUIDs compare case-insensitively). */
    public static boolean isUuid(String id) {
        return id != null && id.regionMatches(true, 0, URN_UUID, 0, URN_UUID.length());
    }
}
