package org.opendmp.pixpdq.habilitation;

import org.w3c.dom.Document;

/**
 * An answer of the DMP's web services ready to send: the SOAP body content and its WS-Addressing action.
 *
 * @param body   the document whose root element is the SOAP body's child
 * @param action the WS-Addressing Action, e.g. {@code urn:si-dmp-habilitations:HabilitationsEndPoint:setAuthorizationResponse}
 */
public record DmpReply(Document body, String action) {
}
