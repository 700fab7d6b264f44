package org.opendmp.pixpdq.hl7v3;

import java.time.Clock;
import org.opendmp.pixpdq.patient.PatientRegistry;
import org.w3c.dom.Element;

/**
 * The PIXv3 Manager (/pix): ITI-44 Patient Identity Feed HL7v3 and ITI-45 PIXv3 Query. Takes the
 * SOAP body's HL7v3 message, gives back the answer and its WS-Addressing action.
 */
public final class PixV3Manager {

    private final PatientIdentityFeed feed;
    private final PixQuery query;

    public PixV3Manager(PatientRegistry registry, Hl7v3Schemas schemas, Clock clock) {
        this.feed = new PatientIdentityFeed(registry, schemas, clock);
        this.query = new PixQuery(registry, schemas, clock);
    }

    /** Answers one message; never throws for bad input (refusals are acknowledgements). */
    public Hl7v3Reply handle(Element message) {
        Hl7v3Request request = Hl7v3Request.of(message);
        if (Hl7v3Xml.isHl7(message, "PRPA_IN201309UV02")) {
            return query.answer(request);
        }
        if (Hl7v3Xml.isHl7(message, "PRPA_IN201301UV02") || Hl7v3Xml.isHl7(message, "PRPA_IN201302UV02")
                || Hl7v3Xml.isHl7(message, "PRPA_IN201304UV02")) {
            return feed.answer(request);
        }
        return feed.acknowledgement(request, Hl7v3Refusal.reject(Hl7v3Refusal.ErrorCode.UNSUPPORTED_MESSAGE_TYPE,
                "the PIX Manager accepts PRPA_IN201301UV02, PRPA_IN201302UV02, PRPA_IN201304UV02 and PRPA_IN201309UV02"));
    }
}
