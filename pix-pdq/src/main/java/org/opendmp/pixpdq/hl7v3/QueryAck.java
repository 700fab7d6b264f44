package org.opendmp.pixpdq.hl7v3;

import static org.opendmp.pixpdq.hl7v3.Hl7v3Xml.add;
import static org.opendmp.pixpdq.hl7v3.Hl7v3Xml.attribute;
import static org.opendmp.pixpdq.hl7v3.Hl7v3Xml.child;

import org.w3c.dom.Element;

/** The {@code queryAck} of a query answer, then the echoed {@code queryByParameter}. */
final class QueryAck {

    /** Result counts of a PDQ answer. */
    record Counts(int total, int current, int remaining) {
    }

    private QueryAck() {
    }

    /**
     * @param code   OK, NF (nothing found), AE (application error) or QE (query parameter error)
     * @param counts result quantities, or null
     */
    static void write(Element controlAct, Hl7v3Request request, String code, Counts counts) {
        Element ack = add(controlAct, "queryAck");
        Element queryId = child(request.query(), "queryId");
        if (queryId != null) {
            add(ack, "queryId", "extension", attribute(queryId, "extension"), "root", attribute(queryId, "root"));
        }
        add(ack, "queryResponseCode", "code", code);
        if (counts != null) {
            add(ack, "resultTotalQuantity", "value", String.valueOf(counts.total()));
            add(ack, "resultCurrentQuantity", "value", String.valueOf(counts.current()));
            add(ack, "resultRemainingQuantity", "value", String.valueOf(counts.remaining()));
        }
    }

    /** Copies the request's queryByParameter after the queryAck (ITI-45, ITI-47). */
    static void echoQuery(Element controlAct, Hl7v3Request request) {
        if (request.query() != null) {
            Hl7v3Xml.copy(controlAct, request.query());
        }
    }
}
