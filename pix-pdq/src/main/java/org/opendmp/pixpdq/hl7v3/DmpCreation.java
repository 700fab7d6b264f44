package org.opendmp.pixpdq.hl7v3;

import static org.opendmp.pixpdq.hl7v3.Hl7v3Xml.path;

import java.time.Clock;
import org.opendmp.pixpdq.hl7v3.Hl7v3Refusal.ErrorCode;
import org.opendmp.pixpdq.hl7v3.PatientReader.PatientData;
import org.opendmp.pixpdq.hl7v3.RegistrationAnswer.Kind;
import org.opendmp.pixpdq.patient.Dmp;
import org.opendmp.pixpdq.patient.Patient;
import org.opendmp.pixpdq.patient.PatientRegistry;
import org.opendmp.pixpdq.patient.PatientRegistryException;

/**
 * TD1.1 DMP creation (PRPA_IN201311UV02, reasonCode {@code CREA_RD}): a new patient with an open DMP
 * and the patient's choices, given as administrativeObservations of code system
 * 1.2.250.1.213.4.1.2.3: {@code CONSENTEMENT_OUVERTURE_DMP} (required true: no DMP is opened without
 * the patient's consent), {@code OPPOSITION_BRIS_DE_GLACE}, {@code OPPOSITION_ACCES_URGENCE}
 * (default false). An existing DMP is AE 205; a closed one AE 206 (TD1.2 reactivates it).
 */
final class DmpCreation {

    static final String CREA_RD = "CREA_RD";
    private static final String PATIENT = "/controlActProcess/subject/registrationRequest/subject1/patient";

    private final PatientRegistry registry;
    private final Clock clock;

    DmpCreation(PatientRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    Hl7v3Reply answer(Hl7v3Request request) {
        try {
            if (!CREA_RD.equals(request.reasonCode())) {
                throw Hl7v3Refusal.reject(ErrorCode.UNSUPPORTED_EVENT_CODE,
                        "PRPA_IN201311UV02 needs reasonCode CREA_RD (TD1.1)");
            }
            PatientData data = PatientReader.read(path(request.requiredControlAct(), "subject", "registrationRequest",
                    "subject1", "patient"));
            if (!data.flag(PatientWriter.CONSENTEMENT_OUVERTURE_DMP, false)) {
                throw Hl7v3Refusal.error(ErrorCode.REQUIRED_FIELD_MISSING,
                        "the patient's consent (CONSENTEMENT_OUVERTURE_DMP true) is required to open a DMP",
                        PATIENT + "/subjectOf/administrativeObservation");
            }
            Dmp choices = Dmp.open(true, data.flag(PatientWriter.OPPOSITION_BRIS_DE_GLACE, false),
                    data.flag(PatientWriter.OPPOSITION_ACCES_URGENCE, false));
            Patient created = registry.create(data.identifiers(), data.traits(), data.telecoms(), choices);
            return RegistrationAnswer.write(Kind.ADD, request, created, null, clock);
        } catch (PatientRegistryException refused) {
            return RegistrationAnswer.write(Kind.ADD, request, null, Hl7v3Refusal.of(refused, PATIENT), clock);
        } catch (Hl7v3Refusal refused) {
            return RegistrationAnswer.write(Kind.ADD, request, null, refused, clock);
        }
    }
}
