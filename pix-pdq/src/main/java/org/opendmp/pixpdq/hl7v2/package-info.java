/**
 * PIX and PDQ over HL7v2, as hospital systems speak them over MLLP: the patient identity feed
 * (ITI-8, ADT A01/A04/A05/A08/A40), the PIX query (ITI-9, QBP^Q23 / RSP^K23) and the patient
 * demographics query (ITI-21, QBP^Q22 / RSP^K22 with interactive continuation). HAPI parses and
 * builds the messages; {@link org.opendmp.pixpdq.hl7v2.Hl7v2Receiver} is the one entry point, and
 * {@link org.opendmp.pixpdq.hl7v2.Hl7Errors} the one place where refusals become ERR segments.
 * The MLLP framing and TLS live in the server.
 */
package org.opendmp.pixpdq.hl7v2;
