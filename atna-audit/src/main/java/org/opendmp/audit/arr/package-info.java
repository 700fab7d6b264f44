/**
 * The Audit Record Repository (IHE ATNA, ITI-20 receiver): syslog listeners over TLS (RFC 5425,
 * octet-counting framing, mutual TLS) and UDP (RFC 5426); RFC 5424 messages whose MSG is a DICOM audit
 * message, read with a hardened parser and validated against the DICOM schema; their searchable fields
 * stored in batches ({@link org.opendmp.audit.arr.AuditStore}); malformed input counted by
 * {@link org.opendmp.audit.arr.RejectReason}, logged without content and kept as a raw reject. Nothing a
 * peer sends brings a listener down. Wiring and the HTTP search API live in the server; this package
 * knows nothing of Spring beyond JDBC.
 */
package org.opendmp.audit.arr;
