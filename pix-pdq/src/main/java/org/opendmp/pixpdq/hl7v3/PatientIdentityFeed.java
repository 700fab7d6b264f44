package org.opendmp.pixpdq.hl7v3;

import static org.opendmp.pixpdq.hl7v3.Hl7v3Xml.path;

import java.time.Clock;
import java.util.List;
import org.opendmp.pixpdq.hl7v3.PatientReader.PatientData;
import org.opendmp.pixpdq.patient.PatientId;
import org.opendmp.pixpdq.patient.PatientRegistry;
import org.opendmp.pixpdq.patient.PatientRegistryException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * ITI-44 Patient Identity Feed HL7v3: Patient Registry Record Added (PRPA_IN201301UV02, feeds the
 * registry), Revised (PRPA_IN201302UV02, revises it) and Duplicates Resolved (PRPA_IN201304UV02,
 * merges the {@code replacementOf/priorRegistration} identifier into the surviving patient). The
 * answer is an MCCI_IN000002UV01 acknowledgement: AA, AE (the registry refused) or AR.
 */
final class PatientIdentityFeed {

    static final String ACK = "MCCI_IN000002UV01";
    private static final String PATIENT = "/controlActProcess/subject/registrationEvent/subject1/patient";

    private final PatientRegistry registry;
    private final Hl7v3Schemas schemas;
    private final Clock clock;

    PatientIdentityFeed(PatientRegistry registry, Hl7v3Schemas schemas, Clock clock) {
        this.registry = registry;
        this.schemas = schemas;
        this.clock = clock;
    }

    Hl7v3Reply answer(Hl7v3Request request) {
        try {
            schemas.validate(request.message());
            Element event = path(request.requiredControlAct(), "subject", "registrationEvent");
            PatientData patient = PatientReader.read(path(event, "subject1", "patient"));
            switch (request.interaction()) {
                case "PRPA_IN201301UV02" -> registry.feed(patient.identifiers(), patient.traits(), patient.telecoms());
                case "PRPA_IN201302UV02" -> registry.revise(patient.identifiers(), patient.traits(), patient.telecoms());
                case "PRPA_IN201304UV02" -> registry.merge(patient.identifiers(), subsumed(event));
                default -> throw Hl7v3Refusal.reject(Hl7v3Refusal.ErrorCode.UNSUPPORTED_MESSAGE_TYPE,
                        "not an ITI-44 interaction: " + request.interaction());
            }
            return acknowledgement(request, null);
        } catch (PatientRegistryException refused) {
            return acknowledgement(request, Hl7v3Refusal.of(refused, PATIENT));
        } catch (Hl7v3Refusal refused) {
            return acknowledgement(request, refused);
        }
    }

    /** The MCCI_IN000002UV01 answer to an ITI-44 message. */
    Hl7v3Reply acknowledgement(Hl7v3Request request, Hl7v3Refusal refusal) {
        Document document = Hl7v3Xml.newDocument();
        Hl7v3Response.start(document, ACK, request, false, clock).acknowledge(refusal);
        return new Hl7v3Reply(document, Hl7v3Reply.ACTION_PREFIX + ACK);
    }

    private static PatientId subsumed(Element event) {
        Element prior = path(event, "replacementOf", "priorRegistration", "subject1", "priorRegisteredRole");
        List<PatientId> ids = PatientReader.identifiers(Hl7v3Xml.children(prior, "id"));
        if (ids.size() != 1) {
            throw Hl7v3Refusal.error(Hl7v3Refusal.ErrorCode.REQUIRED_FIELD_MISSING,
                    "a merge names exactly one subsumed identifier",
                    "/controlActProcess/subject/registrationEvent/replacementOf/priorRegistration/subject1/priorRegisteredRole/id");
        }
        return ids.get(0);
    }
}
