package org.opendmp.pixpdq.hl7v3;

import org.w3c.dom.Document;

/**
 * An answer ready to send: the SOAP body content and its WS-Addressing action.
 *
 * @param body   the document whose root element is the SOAP body's child
 * @param action the WS-Addressing Action ({@code urn:hl7-org:v3:MCCI_IN000002UV01}...)
 */
public record Hl7v3Reply(Document body, String action) {

    static final String ACTION_PREFIX = "urn:hl7-org:v3:";
}
