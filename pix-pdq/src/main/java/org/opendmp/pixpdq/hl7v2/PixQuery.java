package org.opendmp.pixpdq.hl7v2;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.v25.message.RSP_K23;
import ca.uhn.hl7v2.util.Terser;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opendmp.pixpdq.patient.Patient;
import org.opendmp.pixpdq.patient.PatientId;
import org.opendmp.pixpdq.patient.PatientRegistry;
import org.opendmp.pixpdq.patient.PatientRegistryException;

/**
 * ITI-9 PIX Query (HL7 2.5): QBP^Q23 names one identifier in QPD-3 and, in QPD-4, the domains
 * whose identifiers are wanted (all when empty). RSP^K23 (ITI TF-2a 3.9.4.2.2.6):
 * <ul>
 * <li>AA / OK and one PID whose PID-3 lists the patient's other identifiers in those domains;</li>
 * <li>AA / NF and no PID when it has none there;</li>
 * <li>AE / AE with ERR 204 on {@code QPD^1^3^1^1} when the identifier is unknown, on
 *     {@code QPD^1^3^1^4} when its domain is, and on {@code QPD^1^4^n^4} for an unknown domain in QPD-4.</li>
 * </ul>
 */
final class PixQuery implements Transaction {

    private final PatientRegistry registry;

    PixQuery(PatientRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Message answer(Message request) throws HL7Exception {
        try {
            Segment qpd = (Segment) request.get("QPD");
            PatientId queried = Cx.read(qpd, 3, 0);
            if (!registry.knowsDomain(queried.authority())) {
                throw Hl7Errors.error(ErrorCode.UNKNOWN_KEY_IDENTIFIER, Hl7Errors.component("QPD", 3, 1, 4),
                        "this identifier domain is not known to the registry");
            }
            Set<String> domains = QueryResponses.domains(qpd, 4, registry);
            Optional<Patient> patient = find(queried);
            if (patient.isEmpty()) {
                throw Hl7Errors.error(ErrorCode.UNKNOWN_KEY_IDENTIFIER, Hl7Errors.component("QPD", 3, 1, 1),
                        "no patient has this identifier");
            }
            List<PatientId> others = patient.get().identifiers().stream()
                    .filter(id -> !id.equals(queried))
                    .filter(id -> domains.isEmpty() || domains.contains(id.authority()))
                    .toList();
            return others.isEmpty() ? QueryResponses.respond(request, new RSP_K23(), "K23", AcknowledgmentCode.AA, "NF")
                    : found(request, others);
        } catch (HL7Exception error) {
            return QueryResponses.refuse(request, new RSP_K23(), "K23", error);
        }
    }

    private Optional<Patient> find(PatientId queried) throws HL7Exception {
        try {
            return registry.find(registry.checkedIdentifier(queried));
        } catch (PatientRegistryException refused) {
            throw Hl7Errors.of(refused, Hl7Errors.component("QPD", 3, 1, 1));
        }
    }

    /** One PID: PID-3 the identifiers, PID-5 present but empty (name type S), as IHE asks. */
    private static Message found(Message request, List<PatientId> ids) throws HL7Exception {
        RSP_K23 response = QueryResponses.respond(request, new RSP_K23(), "K23", AcknowledgmentCode.AA, "OK");
        Segment pid = response.getQUERY_RESPONSE().getPID();
        Terser.set(pid, 1, 0, 1, 1, "1");
        for (int i = 0; i < ids.size(); i++) {
            Cx.write(pid, 3, i, ids.get(i));
        }
        Terser.set(pid, 5, 0, 1, 1, "");
        Terser.set(pid, 5, 1, 7, 1, "S");
        return response;
    }
}
