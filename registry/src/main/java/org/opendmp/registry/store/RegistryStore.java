package org.opendmp.registry.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opendmp.registry.ebrim.EbrimXml;
import org.opendmp.registry.model.Association;
import org.opendmp.registry.model.Author;
import org.opendmp.registry.model.Code;
import org.opendmp.registry.model.DocumentEntry;
import org.opendmp.registry.model.Folder;
import org.opendmp.registry.model.Submission;
import org.opendmp.registry.model.SubmissionSet;
import org.opendmp.registry.hl7.Dtm;
import org.opendmp.wsdl.rim.RegistryObjectType;
import org.opendmp.wsdl.rim.VersionInfoType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Writes submissions to the registry tables and answers the lookups that validation needs.
 * Joins the caller's transaction: ITI-41 stores document bytes and metadata in one.
 */
public class RegistryStore {

    /** What kind of registry object a stored uuid is. */
    public enum Kind { DOCUMENT_ENTRY, SUBMISSION_SET, FOLDER, ASSOCIATION }

    /** A stored object as seen by reference checks. */
    public record StoredObject(String uuid, Kind kind, String patientId, String status) {
    }

    /** A stored DocumentEntry as seen by uniqueId checks. */
    public record StoredEntry(String uuid, String uniqueId, String patientId, String status, String hash, long size) {
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final EbrimXml ebrimXml;

    public RegistryStore(JdbcTemplate jdbc, EbrimXml ebrimXml) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.ebrimXml = ebrimXml;
    }

    public void insert(Submission submission, long now) {
        SubmissionSet ss = submission.submissionSet();
        String patient = ss.patientId().canonical();
        jdbc.update("INSERT INTO submission_set (uuid, unique_id, patient_id, status, source_id, submission_time,"
                        + " content_type_code, ebrim) VALUES (?,?,?,?,?,?,?,?)",
                ss.entryUuid(), ss.uniqueId(), patient, status(submission, ss.entryUuid()), ss.sourceId(),
                ss.submissionTime().lowerBound(), ss.contentTypeCode().key(), xml(submission, ss.entryUuid()));
        batch("INSERT INTO submission_set_author (set_uuid, author_person) VALUES (?,?)",
                authorRows(ss.entryUuid(), ss.authors()));

        List<Object[]> entries = new ArrayList<>();
        List<Object[]> codes = new ArrayList<>();
        List<Object[]> authors = new ArrayList<>();
        List<Object[]> references = new ArrayList<>();
        for (DocumentEntry de : submission.documentEntries()) {
            entries.add(new Object[] {de.entryUuid(), lid(submission, de.entryUuid()), version(submission, de.entryUuid()),
                    de.uniqueId(), patient,
                    status(submission, de.entryUuid()), de.objectType(), de.mimeType(), de.classCode().key(),
                    de.typeCode().key(), de.formatCode().key(), de.practiceSettingCode().key(),
                    de.healthcareFacilityTypeCode().key(), de.creationTime().lowerBound(),
                    bound(de.serviceStartTime()), bound(de.serviceStopTime()), de.hash(), de.size(),
                    de.repositoryUniqueId(), ss.entryUuid(), xml(submission, de.entryUuid())});
            for (Code code : de.confidentialityCodes()) {
                codes.add(new Object[] {de.entryUuid(), "confidentialityCode", code.key()});
            }
            for (Code code : de.eventCodes()) {
                codes.add(new Object[] {de.entryUuid(), "eventCodeList", code.key()});
            }
            authors.addAll(authorRows(de.entryUuid(), de.authors()));
            for (String referenceId : de.referenceIds()) {
                references.add(new Object[] {de.entryUuid(), referenceId});
            }
        }
        batch("INSERT INTO document_entry (uuid, lid, entry_version, unique_id, patient_id, status, object_type,"
                + " mime_type, class_code, type_code, format_code, practice_setting_code,"
                + " healthcare_facility_type_code, creation_time, service_start_time, service_stop_time,"
                + " document_hash, document_size, repository_unique_id, submission_set_uuid, ebrim)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", entries);
        batch("INSERT INTO document_entry_code (entry_uuid, attribute, code) VALUES (?,?,?)", codes);
        batch("INSERT INTO document_entry_author (entry_uuid, author_person) VALUES (?,?)", authors);
        batch("INSERT INTO document_entry_reference (entry_uuid, reference_id) VALUES (?,?)", references);

        List<Object[]> folders = new ArrayList<>();
        List<Object[]> folderCodes = new ArrayList<>();
        for (Folder folder : submission.folders()) {
            folders.add(new Object[] {folder.entryUuid(), lid(submission, folder.entryUuid()),
                    version(submission, folder.entryUuid()), folder.uniqueId(), patient,
                    status(submission, folder.entryUuid()), now, xml(submission, folder.entryUuid())});
            for (Code code : folder.codeList()) {
                folderCodes.add(new Object[] {folder.entryUuid(), code.key()});
            }
        }
        batch("INSERT INTO folder (uuid, lid, entry_version, unique_id, patient_id, status, last_update_time, ebrim)"
                + " VALUES (?,?,?,?,?,?,?,?)", folders);
        batch("INSERT INTO folder_code (folder_uuid, code) VALUES (?,?)", folderCodes);

        List<Object[]> associations = new ArrayList<>();
        for (Association a : submission.associations()) {
            associations.add(new Object[] {a.entryUuid(), a.type(), a.sourceObject(), a.targetObject(),
                    status(submission, a.entryUuid()), a.submissionSetStatus(), patient, xml(submission, a.entryUuid())});
        }
        batch("INSERT INTO association (uuid, association_type, source_uuid, target_uuid, status,"
                + " submission_set_status, patient_id, ebrim) VALUES (?,?,?,?,?,?,?,?)", associations);
    }

    /** Stored DocumentEntries having one of these uniqueIds (any version, any status). */
    public List<StoredEntry> documentEntriesByUniqueId(Collection<String> uniqueIds) {
        if (uniqueIds.isEmpty()) {
            return List.of();
        }
        return named.query("SELECT uuid, unique_id, patient_id, status, document_hash, document_size"
                        + " FROM document_entry WHERE unique_id IN (:ids)",
                new MapSqlParameterSource("ids", uniqueIds),
                (rs, n) -> new StoredEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6)));
    }

    /** Those of these uniqueIds already used by a SubmissionSet or a Folder. */
    public List<String> packageUniqueIdsInUse(Collection<String> uniqueIds) {
        if (uniqueIds.isEmpty()) {
            return List.of();
        }
        return named.queryForList("SELECT unique_id FROM submission_set WHERE unique_id IN (:ids)"
                + " UNION ALL SELECT unique_id FROM folder WHERE unique_id IN (:ids)",
                new MapSqlParameterSource("ids", uniqueIds), String.class);
    }

    /** The stored objects among these uuids, by uuid. */
    public Map<String, StoredObject> objects(Collection<String> uuids) {
        Map<String, StoredObject> found = new HashMap<>();
        if (uuids.isEmpty()) {
            return found;
        }
        MapSqlParameterSource ids = new MapSqlParameterSource("ids", uuids);
        collect(found, Kind.DOCUMENT_ENTRY, "SELECT uuid, patient_id, status FROM document_entry WHERE uuid IN (:ids)", ids);
        collect(found, Kind.SUBMISSION_SET, "SELECT uuid, patient_id, status FROM submission_set WHERE uuid IN (:ids)", ids);
        collect(found, Kind.FOLDER, "SELECT uuid, patient_id, status FROM folder WHERE uuid IN (:ids)", ids);
        collect(found, Kind.ASSOCIATION, "SELECT uuid, patient_id, status FROM association WHERE uuid IN (:ids)", ids);
        return found;
    }

    /**
     * Changes a DocumentEntry's availabilityStatus, in its column and in its stored ebRIM.
     * Returns false when the entry no longer has the expected status (a concurrent change).
     */
    public boolean changeDocumentStatus(String uuid, String expected, String status) {
        String xml = jdbc.queryForObject("SELECT ebrim FROM document_entry WHERE uuid = ?", String.class, uuid);
        var element = ebrimXml.fromXml(xml);
        ((RegistryObjectType) element.getValue()).setStatus(status);
        return jdbc.update("UPDATE document_entry SET status = ?, ebrim = ? WHERE uuid = ? AND status = ?",
                status, ebrimXml.toXml(element.getValue()), uuid, expected) == 1;
    }

    private void collect(Map<String, StoredObject> found, Kind kind, String sql, MapSqlParameterSource ids) {
        named.query(sql, ids, rs -> {
            found.put(rs.getString(1), new StoredObject(rs.getString(1), kind, rs.getString(2), rs.getString(3)));
        });
    }

    private String xml(Submission submission, String uuid) {
        return ebrimXml.toXml(submission.ebrim().get(uuid));
    }

    /** The logicalID (ebRIM lid) of a DocumentEntry or Folder: its own entryUUID for a first version. */
    private static String lid(Submission submission, String uuid) {
        String lid = ((RegistryObjectType) submission.ebrim().get(uuid)).getLid();
        return lid == null ? uuid : lid;
    }

    /** The version (ebRIM VersionInfo versionName) of a DocumentEntry or Folder: 1 for a first version. */
    private static int version(Submission submission, String uuid) {
        VersionInfoType info = ((RegistryObjectType) submission.ebrim().get(uuid)).getVersionInfo();
        return info == null || !info.getVersionName().matches("\\d{1,9}") ? 1 : Integer.parseInt(info.getVersionName());
    }

    private static String status(Submission submission, String uuid) {
        return ((RegistryObjectType) submission.ebrim().get(uuid)).getStatus();
    }

    private static List<Object[]> authorRows(String uuid, List<Author> authors) {
        List<Object[]> rows = new ArrayList<>();
        for (Author author : authors) {
            if (author.person() != null) {
                rows.add(new Object[] {uuid, author.person()});
            }
        }
        return rows;
    }

    private static Long bound(Dtm time) {
        return time == null ? null : time.lowerBound();
    }

    private void batch(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows);
        }
    }
}
