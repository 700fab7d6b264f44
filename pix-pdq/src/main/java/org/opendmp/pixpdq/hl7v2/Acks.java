package org.opendmp.pixpdq.hl7v2;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.util.Terser;
import java.io.IOException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * General acknowledgements (ACK): HAPI builds them from the received message (MSH swapped,
 * MSA-2 its control id, ERR from the error); a message HAPI cannot read gets an ACK built from
 * its raw MSH, in version 2.3.1 when it came in 2.3.1 and 2.5 otherwise.
 */
final class Acks {

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final HapiContext hapi;

    Acks(HapiContext hapi) {
        this.hapi = hapi;
    }

    /**
     * AA: MSH with sender and receiver swapped, MSA-2 the request's control id, in the request's
     * version. Filled field by field rather than with HAPI's {@code generateACK}, whose copy of
     * the header and calendar-based timestamp were an eighth of an ITI-8 feed's CPU time.
     */
    Message accept(Message request) throws HL7Exception {
        Segment requestHeader = (Segment) request.get("MSH");
        boolean v231 = "2.3.1".equals(request.getVersion());
        Message ack = v231 ? hapi.newMessage(ca.uhn.hl7v2.model.v231.message.ACK.class)
                : hapi.newMessage(ca.uhn.hl7v2.model.v25.message.ACK.class);
        Segment msh = (Segment) ack.get("MSH");
        Terser.set(msh, 1, 0, 1, 1, "|");
        Terser.set(msh, 2, 0, 1, 1, RawMessage.ENCODING_CHARACTERS);
        for (int component = 1; component <= 3; component++) {
            Terser.set(msh, 3, 0, component, 1, Terser.get(requestHeader, 5, 0, component, 1));
            Terser.set(msh, 4, 0, component, 1, Terser.get(requestHeader, 6, 0, component, 1));
            Terser.set(msh, 5, 0, component, 1, Terser.get(requestHeader, 3, 0, component, 1));
            Terser.set(msh, 6, 0, component, 1, Terser.get(requestHeader, 4, 0, component, 1));
        }
        Terser.set(msh, 7, 0, 1, 1, ZonedDateTime.now(ZoneId.of("Europe/Paris")).format(TS));
        Terser.set(msh, 9, 0, 1, 1, "ACK");
        Terser.set(msh, 9, 0, 2, 1, Terser.get(requestHeader, 9, 0, 2, 1));
        Terser.set(msh, 9, 0, 3, 1, "ACK");
        Terser.set(msh, 10, 0, 1, 1, new ControlIds().getID());
        Terser.set(msh, 11, 0, 1, 1, Terser.get(requestHeader, 11, 0, 1, 1));
        Terser.set(msh, 12, 0, 1, 1, v231 ? "2.3.1" : "2.5");
        Segment msa = (Segment) ack.get("MSA");
        Terser.set(msa, 1, 0, 1, 1, AcknowledgmentCode.AA.name());
        Terser.set(msa, 2, 0, 1, 1, Terser.get(requestHeader, 10, 0, 1, 1));
        return ack;
    }

    /** AE or AR (see {@link Hl7Errors#ackCode}) with one ERR segment. */
    Message refuse(Message request, HL7Exception error) throws HL7Exception {
        try {
            return request.generateACK(Hl7Errors.ackCode(error), error);
        } catch (IOException e) {
            throw new HL7Exception(e);
        }
    }

    /** AE or AR for a message HAPI could not read, from what its MSH says (anything may be missing). */
    String refuse(RawMessage raw, HL7Exception error) throws HL7Exception {
        boolean v231 = raw != null && "2.3.1".equals(raw.version());
        Message ack = v231 ? hapi.newMessage(ca.uhn.hl7v2.model.v231.message.ACK.class)
                : hapi.newMessage(ca.uhn.hl7v2.model.v25.message.ACK.class);
        Segment msh = (Segment) ack.get("MSH");
        Terser.set(msh, 1, 0, 1, 1, "|");
        Terser.set(msh, 2, 0, 1, 1, RawMessage.ENCODING_CHARACTERS);
        Terser.set(msh, 7, 0, 1, 1, ZonedDateTime.now(ZoneId.of("Europe/Paris")).format(TS));
        Terser.set(msh, 9, 0, 1, 1, "ACK");
        Terser.set(msh, 10, 0, 1, 1, new ControlIds().getID());
        Terser.set(msh, 11, 0, 1, 1, "P");
        Terser.set(msh, 12, 0, 1, 1, v231 ? "2.3.1" : "2.5");
        if (raw != null) {
            Terser.set(msh, 3, 0, 1, 1, raw.msh(5, 1));
            Terser.set(msh, 4, 0, 1, 1, raw.msh(6, 1));
            Terser.set(msh, 5, 0, 1, 1, raw.msh(3, 1));
            Terser.set(msh, 6, 0, 1, 1, raw.msh(4, 1));
            Terser.set(msh, 9, 0, 2, 1, raw.triggerEvent());
            Terser.set((Segment) ack.get("MSA"), 2, 0, 1, 1, raw.controlId());
        }
        AcknowledgmentCode code = Hl7Errors.ackCode(error);
        error.populateResponse(ack, code, 0);
        return ack.encode();
    }
}
