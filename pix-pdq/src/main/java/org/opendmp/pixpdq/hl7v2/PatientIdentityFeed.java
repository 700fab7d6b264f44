package org.opendmp.pixpdq.hl7v2;

import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.Location;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.util.Terser;
import java.util.List;
import org.opendmp.pixpdq.patient.PatientId;
import org.opendmp.pixpdq.patient.PatientRegistry;
import org.opendmp.pixpdq.patient.PatientRegistryException;

/**
 * ITI-8 Patient Identity Feed (HL7 2.5, or 2.3.1): ADT A01 (admit), A04 (register) and A05
 * (pre-admit) add or update the patient keyed on the INS in PID-3; A08 revises the traits of a
 * known patient; A40 merges the patient of MRG-1 (subsumed) into the one of PID-3 (surviving).
 * The answer is an ACK: AA, or AE/AR with an ERR naming the field. A refused message changes nothing.
 */
final class PatientIdentityFeed implements Transaction {

    private final PatientRegistry registry;
    private final Acks acks;

    PatientIdentityFeed(PatientRegistry registry, Acks acks) {
        this.registry = registry;
        this.acks = acks;
    }

    @Override
    public Message answer(Message request) throws HL7Exception {
        Terser terser = new Terser(request);
        String event = terser.get("/MSH-9-2");
        PidReader pid = new PidReader(terser.getSegment("/.PID"));
        List<PatientId> ids = pid.identifiers();
        try {
            switch (event) {
                case "A01", "A04", "A05" -> registry.feed(ids, pid.traits(), pid.telecoms());
                case "A08" -> registry.revise(ids, pid.traits(), pid.telecoms());
                case "A40" -> merge(ids, terser.getSegment("/.MRG"));
                default -> throw Hl7Errors.error(ErrorCode.UNSUPPORTED_EVENT_CODE, Hl7Errors.component("MSH", 9, 1, 2),
                        "ITI-8 accepts the events A01, A04, A05, A08 and A40");
            }
        } catch (PatientRegistryException refused) {
            throw Hl7Errors.of(refused, Hl7Errors.field("PID", 3));
        }
        return acks.accept(request);
    }

    /** A40: PID-3 names the surviving patient, MRG-1 the subsumed one (its INS when it carries one, else the first). */
    private void merge(List<PatientId> surviving, Segment mrg) throws HL7Exception {
        int count = Cx.repetitions(mrg, 1);
        if (count == 0) {
            throw Hl7Errors.error(ErrorCode.REQUIRED_FIELD_MISSING, Hl7Errors.field("MRG", 1),
                    "MRG-1, the identifier merged away, is required");
        }
        PatientId subsumed = Cx.read(mrg, 1, 0);
        for (int rep = 1; rep < count && !subsumed.isIns(); rep++) {
            PatientId candidate = Cx.read(mrg, 1, rep);
            if (candidate.isIns()) {
                subsumed = candidate;
            }
        }
        if (surviving.stream().noneMatch(id -> registry.find(id).isPresent())) {
            checkEach(surviving, Hl7Errors.field("PID", 3));
            throw Hl7Errors.error(ErrorCode.UNKNOWN_KEY_IDENTIFIER, Hl7Errors.field("PID", 3),
                    "the surviving patient is unknown");
        }
        try {
            registry.merge(surviving, subsumed);
        } catch (PatientRegistryException refused) {
            throw Hl7Errors.of(refused, Hl7Errors.field("MRG", 1));
        }
    }

    /** Form, authority and key of each identifier, so a malformed one is named as such rather than unknown. */
    private void checkEach(List<PatientId> ids, Location where) throws HL7Exception {
        try {
            ids.forEach(registry::checkedIdentifier);
        } catch (PatientRegistryException refused) {
            throw Hl7Errors.of(refused, where);
        }
    }
}
