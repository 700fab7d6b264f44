package org.opendmp.pixpdq.hl7v3;

import java.time.Clock;
import org.opendmp.pixpdq.habilitation.Habilitations;
import org.opendmp.pixpdq.patient.PatientRegistry;
import org.opendmp.security.actor.Actor;
import org.w3c.dom.Element;

/**
 * The DMP patient service (/patients): TD0.2 and TD1.3a (PRPA_IN201307UV02), TD1.1
 * (PRPA_IN201311UV02), TD1.2, TD1.3b and TD1.4 (PRPA_IN201314UV02), and PDQv3 / TD0.5
 * (PRPA_IN201305UV02). Takes the SOAP body's HL7v3 message, gives back the answer and its action.
 */
public final class DmpPatientService {

    private final DmpDemographics demographics;
    private final DmpCreation creation;
    private final DmpRevision revision;
    private final PatientDemographicsQuery pdq;
    private final Clock clock;

    /**
     * @param habilitations the professionals' authorizations, which TD0.2 reports to the caller
     */
    public DmpPatientService(PatientRegistry registry, Habilitations habilitations, Hl7v3Schemas schemas,
                             Clock clock) {
        this.demographics = new DmpDemographics(registry, habilitations, clock);
        this.creation = new DmpCreation(registry, clock);
        this.revision = new DmpRevision(registry, clock);
        this.pdq = new PatientDemographicsQuery(registry, schemas, clock);
        this.clock = clock;
    }

    /**
     * Answers one message; never throws for bad input (refusals are acknowledgements).
     *
     * @param actor the VIHF's caller, or null when VIHF checking is off (TD0.2 then answers as to an
     *              authorized caller)
     */
    public Hl7v3Reply handle(Element message, Actor actor) {
        Hl7v3Request request = Hl7v3Request.of(message);
        if (Hl7v3Xml.isHl7(message, "PRPA_IN201307UV02")) {
            return demographics.answer(request, actor);
        }
        if (Hl7v3Xml.isHl7(message, "PRPA_IN201311UV02")) {
            return creation.answer(request);
        }
        if (Hl7v3Xml.isHl7(message, "PRPA_IN201314UV02")) {
            return revision.answer(request);
        }
        if (Hl7v3Xml.isHl7(message, "PRPA_IN201305UV02")) {
            return pdq.answer(request);
        }
        return RegistrationAnswer.write(RegistrationAnswer.Kind.REVISE, request, null,
                Hl7v3Refusal.reject(Hl7v3Refusal.ErrorCode.UNSUPPORTED_MESSAGE_TYPE, "the patient service accepts "
                        + "PRPA_IN201305UV02, PRPA_IN201307UV02, PRPA_IN201311UV02 and PRPA_IN201314UV02"), clock);
    }
}
