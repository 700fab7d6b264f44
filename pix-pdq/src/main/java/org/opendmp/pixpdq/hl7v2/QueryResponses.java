package org.opendmp.pixpdq.hl7v2;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.AbstractMessage;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.util.DeepCopy;
import ca.uhn.hl7v2.util.Terser;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.opendmp.pixpdq.patient.PatientRegistry;

/**
 * What PIX and PDQ responses (RSP^K23, RSP^K22) share: the header filled from the query by
 * HAPI, MSA, QAK (query tag and status {@code OK}, {@code NF} or {@code AE}), the QPD echoed,
 * an ERR on errors; and the reading of "what domains returned" (QPD-4 for PIX, QPD-8 for PDQ).
 */
final class QueryResponses {

    private QueryResponses() {
    }

    /** A response of the given structure to {@code query}: MSH, MSA-1 {@code code}, QAK and the echoed QPD. */
    static <M extends AbstractMessage> M respond(Message query, M response, String event, AcknowledgmentCode code,
                                                 String queryStatus) throws HL7Exception {
        try {
            ((AbstractMessage) query).fillResponseHeader(response, code);
        } catch (IOException e) {
            throw new HL7Exception(e);
        }
        Segment msh = (Segment) response.get("MSH");
        Terser.set(msh, 9, 0, 1, 1, "RSP");
        Terser.set(msh, 9, 0, 2, 1, event);
        Terser.set(msh, 9, 0, 3, 1, response.getName());
        Segment qpd = (Segment) query.get("QPD");
        Segment qak = (Segment) response.get("QAK");
        Terser.set(qak, 1, 0, 1, 1, Terser.get(qpd, 2, 0, 1, 1));
        Terser.set(qak, 2, 0, 1, 1, queryStatus);
        DeepCopy.copy(qpd, (Segment) response.get("QPD"));
        return response;
    }

    /** An AE response carrying {@code error} in ERR. */
    static <M extends AbstractMessage> M refuse(Message query, M response, String event, HL7Exception error)
            throws HL7Exception {
        respond(query, response, event, AcknowledgmentCode.AE, "AE");
        error.populateResponse(response, Hl7Errors.ackCode(error), 0);
        return response;
    }

    /**
     * The domains asked for in field {@code field} of the QPD (CX with CX.4 only); empty means all.
     * A domain the registry does not know is an error 204 on that repetition.
     */
    static Set<String> domains(Segment qpd, int field, PatientRegistry registry) throws HL7Exception {
        Set<String> domains = new LinkedHashSet<>();
        for (int rep = 0; rep < Cx.repetitions(qpd, field); rep++) {
            String oid = Cx.authority(qpd, field, rep);
            if (!registry.knowsDomain(oid)) {
                throw Hl7Errors.error(ErrorCode.UNKNOWN_KEY_IDENTIFIER, Cx.at(qpd, field, rep, 4),
                        "this identifier domain is not known to the registry");
            }
            domains.add(oid);
        }
        return domains;
    }
}
