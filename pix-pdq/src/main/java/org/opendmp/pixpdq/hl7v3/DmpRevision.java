package org.opendmp.pixpdq.hl7v3;

import static org.opendmp.pixpdq.hl7v3.Hl7v3Xml.attribute;
import static org.opendmp.pixpdq.hl7v3.Hl7v3Xml.child;
import static org.opendmp.pixpdq.hl7v3.Hl7v3Xml.path;
import static org.opendmp.pixpdq.hl7v3.Hl7v3Xml.text;

import java.time.Clock;
import org.opendmp.pixpdq.hl7v3.Hl7v3Refusal.ErrorCode;
import org.opendmp.pixpdq.hl7v3.PatientReader.PatientData;
import org.opendmp.pixpdq.hl7v3.RegistrationAnswer.Kind;
import org.opendmp.pixpdq.patient.Patient;
import org.opendmp.pixpdq.patient.PatientId;
import org.opendmp.pixpdq.patient.PatientRegistry;
import org.opendmp.pixpdq.patient.PatientRegistryException;
import org.w3c.dom.Element;

/**
 * The DMP's PRPA_IN201314UV02 patient revisions, by reasonCode:
 * <ul>
 *   <li>{@code MODIF_DATA} (TD1.3b): the administrative data; what the message leaves out is kept,
 *       the oppositions change when given. Needs an open DMP.</li>
 *   <li>{@code FERM} (TD1.4): closes the DMP; the patient's statusCode must be {@code terminated}; the
 *       reason is {@code reasonOf/detectedIssueEvent/code} (e.g. {@code FERMETURE_DEMANDE_PATIENT}).</li>
 *   <li>{@code REAC} (TD1.2): reopens a closed DMP.</li>
 * </ul>
 */
final class DmpRevision {

    static final String MODIF_DATA = "MODIF_DATA";
    static final String FERM = "FERM";
    static final String REAC = "REAC";
    private static final String PATIENT = "/controlActProcess/subject/registrationRequest/subject1/patient";

    private final PatientRegistry registry;
    private final Clock clock;

    DmpRevision(PatientRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    Hl7v3Reply answer(Hl7v3Request request) {
        try {
            Element controlAct = request.requiredControlAct();
            PatientData data = PatientReader.read(path(controlAct, "subject", "registrationRequest", "subject1", "patient"));
            String reason = request.reasonCode() == null ? "" : request.reasonCode();
            Patient changed = switch (reason) {
                case MODIF_DATA -> modify(data);
                case FERM -> close(data, controlAct);
                case REAC -> registry.reactivate(ins(data));
                default -> throw Hl7v3Refusal.reject(ErrorCode.UNSUPPORTED_EVENT_CODE,
                        "PRPA_IN201314UV02 needs reasonCode MODIF_DATA (TD1.3b), FERM (TD1.4) or REAC (TD1.2)");
            };
            return RegistrationAnswer.write(Kind.REVISE, request, changed, null, clock);
        } catch (PatientRegistryException refused) {
            return RegistrationAnswer.write(Kind.REVISE, request, null, Hl7v3Refusal.of(refused, PATIENT), clock);
        } catch (Hl7v3Refusal refused) {
            return RegistrationAnswer.write(Kind.REVISE, request, null, refused, clock);
        }
    }

    private Patient modify(PatientData data) {
        PatientId ins = ins(data);
        Patient stored = registry.find(ins).orElseThrow(() -> Hl7v3Refusal.error(ErrorCode.UNKNOWN_KEY_IDENTIFIER,
                "no DMP for this patient", PATIENT + "/id"));
        if (!stored.dmp().isOpen()) {
            throw Hl7v3Refusal.error(ErrorCode.APPLICATION_RECORD_LOCKED, "DMP_CLOSED: this patient's DMP is closed",
                    PATIENT + "/id");
        }
        boolean brisDeGlace = data.flag(PatientWriter.OPPOSITION_BRIS_DE_GLACE, stored.dmp().oppositionBrisDeGlace());
        boolean centre15 = data.flag(PatientWriter.OPPOSITION_ACCES_URGENCE, stored.dmp().oppositionCentre15());
        return registry.modify(data.identifiers(), data.traitsOver(stored.traits()), data.telecoms(), brisDeGlace,
                centre15);
    }

    private Patient close(PatientData data, Element controlAct) {
        if (!"terminated".equals(data.statusCode())) {
            throw Hl7v3Refusal.error(ErrorCode.TABLE_VALUE_NOT_FOUND,
                    "a closure (FERM) gives the patient statusCode terminated", PATIENT + "/statusCode");
        }
        Element issue = path(controlAct, "reasonOf", "detectedIssueEvent");
        String reason = attribute(child(issue, "code"), "code");
        if (reason == null) {
            reason = text(child(issue, "text"));
        }
        if (reason != null && reason.length() > 64) {
            throw Hl7v3Refusal.error(ErrorCode.DATA_TYPE_ERROR, "the closure reason has more than 64 characters",
                    "/controlActProcess/reasonOf/detectedIssueEvent/code");
        }
        return registry.close(ins(data), reason);
    }

    /** The INS among the patient's identifiers, checked. */
    private PatientId ins(PatientData data) {
        return data.identifiers().stream().filter(PatientId::isIns).findFirst()
                .map(registry::checkedIdentifier)
                .orElseThrow(() -> Hl7v3Refusal.error(ErrorCode.REQUIRED_FIELD_MISSING,
                        "MISSING_INS: the patient is named by its INS", PATIENT + "/id"));
    }
}
