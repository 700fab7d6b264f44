package org.opendmp.registry.model;

import java.util.List;
import org.opendmp.registry.hl7.Cx;
import org.opendmp.registry.hl7.Dtm;

/** An XDS SubmissionSet (an ebRIM RegistryPackage classified as such): one submission's envelope. */
public record SubmissionSet(
        String entryUuid,
        String uniqueId,
        Cx patientId,
        String sourceId,
        Dtm submissionTime,
        Code contentTypeCode,
        List<Author> authors) {
}
