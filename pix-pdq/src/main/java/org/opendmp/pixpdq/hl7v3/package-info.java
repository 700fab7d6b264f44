/**
 * HL7v3 over SOAP: ITI-44 Patient Identity Feed, ITI-45 PIXv3 query, ITI-47 PDQv3 query (the
 * DMP's TD0.5) and the DMP patient transactions (TD0.2 test of existence, TD1.1 creation, TD1.2
 * reactivation, TD1.3a/b read and modify, TD1.4 closure), read from DOM into the patient
 * registry's model and answered with DOM-built messages shaped like the DMP's own.
 *
 * <p>{@link org.opendmp.pixpdq.hl7v3.PixV3Manager} and {@link org.opendmp.pixpdq.hl7v3.DmpPatientService}
 * are the two entry points; refusals become acknowledgements in {@link org.opendmp.pixpdq.hl7v3.Hl7v3Refusal}.
 */
package org.opendmp.pixpdq.hl7v3;
