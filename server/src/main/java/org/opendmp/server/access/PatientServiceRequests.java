package org.opendmp.server.access;

import org.opendmp.pixpdq.ins.InsOids;
import org.opendmp.pixpdq.patient.PatientId;
import org.opendmp.security.access.DmpTransaction;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Which DMP transaction a message of the patients or habilitations service is, and which INS it is
 * about, read just far enough for the access rules (the services read the message fully afterwards).
 */
public final class PatientServiceRequests {

    private static final String HL7 = "urn:hl7-org:v3";
    private static final String HABILITATIONS = "urn:si-dmp-habilitations";

    private PatientServiceRequests() {
    }

    /** The transaction of {@code message} (the SOAP body's element), or null when it is none the rules know. */
    public static DmpTransaction transactionOf(Element message) {
        String name = message.getLocalName();
        if (HABILITATIONS.equals(message.getNamespaceURI())) {
            return switch (name) {
                case "setAuthorization" -> DmpTransaction.TD0_3;
                case "listAuthorizationByPatient" -> DmpTransaction.TD1_6;
                default -> null;
            };
        }
        if ("patientList".equals(name)) {
            return DmpTransaction.TD0_4;
        }
        if (!HL7.equals(message.getNamespaceURI())) {
            return null;
        }
        String reason = reasonCode(message);
        return switch (name) {
            case "PRPA_IN201305UV02" -> DmpTransaction.TD0_5;
            case "PRPA_IN201311UV02" -> DmpTransaction.TD1_1;
            case "PRPA_IN201307UV02" -> "CNSLT_DATA".equals(reason) ? DmpTransaction.TD1_3A : DmpTransaction.TD0_2;
            case "PRPA_IN201314UV02" -> switch (reason == null ? "" : reason) {
                case "REAC" -> DmpTransaction.TD1_2;
                case "FERM" -> DmpTransaction.TD1_4;
                default -> DmpTransaction.TD1_3B;
            };
            default -> null;
        };
    }

    /** Whether a TD0.3 request removes the caller's own authorization or status (always allowed). */
    public static boolean isRemoval(Element setAuthorization) {
        Element action = child(setAuthorization, "action");
        return action != null && "SUPPRESSION".equals(action.getTextContent().trim());
    }

    /**
     * The first INS the HL7v3 message names ({@code root} an INS OID, {@code extension} the number), or null.
     * The DMP's patient messages name one patient.
     */
    public static PatientId insOf(Element message) {
        for (Node node = message.getFirstChild(); node != null; node = next(node, message)) {
            if (node instanceof Element element && InsOids.isIns(element.getAttribute("root"))
                    && !element.getAttribute("extension").isEmpty()) {
                return new PatientId(element.getAttribute("extension"), element.getAttribute("root"));
            }
        }
        return null;
    }

    private static String reasonCode(Element message) {
        Element act = child(message, "controlActProcess");
        Element reason = act == null ? null : child(act, "reasonCode");
        return reason == null ? null : reason.getAttribute("code");
    }

    private static Element child(Element parent, String localName) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName.equals(element.getLocalName())) {
                return element;
            }
        }
        return null;
    }

    /** Document order walk inside {@code root}. */
    private static Node next(Node node, Node root) {
        if (node.getFirstChild() != null) {
            return node.getFirstChild();
        }
        for (Node n = node; n != null && n != root; n = n.getParentNode()) {
            if (n.getNextSibling() != null) {
                return n.getNextSibling();
            }
        }
        return null;
    }
}
