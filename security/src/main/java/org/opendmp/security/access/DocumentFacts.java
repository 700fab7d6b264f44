package org.opendmp.security.access;

import java.util.Set;

/**
 * What the access rules need to know about one DocumentEntry: whose it is, what kind of document, how
 * confidential, who wrote it and where, and its status. Coded values are bare codes; the typeCode also
 * carries its scheme, as LOINC and TRE_A05 codes share the attribute.
 *
 * @param entryUuid            the entry's {@code urn:uuid:} id
 * @param uniqueId             the document's uniqueId
 * @param patientId            the patient id (CX string) the entry is registered under
 * @param availabilityStatus   the ebRIM status URN (Approved, Deprecated, or a DMP status)
 * @param classCode            classCode value (TRE_A03 in the DMP)
 * @param typeCode             typeCode value (LOINC or TRE_A05 in the DMP)
 * @param typeCodeScheme       typeCode's coding scheme OID
 * @param confidentialityCodes the confidentialityCode values, e.g. {@code N}, {@code MASQUE_PS}
 * @param authorPersonIds      ids (XCN.1) of the authorPerson values
 * @param authorInstitutionIds ids of the authorInstitution values (XON.10, or XON.3 when XON.10 is empty)
 */
public record DocumentFacts(
        String entryUuid,
        String uniqueId,
        String patientId,
        String availabilityStatus,
        String classCode,
        String typeCode,
        String typeCodeScheme,
        Set<String> confidentialityCodes,
        Set<String> authorPersonIds,
        Set<String> authorInstitutionIds) {

    /** Hidden from professionals (TRE_A07). */
    public static final String MASQUE_PS = "MASQUE_PS";
    /** Not visible to the patient (TRE_A07). */
    public static final String INVISIBLE_PATIENT = "INVISIBLE_PATIENT";
    /** Not visible to the patient's legal guardians (TRE_A07). */
    public static final String INVISIBLE_REPRESENTANTS_LEGAUX = "INVISIBLE_REPRESENTANTS_LEGAUX";

    public DocumentFacts {
        confidentialityCodes = Set.copyOf(confidentialityCodes);
        authorPersonIds = Set.copyOf(authorPersonIds);
        authorInstitutionIds = Set.copyOf(authorInstitutionIds);
    }
}
