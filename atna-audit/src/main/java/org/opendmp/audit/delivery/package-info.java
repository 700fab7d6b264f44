/**
 * Reliable delivery of the audit messages to an Audit Record Repository: {@link
 * org.opendmp.audit.delivery.Auditor} (what the server calls) writes each message to a {@link
 * org.opendmp.audit.delivery.DurableAuditQueue} (an append-only journal on local disk that survives ARR
 * outages, restarts and kill -9), and {@link org.opendmp.audit.delivery.AuditDelivery} sends the journal
 * in order as RFC 5424 syslog messages over TLS (RFC 5425) or UDP (RFC 5426), at least once, each with a
 * sequence id so that the ARR drops duplicates. {@link org.opendmp.audit.delivery.AuditTrail} wires them.
 */
package org.opendmp.audit.delivery;
