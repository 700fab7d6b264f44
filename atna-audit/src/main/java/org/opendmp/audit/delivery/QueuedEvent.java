package org.opendmp.audit.delivery;

/**
 * One event of the journal.
 *
 * @param sequence        its position in the journal, from 1, never reused by this journal
 * @param appendedAtMillis when it was appended (epoch milliseconds): the syslog TIMESTAMP, identical on re-sends
 * @param payload         the audit message (UTF-8 XML)
 */
public record QueuedEvent(long sequence, long appendedAtMillis, byte[] payload) {
}
