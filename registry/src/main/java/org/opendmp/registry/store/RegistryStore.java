package org.opendmp.registry.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.opendmp.registry.access.AuthorIds;
import org.opendmp.registry.access.DocumentFactsStore;
import org.opendmp.registry.ebrim.EbrimXml;
import org.opendmp.registry.ebrim.Slots;
import org.opendmp.registry.ebrim.XdsVocabulary;
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

    /** A registered DocumentEntry uniqueId with the hash and size of its document, as seen by uniqueId checks. */
    public record RegisteredUniqueId(String uniqueId, String hash, long size) {
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final EbrimXml ebrimXml;
    private final DocumentFactsStore documentFacts;

    public RegistryStore(JdbcTemplate jdbc, EbrimXml ebrimXml) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.ebrimXml = ebrimXml;
        this.documentFacts = new DocumentFactsStore(jdbc);
    }

    /** The access rules' view of the stored DocumentEntries, on the same database. */
    public DocumentFactsStore documentFacts() {
        return documentFacts;
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
        List<Object[]> authorIds = new ArrayList<>();
        for (DocumentEntry de : submission.documentEntries()) {
            entries.add(new Object[] {de.entryUuid(), lid(submission, de.entryUuid()), version(submission, de.entryUuid()),
                    de.uniqueId(), patient,
                    status(submission, de.entryUuid()), de.objectType(), de.mimeType(), de.classCode().key(),
                    de.typeCode().key(), de.formatCode().key(), de.practiceSettingCode().key(),
                    de.healthcareFacilityTypeCode().key(), de.creationTime().lowerBound(),
                    bound(de.serviceStartTime()), bound(de.serviceStopTime()), de.hash(), de.size(),
                    de.repositoryUniqueId(), ss.entryUuid(), xml(submission, de.entryUuid()), Boolean.TRUE});
            for (Code code : de.confidentialityCodes()) {
                codes.add(new Object[] {de.entryUuid(), "confidentialityCode", code.key()});
            }
            for (Code code : de.eventCodes()) {
                codes.add(new Object[] {de.entryUuid(), "eventCodeList", code.key()});
            }
            authors.addAll(authorRows(de.entryUuid(), de.authors()));
            authorIds.addAll(AuthorIds.of(de.authors()).rows(de.entryUuid()));
            for (String referenceId : de.referenceIds()) {
                references.add(new Object[] {de.entryUuid(), referenceId});
            }
        }
        batch("INSERT INTO document_entry (uuid, lid, entry_version, unique_id, patient_id, status, object_type,"
                + " mime_type, class_code, type_code, format_code, practice_setting_code,"
                + " healthcare_facility_type_code, creation_time, service_start_time, service_stop_time,"
                + " document_hash, document_size, repository_unique_id, submission_set_uuid, ebrim, author_ids_indexed)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", entries);
        batch("INSERT INTO document_entry_code (entry_uuid, attribute, code) VALUES (?,?,?)", codes);
        batch("INSERT INTO document_entry_author (entry_uuid, author_person) VALUES (?,?)", authors);
        batch("INSERT INTO document_entry_reference (entry_uuid, reference_id) VALUES (?,?)", references);
        batch(AuthorIds.INSERT, authorIds);

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

    /** Those of these DocumentEntry uniqueIds already registered, with their document's hash and size. */
    public List<RegisteredUniqueId> registeredUniqueIds(Collection<String> uniqueIds) {
        if (uniqueIds.isEmpty()) {
            return List.of();
        }
        return named.query("SELECT unique_id, document_hash, document_size FROM document_unique_id WHERE unique_id IN (:ids)",
                new MapSqlParameterSource("ids", uniqueIds),
                (rs, n) -> new RegisteredUniqueId(rs.getString(1), rs.getString(2), rs.getLong(3)));
    }

    /**
     * Records the uniqueIds of DocumentEntries registered for the first time, with their hash and
     * size. A concurrent submission registering one of them first makes this fail with a
     * DuplicateKeyException (after it commits).
     */
    public void claimUniqueIds(List<DocumentEntry> entries) {
        batch("INSERT INTO document_unique_id (unique_id, document_hash, document_size) VALUES (?,?,?)",
                entries.stream().map(e -> new Object[] {e.uniqueId(), e.hash(), e.size()}).toList());
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
     * Changes a DocumentEntry's availabilityStatus, in its column and in its stored ebRIM, holding
     * the row lock until the transaction ends. Returns false when the entry no longer has the
     * expected status: a concurrent transaction changed it first (this one waited for it to end).
     */
    public boolean changeDocumentStatus(String uuid, String expected, String status) {
        return changeStatus("document_entry", uuid, expected, status);
    }

    /** {@link #changeDocumentStatus}, for a Folder. */
    public boolean changeFolderStatus(String uuid, String expected, String status) {
        return changeStatus("folder", uuid, expected, status);
    }

    private boolean changeStatus(String table, String uuid, String expected, String status) {
        List<String[]> rows = jdbc.query("SELECT status, ebrim FROM " + table + " WHERE uuid = ? FOR UPDATE",
                (rs, n) -> new String[] {rs.getString(1), rs.getString(2)}, uuid);
        if (rows.isEmpty() || !expected.equals(rows.get(0)[0])) {
            return false;
        }
        var element = ebrimXml.fromXml(rows.get(0)[1]);
        ((RegistryObjectType) element.getValue()).setStatus(status);
        return jdbc.update("UPDATE " + table + " SET status = ?, ebrim = ? WHERE uuid = ? AND status = ?",
                status, ebrimXml.toXml(element.getValue()), uuid, expected) == 1;
    }

    /** The registered DocumentEntries with this status that are the source of an Association of these types to {@code target}. */
    public List<String> documentsRelatedTo(String target, Collection<String> types, String status) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("target", target).addValue("types", types)
                .addValue("status", status);
        return named.queryForList("SELECT d.uuid FROM association a JOIN document_entry d ON d.uuid = a.source_uuid"
                + " WHERE a.target_uuid = :target AND a.association_type IN (:types) AND d.status = :status"
                + " ORDER BY d.uuid", parameters, String.class);
    }

    /** The registered Folders having one of these DocumentEntries as a member: document uuid to folder uuids. */
    public Map<String, List<String>> foldersHolding(Collection<String> documents) {
        Map<String, List<String>> found = new HashMap<>();
        if (documents.isEmpty()) {
            return found;
        }
        MapSqlParameterSource parameters = new MapSqlParameterSource("ids", documents)
                .addValue("type", XdsVocabulary.HAS_MEMBER);
        named.query("SELECT a.target_uuid, a.source_uuid FROM association a JOIN folder f ON f.uuid = a.source_uuid"
                + " WHERE a.target_uuid IN (:ids) AND a.association_type = :type ORDER BY a.source_uuid", parameters, rs -> {
                    found.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return found;
    }

    /**
     * Sets the lastUpdateTime of registered Folders that got new members, in its column and in the
     * stored ebRIM (which LeafClass answers return as stored), under the row lock.
     */
    public void touchFolders(Collection<String> folders, long lastUpdateTime) {
        for (String uuid : new TreeSet<>(folders)) { // one lock order for every transaction
            String xml = jdbc.queryForObject("SELECT ebrim FROM folder WHERE uuid = ? FOR UPDATE", String.class, uuid);
            var element = ebrimXml.fromXml(xml);
            Slots.set((RegistryObjectType) element.getValue(), XdsVocabulary.LAST_UPDATE_TIME, Long.toString(lastUpdateTime));
            jdbc.update("UPDATE folder SET last_update_time = ?, ebrim = ? WHERE uuid = ?",
                    lastUpdateTime, ebrimXml.toXml(element.getValue()), uuid);
        }
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
