package org.opendmp.pixpdq.hl7v3;

import static org.opendmp.pixpdq.hl7v3.Hl7v3Xml.add;
import static org.opendmp.pixpdq.hl7v3.Hl7v3Xml.attribute;
import static org.opendmp.pixpdq.hl7v3.Hl7v3Xml.child;
import static org.opendmp.pixpdq.hl7v3.Hl7v3Xml.children;
import static org.opendmp.pixpdq.hl7v3.Hl7v3Xml.path;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opendmp.pixpdq.hl7v3.Hl7v3Refusal.ErrorCode;
import org.opendmp.pixpdq.patient.Patient;
import org.opendmp.pixpdq.patient.PatientId;
import org.opendmp.pixpdq.patient.PatientRegistry;
import org.opendmp.pixpdq.patient.PatientRegistryException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * ITI-45 PIXv3 Query (PRPA_IN201309UV02 to PRPA_IN201310UV02): the other identifiers of the patient
 * named by {@code patientIdentifier}, restricted to the {@code dataSource} domains when given. As
 * IHE says: a known patient with identifiers in those domains is AA / OK; with none, AA / NF and no
 * subject; an unknown identifier, or one of an unknown domain, is AE / AE with error 204 located at
 * the {@code patientIdentifier} value; an unknown {@code dataSource} domain is AE / AE, 204 located
 * at that data source.
 */
final class PixQuery {

    static final String ANSWER = "PRPA_IN201310UV02";
    private static final String PARAMETERS = "/controlActProcess/queryByParameter/parameterList/";

    private final PatientRegistry registry;
    private final Hl7v3Schemas schemas;
    private final Clock clock;

    PixQuery(PatientRegistry registry, Hl7v3Schemas schemas, Clock clock) {
        this.registry = registry;
        this.schemas = schemas;
        this.clock = clock;
    }

    Hl7v3Reply answer(Hl7v3Request request) {
        try {
            schemas.validate(request.message());
            Element parameters = path(request.query(), "parameterList");
            PatientId queried = PatientReader.identifier(path(parameters, "patientIdentifier", "value"));
            if (queried == null) {
                throw Hl7v3Refusal.error(ErrorCode.REQUIRED_FIELD_MISSING, "the query names no patient identifier",
                        PARAMETERS + "patientIdentifier/value");
            }
            List<String> domains = dataSources(parameters);
            Optional<Patient> patient = find(queried);
            if (patient.isEmpty()) {
                throw Hl7v3Refusal.error(ErrorCode.UNKNOWN_KEY_IDENTIFIER, "no patient has this identifier",
                        PARAMETERS + "patientIdentifier/value");
            }
            List<PatientId> ids = patient.get().identifiers().stream()
                    .filter(id -> !id.equals(queried))
                    .filter(id -> domains.isEmpty() || domains.contains(id.authority()))
                    .toList();
            return answer(request, patient.get(), ids, null);
        } catch (Hl7v3Refusal refused) {
            return answer(request, null, List.of(), refused);
        }
    }

    private Optional<Patient> find(PatientId queried) {
        try {
            return registry.find(registry.checkedIdentifier(queried));
        } catch (PatientRegistryException refused) {
            throw Hl7v3Refusal.error(ErrorCode.UNKNOWN_KEY_IDENTIFIER, refused.reason() + ": " + refused.getMessage(),
                    PARAMETERS + "patientIdentifier/value");
        }
    }

    private List<String> dataSources(Element parameters) {
        List<String> domains = new ArrayList<>();
        List<Element> sources = children(parameters, "dataSource");
        for (int i = 0; i < sources.size(); i++) {
            String domain = attribute(child(sources.get(i), "value"), "root");
            if (domain == null || !registry.knowsDomain(domain)) {
                throw Hl7v3Refusal.error(ErrorCode.UNKNOWN_KEY_IDENTIFIER, "unknown identifier domain",
                        PARAMETERS + "dataSource[" + (i + 1) + "]/value");
            }
            domains.add(domain);
        }
        return domains;
    }

    private Hl7v3Reply answer(Hl7v3Request request, Patient patient, List<PatientId> ids, Hl7v3Refusal refusal) {
        Document document = Hl7v3Xml.newDocument();
        Hl7v3Response response = Hl7v3Response.start(document, ANSWER, request, false, clock);
        response.acknowledge(refusal);
        Element controlAct = response.controlAct();
        add(controlAct, "code", "code", "PRPA_TE201310UV02", "codeSystem", "2.16.840.1.113883.1.6");
        if (patient != null && !ids.isEmpty()) {
            Element event = add(add(controlAct, "subject", "typeCode", "SUBJ"), "registrationEvent",
                    "classCode", "REG", "moodCode", "EVN");
            add(event, "statusCode", "code", "active");
            Element patientElement = add(add(event, "subject1", "typeCode", "SBJ"), "patient", "classCode", "PAT");
            ids.forEach(id -> add(patientElement, "id", "extension", id.id(), "root", id.authority()));
            add(patientElement, "statusCode", "code", "active");
            Element person = add(patientElement, "patientPerson", "classCode", "PSN", "determinerCode", "INSTANCE");
            add(person, "name", "nullFlavor", "NA");
            PatientWriter.custodian(event, Hl7v3Response.DMP_DEVICE);
        }
        String code = refusal != null ? "AE" : ids.isEmpty() ? "NF" : "OK";
        QueryAck.write(controlAct, request, code, null);
        QueryAck.echoQuery(controlAct, request);
        return new Hl7v3Reply(document, Hl7v3Reply.ACTION_PREFIX + ANSWER);
    }
}
