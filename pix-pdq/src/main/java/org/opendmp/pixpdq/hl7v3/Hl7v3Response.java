package org.opendmp.pixpdq.hl7v3;

import static org.opendmp.pixpdq.hl7v3.Hl7v3Xml.add;
import static org.opendmp.pixpdq.hl7v3.Hl7v3Xml.addText;
import static org.opendmp.pixpdq.hl7v3.Hl7v3Xml.attribute;
import static org.opendmp.pixpdq.hl7v3.Hl7v3Xml.child;
import static org.opendmp.pixpdq.hl7v3.Hl7v3Xml.text;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Writes the transmission wrapper of an answer: id, creationTime, interactionId, processing codes,
 * the request's sender as receiver and its receiver as sender, then (after any attentionLine the
 * caller adds) the acknowledgement of the request's id. The 2008 edition (ITI-44, ITI-45, ITI-47)
 * writes the acknowledgement type as an element, {@code <typeCode code="AA"/>}; the 2009 edition of
 * the DMP's own messages as an attribute, {@code typeCode="AA"}: both as the DMP sends them.
 */
final class Hl7v3Response {

    /** The DMP's device id (receiver of the DMP's requests), used when a request names none. */
    static final String DMP_DEVICE = "1.2.250.1.213.4.1.1.1";
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private final Element root;
    private final Hl7v3Request request;
    private final boolean edition2009;

    private Hl7v3Response(Element root, Hl7v3Request request, boolean edition2009) {
        this.root = root;
        this.request = request;
        this.edition2009 = edition2009;
    }

    /**
     * Starts an answer under {@code parent} (a new Document, or a DMP wrapper element).
     *
     * @param edition2009 whether the interaction is one of the DMP's 2009-edition messages
     */
    static Hl7v3Response start(Node parent, String interaction, Hl7v3Request request, boolean edition2009,
                               Clock clock) {
        Element root = add(parent, interaction, "ITSVersion", "XML_1.0");
        add(root, "id", "root", UUID.randomUUID().toString());
        add(root, "creationTime", "value", TS.format(clock.instant()));
        add(root, "interactionId", "extension", interaction, "root", "2.16.840.1.113883.1.6");
        add(root, "processingCode", "code", "P");
        add(root, "processingModeCode", "code", "T");
        add(root, "acceptAckCode", "code", "NE");
        device(add(root, "receiver", "typeCode", "RCV"), request.sender(), null);
        device(add(root, "sender", "typeCode", "SND"), request.receiver(), DMP_DEVICE);
        return new Hl7v3Response(root, request, edition2009);
    }

    Element root() {
        return root;
    }

    /** Adds the acknowledgement: AA, or AE/AR with one detail when {@code refusal} is not null. */
    Element acknowledge(Hl7v3Refusal refusal) {
        String typeCode = refusal == null ? "AA" : refusal.typeCode();
        Element ack = edition2009 ? add(root, "acknowledgement", "typeCode", typeCode) : add(root, "acknowledgement");
        if (!edition2009) {
            add(ack, "typeCode", "code", typeCode);
        }
        Element target = add(ack, "targetMessage");
        if (request.id() != null) {
            add(target, "id", "extension", attribute(request.id(), "extension"), "root", attribute(request.id(), "root"));
        } else {
            add(target, "id", "nullFlavor", "NI");
        }
        if (refusal != null) {
            Element detail = add(ack, "acknowledgementDetail", "typeCode", "E");
            add(detail, "code", "code", refusal.code().code(), "codeSystem", Hl7v3Refusal.ERROR_CODE_SYSTEM);
            addText(detail, "text", refusal.getMessage());
            if (refusal.location() != null) {
                addText(detail, "location", refusal.location());
            }
        }
        return ack;
    }

    /** Adds {@code controlActProcess} (classCode CACT, moodCode EVN). */
    Element controlAct() {
        return add(root, "controlActProcess", "classCode", "CACT", "moodCode", "EVN");
    }

    /** Copies the request's reasonCode into the answer's control act, as the DMP does. */
    void echoReasonCode(Element controlAct) {
        Element reason = request.reasonCodeElement();
        if (reason != null) {
            add(controlAct, "reasonCode", "code", attribute(reason, "code"), "codeSystem",
                    attribute(reason, "codeSystem"), "displayName", attribute(reason, "displayName"));
        }
    }

    private static void device(Element role, Element requestDevice, String fallbackId) {
        Element device = add(role, "device", "classCode", "DEV", "determinerCode", "INSTANCE");
        Element id = child(requestDevice, "id");
        String root = attribute(id, "root");
        if (root != null) {
            add(device, "id", "root", root, "extension", attribute(id, "extension"));
        } else if (fallbackId != null) {
            add(device, "id", "root", fallbackId);
        } else {
            add(device, "id", "nullFlavor", "NI");
        }
        String name = text(child(requestDevice, "softwareName"));
        if (name != null) {
            addText(device, "softwareName", name);
        }
    }
}
