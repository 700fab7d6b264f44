package org.opendmp.audit.arr;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An auditor's search; every filter but the time range is optional (null or empty), and all given
 * filters must match. Results come newest first (event time, then id), {@code limit} at a time;
 * {@code after} continues after the last result of the previous page.
 *
 * @param from        events at or after this EventDateTime
 * @param to          events before this EventDateTime
 * @param patientKeys patients, as {@link PatientKeys} forms; an event naming any of them matches
 * @param userKey     the human requestor's id ({@link AuditRecord.Requestor#key()})
 * @param eventId     the EventID code, e.g. {@code 110112}
 * @param eventType   an EventTypeCode code, e.g. {@code ITI-18}
 * @param outcome     the EventOutcomeIndicator
 * @param action      the EventActionCode
 * @param purpose     the PurposeOfUse code, e.g. {@code bris_de_glace}
 * @param objectId    a document or submission set uniqueId named by the event
 * @param after       the page cursor, or null for the first page
 * @param limit       the most events to return
 */
public record AuditQuery(Instant from, Instant to, List<String> patientKeys, String userKey, String eventId,
                         String eventType, Integer outcome, String action, String purpose, String objectId,
                         Cursor after, int limit) {

    public AuditQuery {
        patientKeys = patientKeys == null ? List.of() : List.copyOf(patientKeys);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }

    /** A position in the newest-first order: the last event of a page. */
    public record Cursor(long eventTime, UUID id) {

        /** {@code <epoch millis>_<uuid>}, for a {@code next} link. */
        public String token() {
            return eventTime + "_" + id;
        }

        /** Reads {@link #token()}; null when malformed. */
        public static Cursor parse(String token) {
            int underscore = token == null ? -1 : token.indexOf('_');
            if (underscore < 1) {
                return null;
            }
            try {
                return new Cursor(Long.parseLong(token.substring(0, underscore)),
                        UUID.fromString(token.substring(underscore + 1)));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
