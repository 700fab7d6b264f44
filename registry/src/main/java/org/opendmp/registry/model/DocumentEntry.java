package org.opendmp.registry.model;

import java.util.List;
import org.opendmp.registry.hl7.Cx;
import org.opendmp.registry.hl7.Dtm;

/**
 * An XDS DocumentEntry (an ebRIM ExtrinsicObject): the metadata of one document. Only the
 * attributes the registry checks or queries on are modelled; the submitted ebRIM object is
 * kept as well, so everything else comes back exactly as submitted. {@code referenceIds} are the
 * CXi values of the referenceIdList slot (orders, accession numbers, referrals, ...), as
 * submitted.
 */
public record DocumentEntry(
        String entryUuid,
        String uniqueId,
        Cx patientId,
        String objectType,
        String mimeType,
        Code classCode,
        Code typeCode,
        Code formatCode,
        Code practiceSettingCode,
        Code healthcareFacilityTypeCode,
        List<Code> confidentialityCodes,
        List<Code> eventCodes,
        List<String> referenceIds,
        List<Author> authors,
        Dtm creationTime,
        Dtm serviceStartTime,
        Dtm serviceStopTime,
        String hash,
        Long size,
        String repositoryUniqueId) {
}
