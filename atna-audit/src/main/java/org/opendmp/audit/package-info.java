/**
 * IHE ATNA (ITI-20): the audit events every transaction emits, their reliable delivery to an Audit
 * Record Repository over syslog (RFC 5424 over TLS, RFC 5425; or UDP, RFC 5426) through a durable
 * local queue, and an Audit Record Repository of our own (syslog listeners, storage, search, the
 * patient's access history).
 */
package org.opendmp.audit;
