package org.opendmp.pixpdq.hl7v2;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;

/** One HL7v2 transaction: the answer to a parsed request, or an {@link HL7Exception} made by {@link Hl7Errors}. */
interface Transaction {

    Message answer(Message request) throws HL7Exception;
}
