package org.opendmp.pixpdq.habilitation;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import org.opendmp.pixpdq.patient.PatientId;

/**
 * When the last document was added to each patient's DMP: TD0.4 ({@code dateType LASTDOC}) asks it
 * of the document registry, which this module does not see. The server answers from the registry's
 * SubmissionSets.
 */
@FunctionalInterface
public interface LastDocumentDates {

    /**
     * The time of the last submission for each of {@code patients} (INS) that has any; patients
     * without a document are absent from the map.
     */
    Map<PatientId, Instant> of(Collection<PatientId> patients);
}
