package org.opendmp.pixpdq.hl7v2;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.util.Terser;

/** ITI-21 query cancel, QCN^J01: forgets the continuation of the query tag in QID-1; answers ACK AA. */
final class CancelQuery implements Transaction {

    private final PdqContinuations continuations;
    private final Acks acks;

    CancelQuery(PdqContinuations continuations, Acks acks) {
        this.continuations = continuations;
        this.acks = acks;
    }

    @Override
    public Message answer(Message request) throws HL7Exception {
        String queryTag = Terser.get((Segment) request.get("QID"), 1, 0, 1, 1);
        if (queryTag != null) {
            continuations.cancel(queryTag.trim());
        }
        return acks.accept(request);
    }
}
