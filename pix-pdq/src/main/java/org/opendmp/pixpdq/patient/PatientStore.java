package org.opendmp.pixpdq.patient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The patient tables: rows in, rows out. Joins the caller's transaction; the rules live in
 * {@link PatientRegistry}.
 */
final class PatientStore {

    /** A patient row: the patient, and whom it was merged into (null when it is active). */
    record Row(Patient patient, String mergedInto) {
    }

    private static final String COLUMNS = "patient_id, ins_id, ins_authority, birth_name, used_name, given_names, sex,"
            + " birth_date, birth_place_code, dmp_status, closed_at, closure_reason, consent, opposition_bris_de_glace,"
            + " opposition_centre_15, merged_into, updated_at";
    private static final String GIVEN_NAME_SEPARATOR = " ";
    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}");
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    private final JdbcTemplate jdbc;

    PatientStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> byIns(PatientId ins, boolean forUpdate) {
        List<Row> rows = rows("SELECT " + COLUMNS + " FROM patient WHERE patient_id = ?" + (forUpdate ? " FOR UPDATE" : ""),
                ins.canonical());
        return rows.stream().findFirst();
    }

    /** The INS a local identifier is cross-referenced to. */
    Optional<String> insOfLocalId(PatientId localId) {
        return jdbc.query("SELECT patient_id FROM patient_identifier WHERE authority = ? AND id = ?",
                (rs, n) -> rs.getString(1), localId.authority(), localId.id()).stream().findFirst();
    }

    /** The DMP status and {@code merged_into} of the patient an identifier names (INS or local), in one query. */
    Optional<String[]> statusOf(PatientId identifier, boolean forUpdate) {
        List<String[]> rows = identifier.isIns()
                ? jdbc.query("SELECT dmp_status, merged_into FROM patient WHERE patient_id = ?"
                                + (forUpdate ? " FOR UPDATE" : ""),
                        (rs, n) -> new String[] {rs.getString(1), rs.getString(2)}, identifier.canonical())
                : jdbc.query("SELECT p.dmp_status, p.merged_into FROM patient p JOIN patient_identifier i"
                                + " ON i.patient_id = p.patient_id WHERE i.authority = ? AND i.id = ?"
                                + (forUpdate ? " FOR UPDATE" : ""),
                        (rs, n) -> new String[] {rs.getString(1), rs.getString(2)}, identifier.authority(),
                        identifier.id());
        return rows.stream().findFirst();
    }

    /** The INS (canonical) each already cross-referenced identifier of {@code localIds} belongs to, in one query. */
    Map<PatientId, String> ownersOf(List<PatientId> localIds) {
        Map<PatientId, String> owners = new HashMap<>();
        if (localIds.isEmpty()) {
            return owners;
        }
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder();
        for (PatientId id : localIds) {
            where.append(where.length() == 0 ? "" : " OR ").append("(authority = ? AND id = ?)");
            args.add(id.authority());
            args.add(id.id());
        }
        jdbc.query("SELECT authority, id, patient_id FROM patient_identifier WHERE " + where,
                rs -> {
                    owners.put(new PatientId(rs.getString(2), rs.getString(1)), rs.getString(3));
                }, args.toArray());
        return owners;
    }

    /** Whether any local identifier has this assigning authority. */
    boolean hasLocalAuthority(String authority) {
        return !jdbc.query("SELECT 1 FROM patient_identifier WHERE authority = ? FETCH FIRST 1 ROWS ONLY",
                (rs, n) -> 1, authority).isEmpty();
    }

    Optional<Row> byPatientId(String patientId) {
        return rows("SELECT " + COLUMNS + " FROM patient WHERE patient_id = ?", patientId).stream().findFirst();
    }

    void insert(Patient patient, Instant now) {
        IdentityTraits t = patient.traits();
        Dmp dmp = patient.dmp();
        jdbc.update("INSERT INTO patient (" + COLUMNS.replace(", updated_at", "")
                        + ", birth_name_key, used_name_key, given_name_key, updated_at)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                patient.ins().canonical(), patient.ins().id(), patient.ins().authority(), t.birthName(), t.usedName(),
                String.join(GIVEN_NAME_SEPARATOR, t.givenNames()), t.sex().name(), t.birthDate(), t.birthPlaceCode(),
                dmp.status().name(), timestamp(dmp.closedAt()), dmp.closureReason(), dmp.consent(),
                dmp.oppositionBrisDeGlace(), dmp.oppositionCentre15(), null,
                nameKey(t.birthName()), nameKey(t.usedName()), nameKey(t.firstGivenName()), Timestamp.from(now));
        insertLocalIds(patient.ins(), patient.localIds());
        insertTelecoms(patient.ins(), patient.telecoms());
    }

    void updateTraits(PatientId ins, IdentityTraits t, Instant now) {
        jdbc.update("UPDATE patient SET birth_name = ?, birth_name_key = ?, used_name = ?, used_name_key = ?,"
                        + " given_names = ?, given_name_key = ?, sex = ?, birth_date = ?, birth_place_code = ?,"
                        + " updated_at = ? WHERE patient_id = ?",
                t.birthName(), nameKey(t.birthName()), t.usedName(), nameKey(t.usedName()),
                String.join(GIVEN_NAME_SEPARATOR, t.givenNames()), nameKey(t.firstGivenName()), t.sex().name(),
                t.birthDate(), t.birthPlaceCode(), Timestamp.from(now), ins.canonical());
    }

    void updateDmp(PatientId ins, Dmp dmp, Instant now) {
        jdbc.update("UPDATE patient SET dmp_status = ?, closed_at = ?, closure_reason = ?, consent = ?,"
                        + " opposition_bris_de_glace = ?, opposition_centre_15 = ?, updated_at = ? WHERE patient_id = ?",
                dmp.status().name(), timestamp(dmp.closedAt()), dmp.closureReason(), dmp.consent(),
                dmp.oppositionBrisDeGlace(), dmp.oppositionCentre15(), Timestamp.from(now), ins.canonical());
    }

    void markMerged(PatientId subsumed, PatientId surviving, Instant now) {
        jdbc.update("UPDATE patient SET merged_into = ?, updated_at = ? WHERE patient_id = ?",
                surviving.canonical(), Timestamp.from(now), subsumed.canonical());
    }

    void insertLocalIds(PatientId ins, List<PatientId> localIds) {
        if (localIds.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO patient_identifier (authority, id, patient_id) VALUES (?,?,?)",
                localIds.stream().map(id -> new Object[] {id.authority(), id.id(), ins.canonical()}).toList());
    }

    void deleteLocalId(PatientId localId) {
        jdbc.update("DELETE FROM patient_identifier WHERE authority = ? AND id = ?", localId.authority(), localId.id());
    }

    /** Moves every local identifier of {@code from} to {@code to}. */
    void moveLocalIds(PatientId from, PatientId to) {
        jdbc.update("UPDATE patient_identifier SET patient_id = ? WHERE patient_id = ?", to.canonical(), from.canonical());
    }

    void replaceTelecoms(PatientId ins, List<Telecom> telecoms) {
        jdbc.update("DELETE FROM patient_telecom WHERE patient_id = ?", ins.canonical());
        insertTelecoms(ins, telecoms);
    }

    private void insertTelecoms(PatientId ins, List<Telecom> telecoms) {
        if (telecoms.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < telecoms.size(); i++) {
            rows.add(new Object[] {ins.canonical(), i, telecoms.get(i).use(), telecoms.get(i).value()});
        }
        jdbc.batchUpdate("INSERT INTO patient_telecom (patient_id, position, use_code, telecom) VALUES (?,?,?,?)", rows);
    }

    /** Active patients matching {@code query}, ordered by patient id, a page of them. */
    List<Patient> search(PatientQuery query, int offset, int limit) {
        StringBuilder where = new StringBuilder(" WHERE p.merged_into IS NULL");
        List<Object> args = new ArrayList<>();
        if (query.familyName() != null) {
            where.append(" AND (").append(nameCondition("p.birth_name_key", query.familyName(), args))
                    .append(" OR ").append(nameCondition("p.used_name_key", query.familyName(), args)).append(')');
        }
        if (query.givenName() != null) {
            where.append(" AND ").append(nameCondition("p.given_name_key", query.givenName(), args));
        }
        if (query.sex() != null) {
            where.append(" AND p.sex = ?");
            args.add(query.sex().name());
        }
        if (query.birthDate() != null) {
            where.append(" AND p.birth_date = ?");
            args.add(query.birthDate());
        }
        if (query.birthPlaceCode() != null) {
            where.append(" AND p.birth_place_code = ?");
            args.add(query.birthPlaceCode());
        }
        if (query.identifier() != null) {
            where.append(" AND (p.patient_id = ? OR p.patient_id IN"
                    + " (SELECT patient_id FROM patient_identifier WHERE authority = ? AND id = ?))");
            args.add(query.identifier().canonical());
            args.add(query.identifier().authority());
            args.add(query.identifier().id());
        }
        args.add(limit);
        args.add(offset);
        String prefixed = COLUMNS.replaceAll("(^|, )", "$1p.");
        return rows("SELECT " + prefixed + " FROM patient p" + where + " ORDER BY p.patient_id LIMIT ? OFFSET ?",
                args.toArray()).stream().map(Row::patient).toList();
    }

    private static String nameCondition(String column, String name, List<Object> args) {
        if (name.endsWith("*")) {
            String prefix = nameKey(name.substring(0, name.length() - 1));
            args.add(prefix);
            args.add(prefix + Character.MAX_VALUE);
            return "(" + column + " >= ? AND " + column + " < ?)";
        }
        args.add(nameKey(name));
        return column + " = ?";
    }

    /** A name as compared: upper case, accents removed, runs of spaces collapsed. */
    static String nameKey(String name) {
        if (name == null) {
            return null;
        }
        String unaccented = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        return SPACES.matcher(unaccented.toUpperCase(Locale.ROOT).trim()).replaceAll(" ");
    }

    private List<Row> rows(String sql, Object... args) {
        List<Row> rows = jdbc.query(sql, (rs, n) -> row(rs), args);
        if (rows.isEmpty()) {
            return rows;
        }
        Map<String, List<PatientId>> localIds = new HashMap<>();
        Map<String, List<Telecom>> telecoms = new HashMap<>();
        List<String> ids = rows.stream().map(r -> r.patient().ins().canonical()).toList();
        String in = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
        jdbc.query("SELECT patient_id, authority, id FROM patient_identifier WHERE patient_id IN (" + in
                        + ") ORDER BY authority, id",
                rs -> {
                    localIds.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new PatientId(rs.getString(3), rs.getString(2)));
                }, ids.toArray());
        jdbc.query("SELECT patient_id, use_code, telecom FROM patient_telecom WHERE patient_id IN (" + in
                        + ") ORDER BY patient_id, position",
                rs -> {
                    telecoms.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new Telecom(rs.getString(2), rs.getString(3)));
                }, ids.toArray());
        return rows.stream().map(r -> {
            Patient p = r.patient();
            String key = p.ins().canonical();
            return new Row(new Patient(p.ins(), localIds.getOrDefault(key, List.of()), p.traits(),
                    telecoms.getOrDefault(key, List.of()), p.dmp(), p.updatedAt()), r.mergedInto());
        }).toList();
    }

    private static Row row(ResultSet rs) throws SQLException {
        PatientId ins = new PatientId(rs.getString("ins_id"), rs.getString("ins_authority"));
        String given = rs.getString("given_names");
        List<String> givenNames = given == null || given.isEmpty() ? List.of() : Arrays.asList(given.split(GIVEN_NAME_SEPARATOR));
        java.sql.Date birthDate = rs.getDate("birth_date");
        IdentityTraits traits = new IdentityTraits(rs.getString("birth_name"), rs.getString("used_name"), givenNames,
                Sex.valueOf(rs.getString("sex")), birthDate == null ? null : birthDate.toLocalDate(),
                rs.getString("birth_place_code"));
        Timestamp closedAt = rs.getTimestamp("closed_at");
        Dmp dmp = new Dmp(Dmp.Status.valueOf(rs.getString("dmp_status")), closedAt == null ? null : closedAt.toInstant(),
                rs.getString("closure_reason"), rs.getBoolean("consent"), rs.getBoolean("opposition_bris_de_glace"),
                rs.getBoolean("opposition_centre_15"));
        Patient patient = new Patient(ins, List.of(), traits, List.of(), dmp, rs.getTimestamp("updated_at").toInstant());
        return new Row(patient, rs.getString("merged_into"));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
