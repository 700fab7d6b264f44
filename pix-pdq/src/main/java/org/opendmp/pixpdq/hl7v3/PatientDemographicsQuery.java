package org.opendmp.pixpdq.hl7v3;

import static org.opendmp.pixpdq.hl7v3.Hl7v3Xml.add;
import static org.opendmp.pixpdq.hl7v3.Hl7v3Xml.addTypedValue;
import static org.opendmp.pixpdq.hl7v3.Hl7v3Xml.attribute;
import static org.opendmp.pixpdq.hl7v3.Hl7v3Xml.child;
import static org.opendmp.pixpdq.hl7v3.Hl7v3Xml.path;
import static org.opendmp.pixpdq.hl7v3.Hl7v3Xml.text;

import java.time.Clock;
import java.util.List;
import org.opendmp.pixpdq.hl7v3.Hl7v3Refusal.ErrorCode;
import org.opendmp.pixpdq.patient.Patient;
import org.opendmp.pixpdq.patient.PatientId;
import org.opendmp.pixpdq.patient.PatientQuery;
import org.opendmp.pixpdq.patient.PatientRegistry;
import org.opendmp.pixpdq.patient.PatientRegistryException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * ITI-47 Patient Demographics Query HL7v3 (PRPA_IN201305UV02 to PRPA_IN201306UV02), the DMP's TD0.5
 * (search for a patient without INS, centre 15). Parameters read: {@code livingSubjectName} (family
 * matching birth or used name, given; a trailing {@code *} matches by prefix),
 * {@code livingSubjectAdministrativeGender}, {@code livingSubjectBirthTime}, {@code livingSubjectId}.
 * At most {@code initialQuantity} (default and cap {@value #MAX_RESULTS}) patients are returned,
 * each with a 100 % match observation and the patient's opposition to emergency access, as the DMP
 * answers. No match is AA / NF; no usable parameter is AE / QE. {@code otherIDsScopingOrganization}
 * restricts the identifiers returned to those domains (the INS always comes first); a domain the
 * registry does not know is AE / AE, error 204 located at that parameter (ITI TF-2b 3.47.4.2.3).
 */
final class PatientDemographicsQuery {

    static final String ANSWER = "PRPA_IN201306UV02";
    static final int MAX_RESULTS = 100;

    private final PatientRegistry registry;
    private final Hl7v3Schemas schemas;
    private final Clock clock;

    PatientDemographicsQuery(PatientRegistry registry, Hl7v3Schemas schemas, Clock clock) {
        this.registry = registry;
        this.schemas = schemas;
        this.clock = clock;
    }

    Hl7v3Reply answer(Hl7v3Request request) {
        Element query = request.query();
        Element parameters = child(query, "parameterList");
        try {
            schemas.validate(request.message());
            PatientQuery criteria = criteria(parameters);
            List<String> domains = scopingOrganizations(parameters);
            int limit = limit(query);
            List<Patient> found = registry.search(criteria, 0, limit + 1);
            List<Patient> page = found.size() > limit ? found.subList(0, limit) : found;
            return answer(request, domains.isEmpty() ? page : page.stream().map(p -> restricted(p, domains)).toList(),
                    found.size() > limit, null);
        } catch (PatientRegistryException refused) {
            return answer(request, List.of(), false, Hl7v3Refusal.of(refused,
                    "/controlActProcess/queryByParameter/parameterList"));
        } catch (Hl7v3Refusal refused) {
            return answer(request, List.of(), false, refused);
        }
    }

    private static PatientQuery criteria(Element parameters) {
        Element name = path(parameters, "livingSubjectName", "value");
        Element birthTime = path(parameters, "livingSubjectBirthTime", "value");
        PatientId id = PatientReader.identifier(path(parameters, "livingSubjectId", "value"));
        return new PatientQuery(text(child(name, "family")), text(child(name, "given")),
                PatientReader.sex(path(parameters, "livingSubjectAdministrativeGender", "value")),
                PatientReader.birthDate(birthTime), null, id);
    }

    /** The domains of {@code otherIDsScopingOrganization}, each one the registry must know. */
    private List<String> scopingOrganizations(Element parameters) {
        List<String> domains = new java.util.ArrayList<>();
        List<Element> organizations = Hl7v3Xml.children(parameters, "otherIDsScopingOrganization");
        for (int i = 0; i < organizations.size(); i++) {
            String domain = attribute(child(organizations.get(i), "value"), "root");
            if (domain == null || !registry.knowsDomain(domain)) {
                throw Hl7v3Refusal.error(ErrorCode.UNKNOWN_KEY_IDENTIFIER, "unknown identifier domain",
                        "/controlActProcess/queryByParameter/parameterList/otherIDsScopingOrganization[" + (i + 1)
                                + "]/value");
            }
            domains.add(domain);
        }
        return domains;
    }

    /** The patient with only the local identifiers of {@code domains} (the INS stays). */
    private static Patient restricted(Patient patient, List<String> domains) {
        return new Patient(patient.ins(), patient.localIds().stream().filter(id -> domains.contains(id.authority()))
                .toList(), patient.traits(), patient.telecoms(), patient.dmp(), patient.updatedAt());
    }

    private static int limit(Element query) {
        String value = attribute(child(query, "initialQuantity"), "value");
        try {
            int asked = value == null ? MAX_RESULTS : Integer.parseInt(value);
            return Math.max(1, Math.min(asked, MAX_RESULTS));
        } catch (NumberFormatException e) {
            throw Hl7v3Refusal.error(ErrorCode.DATA_TYPE_ERROR, "initialQuantity must be an integer",
                    "/controlActProcess/queryByParameter/initialQuantity");
        }
    }

    private Hl7v3Reply answer(Hl7v3Request request, List<Patient> patients, boolean more, Hl7v3Refusal refusal) {
        Document document = Hl7v3Xml.newDocument();
        Hl7v3Response response = Hl7v3Response.start(document, ANSWER, request, false, clock);
        response.acknowledge(refusal);
        Element controlAct = response.controlAct();
        Element code = add(controlAct, "code", "code", "PRPA_TE201306UV02", "codeSystem", "2.16.840.1.113883.1.6");
        code.setAttributeNS(Hl7v3Xml.XSI, "xsi:type", "CS");
        for (Patient patient : patients) {
            Element event = add(add(controlAct, "subject", "contextConductionInd", "false", "typeCode", "SUBJ"),
                    "registrationEvent", "classCode", "REG", "moodCode", "EVN");
            add(event, "statusCode", "code", "active");
            Element patientElement = PatientWriter.patient(add(event, "subject1", "typeCode", "SBJ"), patient, true);
            Element match = add(add(patientElement, "subjectOf1", "typeCode", "SBJ"), "queryMatchObservation",
                    "classCode", "COND", "moodCode", "EVN");
            add(match, "code", "code", "POURCENTAGE").setAttributeNS(Hl7v3Xml.XSI, "xsi:type", "CS");
            addTypedValue(match, "INT", "value", "100");
            Element observation = add(add(patientElement, "subjectOf2"), "administrativeObservation");
            add(observation, "code", "code", PatientWriter.OPPOSITION_ACCES_URGENCE, "codeSystem",
                    PatientWriter.DMP_OPTIONS, "displayName", "opposition au mode Urgence");
            addTypedValue(observation, "BL", "value", String.valueOf(patient.dmp().oppositionCentre15()));
            PatientWriter.custodian(event, Hl7v3Response.DMP_DEVICE);
        }
        if (refusal != null) {
            QueryAck.write(controlAct, request, refusal.code() == ErrorCode.REQUIRED_FIELD_MISSING ? "QE" : "AE", null);
        } else {
            int total = patients.size() + (more ? 1 : 0);
            QueryAck.write(controlAct, request, patients.isEmpty() ? "NF" : "OK",
                    new QueryAck.Counts(total, patients.size(), total - patients.size()));
        }
        QueryAck.echoQuery(controlAct, request);
        return new Hl7v3Reply(document, Hl7v3Reply.ACTION_PREFIX + ANSWER);
    }
}
