package org.opendmp.pixpdq.hl7v3;

import static org.opendmp.pixpdq.hl7v3.Hl7v3Xml.add;
import static org.opendmp.pixpdq.hl7v3.Hl7v3Xml.addText;

import java.time.Clock;
import javax.xml.XMLConstants;
import org.opendmp.pixpdq.patient.Patient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The answer to a DMP registration request (TD1.1 PRPA_IN201311UV02, TD1.2/TD1.3b/TD1.4
 * PRPA_IN201314UV02): the DMP's wrapper {@code gdp:PRPA_IN2013xxUV02_Response} (namespace
 * {@code asip:ci-sis:gdp:2010}) around the accept message (PRPA_IN201312UV02, PRPA_IN201315UV02)
 * with the patient's status and name, or the refuse message (PRPA_IN201313UV02, PRPA_IN201316UV02)
 * with an AE/AR acknowledgement.
 */
final class RegistrationAnswer {

    static final String GDP = "asip:ci-sis:gdp:2010";

    /** One registration interaction and its answers. */
    enum Kind {
        ADD("PRPA_IN201311UV02", "PRPA_IN201312UV02", "PRPA_IN201313UV02", "PRPA_IN201311ResponseUV02"),
        REVISE("PRPA_IN201314UV02", "PRPA_IN201315UV02", "PRPA_IN201316UV02", "PRPA_IN201314ResponseUV02");

        final String request;
        final String accept;
        final String refuse;
        final String action;

        Kind(String request, String accept, String refuse, String action) {
            this.request = request;
            this.accept = accept;
            this.refuse = refuse;
            this.action = action;
        }
    }

    private RegistrationAnswer() {
    }

    /**
     * @param patient the patient after the change (accept), or null
     * @param refusal why it was refused, or null
     */
    static Hl7v3Reply write(Kind kind, Hl7v3Request request, Patient patient, Hl7v3Refusal refusal, Clock clock) {
        Document document = Hl7v3Xml.newDocument();
        Element wrapper = document.createElementNS(GDP, "ns2:" + kind.request + "_Response");
        wrapper.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns", Hl7v3Xml.NS);
        document.appendChild(wrapper);
        Hl7v3Response response = Hl7v3Response.start(wrapper, refusal == null ? kind.accept : kind.refuse, request,
                true, clock);
        response.acknowledge(refusal);
        Element controlAct = response.controlAct();
        response.echoReasonCode(controlAct);
        if (patient != null && refusal == null) {
            Element event = add(add(controlAct, "subject", "contextConductionInd", "false", "typeCode", "SUBJ"),
                    "registrationEvent", "classCode", "REG", "moodCode", "EVN");
            add(event, "statusCode", "code", "completed");
            Element patientElement = add(add(event, "subject1", "typeCode", "SBJ"), "patient", "classCode", "PAT");
            add(patientElement, "statusCode", "code", patient.dmp().isOpen() ? "active" : "terminated");
            Element person = add(patientElement, "patientPerson", "classCode", "PSN", "determinerCode", "INSTANCE");
            Element name = add(person, "name");
            if (patient.traits().usedName() != null) {
                addText(name, "family", patient.traits().usedName()).setAttribute("qualifier", "SP");
            }
            addText(name, "family", patient.traits().birthName()).setAttribute("qualifier", "BR");
            patient.traits().givenNames().forEach(given -> addText(name, "given", given));
            PatientWriter.custodian(event, Hl7v3Response.DMP_DEVICE);
        }
        return new Hl7v3Reply(document, Hl7v3Reply.ACTION_PREFIX + kind.action);
    }
}
