package org.opendmp.audit.arr;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.opendmp.audit.arr.AuditRecord.Facility;
import org.opendmp.audit.arr.AuditRecord.ObjectRef;
import org.opendmp.audit.arr.AuditRecord.Participant;
import org.opendmp.audit.arr.AuditRecord.Requestor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ARR's tables (migration {@code V2_0__audit_repository.sql}): stores accepted messages in JDBC
 * batches, one transaction per batch, leaving out duplicates; keeps rejects; answers searches newest
 * first with keyset paging. Values longer than their column are cut (the XML keeps them whole).
 */
public class AuditStore {

    /** Longest IN list sent to the database in one statement. */
    private static final int IN_CHUNK = 500;

    private static final String INSERT_EVENT = "INSERT INTO arr_event (id, event_time, received_at, event_id_code,"
            + " event_id_system, event_id_display, event_action, outcome, purpose_of_use, user_key, user_id, user_name,"
            + " user_roles, profession_code, specialty_code, facility_id, facility_name, source_id, source_address,"
            + " destination_id, destination_address, audit_source_id, query_id, syslog_host, syslog_app, syslog_procid,"
            + " syslog_msgid, sequence_id, transport, sender, message)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String EVENT_COLUMNS = "e.id, e.event_time, e.received_at, e.event_id_code, e.event_id_system,"
            + " e.event_id_display, e.event_action, e.outcome, e.purpose_of_use, e.user_key, e.user_id, e.user_name,"
            + " e.user_roles, e.facility_id, e.facility_name, e.source_id, e.source_address, e.destination_id,"
            + " e.destination_address, e.audit_source_id, e.query_id, e.syslog_host, e.syslog_app, e.syslog_procid,"
            + " e.syslog_msgid, e.sequence_id, e.transport, e.sender";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public AuditStore(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** How a batch went. */
    public record Written(int stored, int duplicates) {
    }

    /**
     * Stores the messages in one transaction, except duplicates: a message whose (HOSTNAME, APP-NAME,
     * PROCID, sequenceId) is already stored, or repeats one earlier in the batch. Messages without a
     * sequenceId are always stored.
     */
    public Written store(List<ReceivedMessage> messages) {
        return transaction.execute(status -> {
            Set<String> seen = existingKeys(messages);
            List<ReceivedMessage> fresh = new ArrayList<>(messages.size());
            for (ReceivedMessage message : messages) {
                String key = dedupeKey(message.syslog());
                if (key == null || seen.add(key)) {
                    fresh.add(message);
                }
            }
            insert(fresh);
            return new Written(fresh.size(), messages.size() - fresh.size());
        });
    }

    /** Stores rejects (one transaction). */
    public void storeRejects(List<Reject> rejects) {
        transaction.executeWithoutResult(status -> jdbc.batchUpdate("INSERT INTO arr_reject (id, received_at, transport,"
                + " sender, reason, detail, size, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rejects, rejects.size(),
                (ps, r) -> {
                    ps.setObject(1, EventIds.next(r.receivedAt().toEpochMilli()));
                    ps.setLong(2, r.receivedAt().toEpochMilli());
                    ps.setString(3, r.transport().tag());
                    ps.setString(4, clip(r.sender(), 512));
                    ps.setString(5, r.reason().tag());
                    ps.setString(6, clip(r.detail(), 256));
                    ps.setLong(7, r.size());
                    ps.setBytes(8, r.content());
                }));
    }

    private static String dedupeKey(SyslogMessage syslog) {
        return syslog.sequenceId() == null ? null : syslog.sequenceId() + "\u0000" + syslog.hostname() + "\u0000"
                + syslog.appName() + "\u0000" + syslog.procId();
    }

    private Set<String> existingKeys(List<ReceivedMessage> messages) {
        List<Long> sequenceIds = messages.stream().map(m -> m.syslog().sequenceId()).filter(id -> id != null)
                .distinct().toList();
        Set<String> keys = new HashSet<>();
        for (List<Long> chunk : chunks(sequenceIds)) {
            jdbc.query("SELECT sequence_id, syslog_host, syslog_app, syslog_procid FROM arr_event WHERE sequence_id IN ("
                    + placeholders(chunk.size()) + ")", rs -> {
                        keys.add(rs.getLong(1) + "\u0000" + rs.getString(2) + "\u0000" + rs.getString(3) + "\u0000"
                                + rs.getString(4));
                    }, chunk.toArray());
        }
        return keys;
    }

    private void insert(List<ReceivedMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        List<UUID> ids = new ArrayList<>(messages.size());
        for (ReceivedMessage m : messages) {
            ids.add(EventIds.next(m.receivedAt().toEpochMilli()));
        }
        jdbc.batchUpdate(INSERT_EVENT, new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                setEvent(ps, ids.get(i), messages.get(i));
            }

            @Override
            public int getBatchSize() {
                return messages.size();
            }
        });
        List<Object[]> types = new ArrayList<>();
        List<Object[]> patients = new ArrayList<>();
        List<Object[]> objects = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            UUID id = ids.get(i);
            AuditRecord r = messages.get(i).record();
            for (Code type : r.eventTypes()) {
                types.add(new Object[] {id, clip(type.code(), 64), clip(type.system(), 64), clip(type.displayName(), 128)});
            }
            Map<String, String> keys = new LinkedHashMap<>();
            for (String patient : r.patients()) {
                keys.putIfAbsent(clip(PatientKeys.of(patient), 256), clip(patient, 512));
            }
            keys.forEach((key, patient) -> patients.add(new Object[] {id, key, patient, r.eventTime().toEpochMilli()}));
            for (ObjectRef object : r.documents()) {
                objects.add(new Object[] {id, object.kind().name(), clip(object.id(), 256), clip(object.repositoryId(), 64)});
            }
        }
        batch("INSERT INTO arr_event_type (event_pk, code, code_system, display_name) VALUES (?, ?, ?, ?)", types);
        batch("INSERT INTO arr_event_patient (event_pk, patient_key, patient_id, event_time) VALUES (?, ?, ?, ?)", patients);
        batch("INSERT INTO arr_event_object (event_pk, kind, object_id, repository_id) VALUES (?, ?, ?, ?)", objects);
    }

    private void batch(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(sql, rows, rows.size(), (ps, row) -> {
            for (int c = 0; c < row.length; c++) {
                Object value = row[c];
                if (value == null) {
                    ps.setNull(c + 1, Types.VARCHAR);
                } else if (value instanceof Long number) {
                    ps.setLong(c + 1, number);
                } else if (value instanceof String text) {
                    ps.setString(c + 1, text);
                } else {
                    ps.setObject(c + 1, value);
                }
            }
        });
    }

    private static void setEvent(PreparedStatement ps, UUID id, ReceivedMessage m) throws SQLException {
        AuditRecord r = m.record();
        Requestor user = r.requestor();
        Participant source = r.source();
        Participant destination = r.destination();
        Facility facility = r.facility();
        SyslogMessage syslog = m.syslog();
        int c = 1;
        ps.setObject(c++, id);
        ps.setLong(c++, r.eventTime().toEpochMilli());
        ps.setLong(c++, m.receivedAt().toEpochMilli());
        ps.setString(c++, clip(r.eventId().code(), 64));
        ps.setString(c++, clip(r.eventId().system(), 64));
        ps.setString(c++, clip(r.eventId().displayName(), 128));
        ps.setString(c++, clip(r.action(), 1));
        ps.setInt(c++, r.outcome());
        ps.setString(c++, clip(r.purposeOfUse(), 64));
        ps.setString(c++, user == null ? null : clip(user.key(), 256));
        ps.setString(c++, user == null ? null : clip(user.userId(), 512));
        ps.setString(c++, user == null ? null : clip(user.name(), 256));
        ps.setString(c++, user == null ? null : clip(roles(user.roles()), 1024));
        ps.setString(c++, user == null ? null : clip(user.professionCode(), 32));
        ps.setString(c++, user == null ? null : clip(user.specialtyCode(), 32));
        ps.setString(c++, facility == null ? null : clip(facility.id(), 128));
        ps.setString(c++, facility == null ? null : clip(facility.name(), 256));
        ps.setString(c++, source == null ? null : clip(source.userId(), 512));
        ps.setString(c++, source == null ? null : clip(source.address(), 256));
        ps.setString(c++, destination == null ? null : clip(destination.userId(), 512));
        ps.setString(c++, destination == null ? null : clip(destination.address(), 256));
        ps.setString(c++, clip(r.auditSourceId(), 256));
        ps.setString(c++, clip(r.queryId(), 256));
        ps.setString(c++, syslog.hostname());
        ps.setString(c++, syslog.appName());
        ps.setString(c++, syslog.procId());
        ps.setString(c++, syslog.msgId());
        if (syslog.sequenceId() == null) {
            ps.setNull(c++, Types.BIGINT);
        } else {
            ps.setLong(c++, syslog.sequenceId());
        }
        ps.setString(c++, m.transport().tag());
        ps.setString(c++, clip(m.sender(), 512));
        ps.setString(c, m.xml());
    }

    /** RoleIDCodes as {@code code^system} joined by {@code ~} (HL7 CE-like, for display). */
    private static String roles(List<Code> roles) {
        return roles.isEmpty() ? null : roles.stream()
                .map(role -> role.code() + "^" + (role.system() == null ? "" : role.system()) + "^"
                        + (role.displayName() == null ? "" : role.displayName()))
                .collect(Collectors.joining("~"));
    }

    private static List<Code> parseRoles(String roles) {
        if (roles == null || roles.isEmpty()) {
            return List.of();
        }
        List<Code> codes = new ArrayList<>();
        for (String role : roles.split("~")) {
            String[] parts = role.split("\\^", -1);
            codes.add(new Code(parts[0], parts.length > 1 && !parts[1].isEmpty() ? parts[1] : null,
                    parts.length > 2 && !parts[2].isEmpty() ? parts[2] : null));
        }
        return codes;
    }

    // ------------------------------------------------------------------------------------------- reading

    /** The events matching the query, newest first, at most {@code query.limit()}. */
    public List<StoredEvent> search(AuditQuery query) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(EVENT_COLUMNS);
        String time;
        String id;
        if (query.patientKeys().isEmpty()) {
            sql.append(" FROM arr_event e WHERE 1 = 1");
            time = "e.event_time";
            id = "e.id";
        } else {
            sql.append(" FROM arr_event_patient p JOIN arr_event e ON e.id = p.event_pk WHERE p.patient_key IN (")
                    .append(placeholders(query.patientKeys().size())).append(')');
            args.addAll(query.patientKeys());
            time = "p.event_time";
            id = "p.event_pk";
        }
        if (query.from() != null) {
            sql.append(" AND ").append(time).append(" >= ?");
            args.add(query.from().toEpochMilli());
        }
        if (query.to() != null) {
            sql.append(" AND ").append(time).append(" < ?");
            args.add(query.to().toEpochMilli());
        }
        filter(sql, args, "e.user_key = ?", query.userKey());
        filter(sql, args, "e.event_id_code = ?", query.eventId());
        filter(sql, args, "e.outcome = ?", query.outcome());
        filter(sql, args, "e.event_action = ?", query.action());
        filter(sql, args, "e.purpose_of_use = ?", query.purpose());
        filter(sql, args, "EXISTS (SELECT 1 FROM arr_event_type t WHERE t.event_pk = e.id AND t.code = ?)",
                query.eventType());
        filter(sql, args, "EXISTS (SELECT 1 FROM arr_event_object o WHERE o.event_pk = e.id AND o.object_id = ?)",
                query.objectId());
        if (query.after() != null) {
            sql.append(" AND (").append(time).append(" < ? OR (").append(time).append(" = ? AND ").append(id)
                    .append(" < ?))");
            args.add(query.after().eventTime());
            args.add(query.after().eventTime());
            args.add(query.after().id());
        }
        sql.append(" ORDER BY ").append(time).append(" DESC, ").append(id).append(" DESC");
        sql.append(" FETCH FIRST ").append(query.limit()).append(" ROWS ONLY");
        Map<UUID, Row> rows = new LinkedHashMap<>();
        jdbc.query(sql.toString(), rs -> {
            Row row = row(rs);
            rows.putIfAbsent(row.id, row);
        }, args.toArray());
        return complete(rows, false);
    }

    /** One event with its XML, or null. */
    public StoredEvent find(UUID id) {
        Map<UUID, Row> rows = new LinkedHashMap<>();
        jdbc.query("SELECT " + EVENT_COLUMNS + " FROM arr_event e WHERE e.id = ?", rs -> {
            Row row = row(rs);
            rows.put(row.id, row);
        }, id);
        List<StoredEvent> events = complete(rows, true);
        return events.isEmpty() ? null : events.get(0);
    }

    /** How many events are stored. */
    public long count() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM arr_event", Long.class);
        return count == null ? 0 : count;
    }

    /** Stored rejects received in [from, to), newest first, at most {@code limit}; {@code before} pages on. */
    public List<StoredReject> rejects(Instant from, Instant to, RejectReason reason, AuditQuery.Cursor before, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT id, received_at, transport, sender, reason, detail, size, content"
                + " FROM arr_reject WHERE received_at >= ? AND received_at < ?");
        args.add(from.toEpochMilli());
        args.add(to.toEpochMilli());
        filter(sql, args, "reason = ?", reason == null ? null : reason.tag());
        if (before != null) {
            sql.append(" AND (received_at < ? OR (received_at = ? AND id < ?))");
            args.add(before.eventTime());
            args.add(before.eventTime());
            args.add(before.id());
        }
        sql.append(" ORDER BY received_at DESC, id DESC FETCH FIRST ").append(limit).append(" ROWS ONLY");
        return jdbc.query(sql.toString(), (rs, n) -> new StoredReject(rs.getObject(1, UUID.class),
                new Reject(RejectReason.valueOf(rs.getString(5).toUpperCase(java.util.Locale.ROOT)), rs.getString(6),
                        Transport.valueOf(rs.getString(3).toUpperCase(java.util.Locale.ROOT)), rs.getString(4),
                        Instant.ofEpochMilli(rs.getLong(2)), rs.getLong(7), rs.getBytes(8))), args.toArray());
    }

    /** A stored reject and its id. */
    public record StoredReject(UUID id, Reject reject) {

        public AuditQuery.Cursor cursor() {
            return new AuditQuery.Cursor(reject.receivedAt().toEpochMilli(), id);
        }
    }

    /** How many rejects are stored. */
    public long rejectCount() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM arr_reject", Long.class);
        return count == null ? 0 : count;
    }

    private static void filter(StringBuilder sql, List<Object> args, String condition, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            args.add(value);
        }
    }

    /** An arr_event row before its child rows are read. */
    private record Row(UUID id, long eventTime, long receivedAt, Code eventId, String action, int outcome,
                       String purpose, Requestor requestor, Facility facility, Participant source,
                       Participant destination, String auditSourceId, String queryId, StoredEvent.Header header,
                       Transport transport, String sender) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        String userId = rs.getString("user_id");
        Requestor requestor = userId == null && rs.getString("user_key") == null ? null
                : new Requestor(userId, rs.getString("user_key"), rs.getString("user_name"), null,
                        parseRoles(rs.getString("user_roles")));
        String facilityId = rs.getString("facility_id");
        long sequence = rs.getLong("sequence_id");
        Long sequenceId = rs.wasNull() ? null : sequence;
        return new Row(rs.getObject("id", UUID.class), rs.getLong("event_time"), rs.getLong("received_at"),
                new Code(rs.getString("event_id_code"), rs.getString("event_id_system"), rs.getString("event_id_display")),
                rs.getString("event_action"), rs.getInt("outcome"), rs.getString("purpose_of_use"), requestor,
                facilityId == null ? null : new Facility(facilityId, rs.getString("facility_name")),
                participant(rs.getString("source_id"), rs.getString("source_address")),
                participant(rs.getString("destination_id"), rs.getString("destination_address")),
                rs.getString("audit_source_id"), rs.getString("query_id"),
                new StoredEvent.Header(rs.getString("syslog_host"), rs.getString("syslog_app"),
                        rs.getString("syslog_procid"), rs.getString("syslog_msgid"), sequenceId),
                Transport.valueOf(rs.getString("transport").toUpperCase(java.util.Locale.ROOT)), rs.getString("sender"));
    }

    private static Participant participant(String id, String address) {
        return id == null && address == null ? null : new Participant(id, address);
    }

    /** Reads the child rows of the page's events and builds them, in the rows' order. */
    private List<StoredEvent> complete(Map<UUID, Row> rows, boolean withXml) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Code>> types = new LinkedHashMap<>();
        Map<UUID, List<String>> patients = new LinkedHashMap<>();
        Map<UUID, List<ObjectRef>> objects = new LinkedHashMap<>();
        Map<UUID, String> xml = new LinkedHashMap<>();
        for (List<UUID> chunk : chunks(new ArrayList<>(rows.keySet()))) {
            String in = placeholders(chunk.size());
            Object[] ids = chunk.toArray();
            jdbc.query("SELECT event_pk, code, code_system, display_name FROM arr_event_type WHERE event_pk IN (" + in + ")",
                    rs -> {
                        types.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                                .add(new Code(rs.getString(2), rs.getString(3), rs.getString(4)));
                    }, ids);
            jdbc.query("SELECT event_pk, patient_id FROM arr_event_patient WHERE event_pk IN (" + in + ")", rs -> {
                patients.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getString(2));
            }, ids);
            jdbc.query("SELECT event_pk, kind, object_id, repository_id FROM arr_event_object WHERE event_pk IN (" + in + ")",
                    rs -> {
                        objects.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new ObjectRef(
                                ObjectRef.Kind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4)));
                    }, ids);
            if (withXml) {
                jdbc.query("SELECT id, message FROM arr_event WHERE id IN (" + in + ")",
                        rs -> {
                            xml.put(rs.getObject(1, UUID.class), rs.getString(2));
                        }, ids);
            }
        }
        List<StoredEvent> events = new ArrayList<>(rows.size());
        for (Row row : rows.values()) {
            AuditRecord record = new AuditRecord(Instant.ofEpochMilli(row.eventTime), row.eventId,
                    types.getOrDefault(row.id, List.of()), row.action, row.outcome,
                    row.purpose == null ? List.of() : List.of(new Code(row.purpose, null, null)), row.requestor,
                    row.source, row.destination, row.auditSourceId, patients.getOrDefault(row.id, List.of()),
                    objects.getOrDefault(row.id, List.of()), row.queryId, row.facility);
            events.add(new StoredEvent(row.id, record, row.header, row.transport, row.sender,
                    Instant.ofEpochMilli(row.receivedAt), xml.get(row.id)));
        }
        return events;
    }

    private static <T> List<List<T>> chunks(List<T> values) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < values.size(); i += IN_CHUNK) {
            chunks.add(values.subList(i, Math.min(values.size(), i + IN_CHUNK)));
        }
        return chunks;
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
