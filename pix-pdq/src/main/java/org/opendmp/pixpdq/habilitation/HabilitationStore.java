package org.opendmp.pixpdq.habilitation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opendmp.pixpdq.patient.PatientId;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code habilitation} table: rows in, rows out. Joins the caller's transaction; the rules live
 * in {@link Habilitations}. Rows are keyed on the patient's canonical INS, as the patient table is;
 * TD0.4's list joins that table for the patients' names in the same query.
 */
final class HabilitationStore {

    private static final String COLUMNS = "professional_id, status, treating_doctor, first_name, last_name,"
            + " profession_code, specialty_code, facility_id, started_at, last_action_at";

    private final JdbcTemplate jdbc;

    HabilitationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The relation of one professional to one patient: one primary-key lookup. */
    Relation relation(PatientId patient, String professionalId) {
        return jdbc.query("SELECT status, treating_doctor FROM habilitation WHERE patient_id = ? AND professional_id = ?",
                        (rs, n) -> Relation.of(Mode.valueOf(rs.getString(1)), rs.getBoolean(2)),
                        patient.canonical(), professionalId)
                .stream().findFirst().orElse(Relation.NONE);
    }

    Optional<Habilitation> find(PatientId patient, String professionalId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM habilitation WHERE patient_id = ? AND professional_id = ?",
                (rs, n) -> habilitation(patient, rs), patient.canonical(), professionalId).stream().findFirst();
    }

    /** Every entry of the patient: authorized first, then blocked, each by last name (unknown first) and id. */
    List<Habilitation> list(PatientId patient) {
        return jdbc.query("SELECT " + COLUMNS + " FROM habilitation WHERE patient_id = ?"
                        + " ORDER BY status, COALESCE(last_name, ''), professional_id",
                (rs, n) -> habilitation(patient, rs), patient.canonical());
    }

    /** The professional id of the patient's treating doctor, if any. */
    Optional<String> treatingDoctor(PatientId patient) {
        return jdbc.query("SELECT professional_id FROM habilitation WHERE patient_id = ? AND treating_doctor = TRUE",
                (rs, n) -> rs.getString(1), patient.canonical()).stream().findFirst();
    }

    void insert(Habilitation h) {
        Professional p = h.professional();
        jdbc.update("INSERT INTO habilitation (patient_id, " + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                h.patient().canonical(), p.id(), h.mode().name(), h.treatingDoctor(), p.firstName(), p.lastName(),
                p.professionCode(), p.specialtyCode(), p.facilityId(), Timestamp.from(h.since()),
                Timestamp.from(h.lastAction()));
    }

    void update(Habilitation h) {
        Professional p = h.professional();
        jdbc.update("UPDATE habilitation SET status = ?, treating_doctor = ?, first_name = ?, last_name = ?,"
                        + " profession_code = ?, specialty_code = ?, facility_id = ?, started_at = ?, last_action_at = ?"
                        + " WHERE patient_id = ? AND professional_id = ?",
                h.mode().name(), h.treatingDoctor(), p.firstName(), p.lastName(), p.professionCode(),
                p.specialtyCode(), p.facilityId(), Timestamp.from(h.since()), Timestamp.from(h.lastAction()),
                h.patient().canonical(), p.id());
    }

    /** Saves {@code h} whether or not its row exists. */
    void save(Habilitation h, boolean exists) {
        if (exists) {
            update(h);
        } else {
            insert(h);
        }
    }

    void delete(PatientId patient, String professionalId) {
        jdbc.update("DELETE FROM habilitation WHERE patient_id = ? AND professional_id = ?",
                patient.canonical(), professionalId);
    }

    /** Drops the treating-doctor flag of every entry of the patient but {@code keep}'s. */
    void clearTreatingDoctor(PatientId patient, String keep, Instant now) {
        jdbc.update("UPDATE habilitation SET treating_doctor = FALSE, last_action_at = ?"
                        + " WHERE patient_id = ? AND treating_doctor = TRUE AND professional_id <> ?",
                Timestamp.from(now), patient.canonical(), keep);
    }

    /**
     * The patients on whose DMP the professional holds an authorization (active patients only),
     * optionally only those authorized since {@code authorizedSince}; by INS.
     */
    List<AuthorizedPatient> authorizedPatients(String professionalId, Instant authorizedSince) {
        List<Object> args = new ArrayList<>(List.of(professionalId, Mode.ACTIVE.name()));
        String since = "";
        if (authorizedSince != null) {
            since = " AND h.started_at >= ?";
            args.add(Timestamp.from(authorizedSince));
        }
        return jdbc.query("SELECT p.ins_id, p.ins_authority, p.birth_name, p.used_name, p.given_names, p.birth_date,"
                        + " p.updated_at, h.treating_doctor, h.started_at, h.last_action_at"
                        + " FROM habilitation h JOIN patient p ON p.patient_id = h.patient_id"
                        + " WHERE h.professional_id = ? AND h.status = ? AND p.merged_into IS NULL" + since
                        + " ORDER BY p.patient_id",
                (rs, n) -> authorizedPatient(rs), args.toArray());
    }

    private static AuthorizedPatient authorizedPatient(ResultSet rs) throws SQLException {
        String birthName = rs.getString("birth_name");
        String usedName = rs.getString("used_name");
        String given = rs.getString("given_names");
        String firstName = given == null || given.isBlank() ? null : given.trim().split(" ")[0];
        java.sql.Date birthDate = rs.getDate("birth_date");
        return new AuthorizedPatient(new PatientId(rs.getString("ins_id"), rs.getString("ins_authority")),
                usedName == null || usedName.isBlank() ? birthName : usedName, birthName, firstName,
                birthDate == null ? null : birthDate.toLocalDate(), rs.getBoolean("treating_doctor"),
                rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("last_action_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), null);
    }

    private static Habilitation habilitation(PatientId patient, ResultSet rs) throws SQLException {
        Professional professional = new Professional(rs.getString("professional_id"), rs.getString("first_name"),
                rs.getString("last_name"), rs.getString("profession_code"), rs.getString("specialty_code"),
                rs.getString("facility_id"));
        return new Habilitation(patient, professional, Mode.valueOf(rs.getString("status")),
                rs.getBoolean("treating_doctor"), rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("last_action_at").toInstant());
    }
}
