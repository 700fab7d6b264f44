package org.opendmp.pixpdq.hl7v3;

import static org.opendmp.pixpdq.hl7v3.Hl7v3Xml.add;
import static org.opendmp.pixpdq.hl7v3.Hl7v3Xml.addTypedValue;
import static org.opendmp.pixpdq.hl7v3.Hl7v3Xml.path;

import java.time.Clock;
import java.util.Optional;
import org.opendmp.pixpdq.habilitation.Habilitations;
import org.opendmp.pixpdq.habilitation.Relation;
import org.opendmp.pixpdq.hl7v3.Hl7v3Refusal.ErrorCode;
import org.opendmp.pixpdq.patient.Patient;
import org.opendmp.pixpdq.patient.PatientId;
import org.opendmp.pixpdq.patient.PatientRegistry;
import org.opendmp.pixpdq.patient.PatientRegistryException;
import org.opendmp.security.actor.Actor;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The DMP's PRPA_IN201307UV02 patient queries, answered with PRPA_IN201308UV02:
 * <ul>
 *   <li>TD0.2 test of existence (reasonCode {@code TEST_EXST}): the patient, the DMP status
 *       ({@code active}, or {@code terminated} once closed), the oppositions, and the caller's
 *       authorization as two attentionLines: {@code AUTORISATION} ({@code VALIDE}, {@code INTERDITE}
 *       when the patient blocked them, {@code NON_EXISTANTE} without authorization) and
 *       {@code STATUT_MT} (whether they are the patient's treating doctor). A patient without DMP is
 *       AA with queryResponseCode {@code NF} and no patient, as the DMP answers.</li>
 *   <li>TD1.3a read administrative data ({@code CNSLT_DATA}): the patient; an unknown one is AE 204.</li>
 *   <li>Either names the patient by INS: another root is AE 204.</li>
 * </ul>
 * Without a VIHF's caller (VIHF checking off) the caller is unknown: {@code VALIDE} and {@code false}.
 */
final class DmpDemographics {

    static final String ANSWER = "PRPA_IN201308UV02";
    static final String TEST_EXST = "TEST_EXST";
    static final String CNSLT_DATA = "CNSLT_DATA";
    private static final String LOCATION = "/controlActProcess/queryByParameter/parameterList/patientIdentifier/value";
    /** The caller's authorization (keyword code system 1.2.250.1.213.4.1.2.6.1, values 1.2.250.1.213.4.1.2.6.2). */
    static final String AUTHORIZED = "VALIDE";
    static final String BLOCKED = "INTERDITE";
    static final String NO_AUTHORIZATION = "NON_EXISTANTE";

    private final PatientRegistry registry;
    private final Habilitations habilitations;
    private final Clock clock;

    DmpDemographics(PatientRegistry registry, Habilitations habilitations, Clock clock) {
        this.registry = registry;
        this.habilitations = habilitations;
        this.clock = clock;
    }

    Hl7v3Reply answer(Hl7v3Request request, Actor actor) {
        boolean existenceTest = TEST_EXST.equals(request.reasonCode());
        try {
            if (!existenceTest && !CNSLT_DATA.equals(request.reasonCode())) {
                throw Hl7v3Refusal.reject(ErrorCode.UNSUPPORTED_EVENT_CODE,
                        "PRPA_IN201307UV02 needs reasonCode TEST_EXST (TD0.2) or CNSLT_DATA (TD1.3a)");
            }
            PatientId ins = PatientReader.identifier(path(request.query(), "parameterList", "patientIdentifier", "value"));
            if (ins == null) {
                throw Hl7v3Refusal.error(ErrorCode.REQUIRED_FIELD_MISSING, "the query names no patient", LOCATION);
            }
            if (!ins.isIns()) {
                throw Hl7v3Refusal.error(ErrorCode.UNKNOWN_KEY_IDENTIFIER,
                        "UNKNOWN_AUTHORITY: a DMP is found by the patient's INS, and this root is not an INS authority",
                        LOCATION);
            }
            Optional<Patient> patient = registry.find(registry.checkedIdentifier(ins));
            if (patient.isEmpty() && !existenceTest) {
                throw Hl7v3Refusal.error(ErrorCode.UNKNOWN_KEY_IDENTIFIER, "no DMP for this patient", LOCATION);
            }
            Relation relation = existenceTest && patient.isPresent() && actor != null
                    ? habilitations.relation(patient.get().ins(), actor.professionalId()) : null;
            return answer(request, patient.orElse(null), relation, existenceTest, null);
        } catch (PatientRegistryException refused) {
            return answer(request, null, null, existenceTest, Hl7v3Refusal.of(refused, LOCATION));
        } catch (Hl7v3Refusal refused) {
            return answer(request, null, null, existenceTest, refused);
        }
    }

    /** @param relation the caller's relation to the patient, or null when the caller is unknown */
    private Hl7v3Reply answer(Hl7v3Request request, Patient patient, Relation relation, boolean existenceTest,
                              Hl7v3Refusal refusal) {
        Document document = Hl7v3Xml.newDocument();
        Hl7v3Response response = Hl7v3Response.start(document, ANSWER, request, true, clock);
        if (existenceTest && patient != null) {
            String authorization = relation == null || relation.authorized() ? AUTHORIZED
                    : relation.blocked() ? BLOCKED : NO_AUTHORIZATION;
            boolean treatingDoctor = relation != null && relation.treatingDoctor();
            attentionLine(response.root(), "AUTORISATION", "1.2.250.1.213.4.1.2.6.1", "CV",
                    "code", authorization, "codeSystem", "1.2.250.1.213.4.1.2.6.2");
            attentionLine(response.root(), "STATUT_MT", "1.2.250.1.213.4.1.2.6.3", "BL", "value",
                    Boolean.toString(treatingDoctor));
        }
        response.acknowledge(refusal);
        Element controlAct = response.controlAct();
        response.echoReasonCode(controlAct);
        if (patient != null) {
            Element event = add(add(controlAct, "subject", "contextConductionInd", "false", "typeCode", "SUBJ"),
                    "registrationEvent", "classCode", "REG", "moodCode", "EVN");
            add(event, "statusCode", "code", "completed");
            Element patientElement = PatientWriter.patient(add(event, "subject1", "typeCode", "SBJ"), patient, true);
            PatientWriter.oppositions(patientElement, patient, "subjectOf");
            PatientWriter.custodian(event, Hl7v3Response.DMP_DEVICE);
        }
        QueryAck.write(controlAct, request, refusal != null ? "AE" : patient == null ? "NF" : "OK", null);
        return new Hl7v3Reply(document, Hl7v3Reply.ACTION_PREFIX + ANSWER);
    }

    private static void attentionLine(Element message, String keyWord, String keyWordSystem, String type,
                                      String... value) {
        Element line = add(message, "attentionLine");
        add(line, "keyWordText", "code", keyWord, "codeSystem", keyWordSystem);
        addTypedValue(line, type, value);
    }
}
