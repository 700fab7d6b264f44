package org.opendmp.pixpdq.hl7v3;

import static org.opendmp.pixpdq.hl7v3.Hl7v3Xml.attribute;
import static org.opendmp.pixpdq.hl7v3.Hl7v3Xml.child;
import static org.opendmp.pixpdq.hl7v3.Hl7v3Xml.path;

import org.w3c.dom.Element;

/**
 * The parts of an HL7v3 request every answer needs: the interaction (root element name), the
 * message id the acknowledgement targets, the sending and receiving devices (swapped in the answer),
 * the control act and its reason code (how the DMP tells TD0.2 from TD1.3a, TD1.3b from TD1.4).
 *
 * @param message     the root element ({@code PRPA_IN201307UV02}...)
 * @param interaction its local name
 * @param id          the message {@code id}, or null
 * @param sender      {@code sender/device}, or null
 * @param receiver    {@code receiver/device}, or null
 * @param controlAct  {@code controlActProcess}, or null
 * @param reasonCode  {@code controlActProcess/reasonCode/@code}, or null
 */
public record Hl7v3Request(Element message, String interaction, Element id, Element sender, Element receiver,
                           Element controlAct, String reasonCode) {

    /** Reads the header of an HL7v3 message element. */
    public static Hl7v3Request of(Element message) {
        Element controlAct = child(message, "controlActProcess");
        return new Hl7v3Request(message, message.getLocalName(), child(message, "id"),
                path(message, "sender", "device"), path(message, "receiver", "device"), controlAct,
                attribute(child(controlAct, "reasonCode"), "code"));
    }

    /** The control act's reasonCode element, or null. */
    public Element reasonCodeElement() {
        return child(controlAct, "reasonCode");
    }

    /** {@code controlActProcess/queryByParameter}, or null. */
    public Element query() {
        return child(controlAct, "queryByParameter");
    }

    /** The control act, or an AR refusal when the message has none. */
    public Element requiredControlAct() {
        if (controlAct == null) {
            throw Hl7v3Refusal.reject(Hl7v3Refusal.ErrorCode.REQUIRED_FIELD_MISSING,
                    "the message has no controlActProcess");
        }
        return controlAct;
    }
}
