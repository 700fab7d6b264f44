package org.opendmp.registry.update;

import static org.opendmp.registry.ebrim.XdsVocabulary.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opendmp.registry.ebrim.EbrimXml;
import org.opendmp.wsdl.rim.AssociationType1;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The lookups and writes of metadata update that plain registration does not need: versions by
 * logicalID, Folder status changes, and the copy of a previous version's Associations to the new
 * version. Joins the caller's transaction.
 */
public class VersionStore {

    /** Associations a new version inherits (ITI TF-2b 3.57.4.1.3.3.1.5 Association Propagation). */
    private static final List<String> RELATIONSHIPS = List.of(RPLC, XFRM, APND, XFRM_RPLC, SIGNS, IS_SNAPSHOT_OF);

    private static final String DOCUMENT_COLUMNS = "uuid, lid, entry_version, status, unique_id, patient_id,"
            + " object_type, document_hash, document_size, repository_unique_id";
    private static final String FOLDER_COLUMNS = "uuid, lid, entry_version, status, unique_id, patient_id,"
            + " NULL, NULL, NULL, NULL";
    private static final RowMapper<StoredVersion> VERSION = (rs, n) -> new StoredVersion(rs.getString(1),
            rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
            rs.getString(8), rs.getObject(9) == null ? null : rs.getLong(9), rs.getString(10));

    private final JdbcTemplate jdbc;
    private final EbrimXml ebrimXml;

    public VersionStore(JdbcTemplate jdbc, EbrimXml ebrimXml) {
        this.jdbc = jdbc;
        this.ebrimXml = ebrimXml;
    }

    Optional<StoredVersion> latestDocumentEntry(String lid) {
        return first("SELECT " + DOCUMENT_COLUMNS + " FROM document_entry WHERE lid = ?"
                + " ORDER BY entry_version DESC LIMIT 1", lid);
    }

    Optional<StoredVersion> latestFolder(String lid) {
        return first("SELECT " + FOLDER_COLUMNS + " FROM folder WHERE lid = ? ORDER BY entry_version DESC LIMIT 1", lid);
    }

    Optional<StoredVersion> documentEntry(String uuid) {
        return first("SELECT " + DOCUMENT_COLUMNS + " FROM document_entry WHERE uuid = ?", uuid);
    }

    Optional<StoredVersion> folder(String uuid) {
        return first("SELECT " + FOLDER_COLUMNS + " FROM folder WHERE uuid = ?", uuid);
    }

    /**
     * Gives the new version of a DocumentEntry the Approved Associations of its previous version:
     * its Folder memberships and its document relationships (either direction). SubmissionSet
     * memberships stay with the version they registered. Returns the Folders that got the new
     * version as a member.
     */
    List<String> propagateDocumentEntryAssociations(String previous, String next) {
        List<Object> args = new ArrayList<>(List.of(previous, HAS_MEMBER, STATUS_APPROVED));
        args.addAll(List.of(previous, previous, STATUS_APPROVED));
        args.addAll(RELATIONSHIPS);
        return copy("SELECT uuid, source_uuid, target_uuid, patient_id, ebrim FROM association"
                + " WHERE target_uuid = ? AND association_type = ? AND status = ?"
                + " AND source_uuid IN (SELECT f.uuid FROM folder f)"
                + " UNION ALL SELECT uuid, source_uuid, target_uuid, patient_id, ebrim FROM association"
                + " WHERE (source_uuid = ? OR target_uuid = ?) AND status = ? AND association_type IN ("
                + String.join(",", java.util.Collections.nCopies(RELATIONSHIPS.size(), "?")) + ")",
                previous, next, args.toArray());
    }

    /** Gives the new version of a Folder the DocumentEntries of its previous version (Approved HasMember). */
    void propagateFolderMembers(String previous, String next) {
        copy("SELECT uuid, source_uuid, target_uuid, patient_id, ebrim FROM association"
                + " WHERE source_uuid = ? AND association_type = ? AND status = ?",
                previous, next, previous, HAS_MEMBER, STATUS_APPROVED);
    }

    /** Copies the selected Associations onto the new version; returns the sources of copied HasMembers. */
    private List<String> copy(String select, String previous, String next, Object... args) {
        List<Object[]> rows = new ArrayList<>();
        jdbc.query(select, rs -> {
            AssociationType1 a = (AssociationType1) ebrimXml.fromXml(rs.getString(5)).getValue();
            String uuid = URN_UUID + UUID.randomUUID();
            a.setId(uuid);
            a.setLid(uuid);
            a.setSourceObject(previous.equals(a.getSourceObject()) ? next : a.getSourceObject());
            a.setTargetObject(previous.equals(a.getTargetObject()) ? next : a.getTargetObject());
            a.setStatus(STATUS_APPROVED);
            rows.add(new Object[] {uuid, a.getAssociationType(), a.getSourceObject(), a.getTargetObject(),
                    STATUS_APPROVED, rs.getString(4), ebrimXml.toXml(a)});
        }, args);
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO association (uuid, association_type, source_uuid, target_uuid, status,"
                    + " patient_id, ebrim) VALUES (?,?,?,?,?,?,?)", rows);
        }
        return rows.stream().filter(row -> HAS_MEMBER.equals(row[1])).map(row -> (String) row[2]).toList();
    }

    private Optional<StoredVersion> first(String sql, Object... args) {
        return jdbc.query(sql, VERSION, args).stream().findFirst();
    }
}
