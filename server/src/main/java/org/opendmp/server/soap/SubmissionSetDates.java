package org.opendmp.server.soap;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opendmp.pixpdq.habilitation.LastDocumentDates;
import org.opendmp.pixpdq.patient.PatientId;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * When each patient's DMP last received a document, from the registry's SubmissionSets: the greatest
 * {@code submission_time} (a number {@code YYYYMMDDhhmmss}, UTC, as submitted) per {@code patient_id},
 * which the registry keys on the canonical INS {@code id^^^&oid&ISO} (a merge moves them to the
 * surviving INS). Patients are asked in batches, each one indexed query.
 */
final class SubmissionSetDates implements LastDocumentDates {

    private static final int BATCH = 500;
    private static final DateTimeFormatter DTM = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");

    private final JdbcTemplate jdbc;

    SubmissionSetDates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<PatientId, Instant> of(Collection<PatientId> patients) {
        Map<String, PatientId> byKey = new HashMap<>();
        patients.forEach(p -> byKey.put(p.canonical(), p));
        List<String> keys = new ArrayList<>(byKey.keySet());
        Map<PatientId, Instant> dates = new HashMap<>();
        for (int from = 0; from < keys.size(); from += BATCH) {
            List<String> batch = keys.subList(from, Math.min(keys.size(), from + BATCH));
            String in = String.join(",", Collections.nCopies(batch.size(), "?"));
            jdbc.query("SELECT patient_id, MAX(submission_time) FROM submission_set WHERE patient_id IN (" + in
                    + ") GROUP BY patient_id", rs -> {
                        dates.put(byKey.get(rs.getString(1)), instant(rs.getLong(2)));
                    }, batch.toArray());
        }
        return dates;
    }

    private static Instant instant(long dtm) {
        return LocalDateTime.parse(Long.toString(dtm), DTM).toInstant(ZoneOffset.UTC);
    }
}
