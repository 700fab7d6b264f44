package org.opendmp.audit.event;

import org.openehealth.ipf.commons.audit.codes.EventOutcomeIndicator;

/**
 * The DICOM EventOutcomeIndicator: how the transaction ended. IHE maps an XDS {@code Success} to
 * {@link #SUCCESS}, {@code PartialSuccess} to {@link #MINOR_FAILURE} and {@code Failure} (or a SOAP
 * fault, an HL7 {@code AE}/{@code AR}) to {@link #SERIOUS_FAILURE}.
 */
public enum EventOutcome {
    /** 0: nominal success. */
    SUCCESS(EventOutcomeIndicator.Success),
    /** 4: minor failure, the action went on (a partial success, a refusal the client may retry). */
    MINOR_FAILURE(EventOutcomeIndicator.MinorFailure),
    /** 8: serious failure, the action was terminated (an error answer, a refused request). */
    SERIOUS_FAILURE(EventOutcomeIndicator.SeriousFailure),
    /** 12: major failure, the action made unavailable (the service itself failed). */
    MAJOR_FAILURE(EventOutcomeIndicator.MajorFailure);

    private final EventOutcomeIndicator indicator;

    EventOutcome(EventOutcomeIndicator indicator) {
        this.indicator = indicator;
    }

    EventOutcomeIndicator indicator() {
        return indicator;
    }
}
