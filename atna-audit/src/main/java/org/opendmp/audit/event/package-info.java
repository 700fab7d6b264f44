/**
 * The audit events of IHE ATNA in the DICOM audit message format (DICOM PS3.15 A.5, the schema IHE ITI
 * TF-2 uses): {@link org.opendmp.audit.event.AuditRecordInput} says what happened in a transaction, in
 * neutral terms; {@link org.opendmp.audit.event.AuditEvents} turns it into the audit message IHE ITI
 * TF-2 specifies for that transaction ({@link org.opendmp.audit.event.AuditTransaction} lists them, the
 * DMP's own transactions included) and writes it as UTF-8 XML. Security events (refused TLS connection,
 * refused VIHF, access-rule denial) are {@link org.opendmp.audit.event.SecurityEvent}s.
 *
 * <p>The message model and its serialisation are those of IPF's {@code ipf-commons-audit}.
 */
package org.opendmp.audit.event;
