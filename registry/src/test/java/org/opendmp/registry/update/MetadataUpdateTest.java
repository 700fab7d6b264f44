package org.opendmp.registry.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opendmp.registry.ebrim.XdsVocabulary.*;
import static org.opendmp.registry.testsupport.TestRegistry.list;
import static org.opendmp.registry.testsupport.TestRegistry.string;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opendmp.registry.ebrim.EbrimXml;
import org.opendmp.registry.ebrim.SubmissionReader;
import org.opendmp.registry.error.XdsErrorCode;
import org.opendmp.registry.error.XdsException;
import org.opendmp.registry.model.Submission;
import org.opendmp.pixpdq.ins.InsOids;
import org.opendmp.registry.patient.PatientIdPolicy;
import org.opendmp.registry.testsupport.TestPatients;
import org.opendmp.registry.query.FindDocuments;
import org.opendmp.registry.query.GetDocuments;
import org.opendmp.registry.query.GetFolderAndContents;
import org.opendmp.registry.query.StoredQueryService;
import org.opendmp.registry.store.RegistryStore;
import org.opendmp.registry.submit.RegisterDocumentSet;
import org.opendmp.registry.testsupport.Submissions;
import org.opendmp.testsupport.TestDatabase;
import org.opendmp.registry.testsupport.TestRegistry;
import org.opendmp.wsdl.query.AdhocQueryRequest;
import org.opendmp.wsdl.rim.IdentifiableType;
import org.opendmp.wsdl.rim.RegistryObjectType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * ITI-57 Update Document Set against real storage (H2 and PostgreSQL): new DocumentEntry and
 * Folder versions, UpdateAvailabilityStatus with the IHE and DMP statuses, and what ITI-18
 * returns afterwards. Every refusal leaves the registry exactly as it was.
 */
class MetadataUpdateTest {

    private static final String MASQUE_PS = "MASQUE_PS^^1.2.250.1.213.1.1.4.13";
    private static final String NORMAL = "N^^2.16.840.1.113883.5.25";

    private JdbcTemplate jdbc;
    private RegisterDocumentSet register;
    private UpdateDocumentSet update;
    private StoredQueryService queries;
    private final EbrimXml ebrimXml = new EbrimXml();
    private String patient;

    private void start(TestDatabase database) {
        DataSource dataSource = database.fresh();
        jdbc = new JdbcTemplate(dataSource);
        RegistryStore store = new RegistryStore(jdbc, ebrimXml);
        SubmissionReader reader = new SubmissionReader(new PatientIdPolicy(Set.of(InsOids.NIR_TEST, InsOids.NIR), TestPatients.ALL_OPEN));
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        register = new RegisterDocumentSet(reader, store, transactions, Clock.systemUTC());
        update = new UpdateDocumentSet(reader, store, new VersionStore(jdbc, ebrimXml), transactions, Clock.systemUTC());
        queries = new StoredQueryService(jdbc, 100);
        patient = Submissions.patient(Submissions.nir(1_840_375_000_000L + Submissions.next() % 1_000_000));
    }

    // ------------------------------------------------------------------ DocumentEntry metadata

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-2b 3.57.4.1.3.3.1: a new version is Approved as version 2, version 1 becomes Deprecated; "
            + "$MetadataLevel 1 shows the latest version only, $MetadataLevel 2 every version")
    void updateRegistersVersion2AndDeprecatesVersion1(TestDatabase database) {
        start(database);
        Registered v1 = registerDocument();

        Submission result = update(newVersion(v1, "1", List.of()));
        String v2 = result.documentEntries().get(0).entryUuid();

        assertThat(status(v1.uuid)).isEqualTo(STATUS_DEPRECATED);
        assertThat(status(v2)).isEqualTo(STATUS_APPROVED);
        RegistryObjectType stored = (RegistryObjectType) objects(GetDocuments.ID, "$XDSDocumentEntryEntryUUID",
                list(v2), "$MetadataLevel", "2").get(0);
        assertThat(stored.getLid()).isEqualTo(v1.uuid);
        assertThat(stored.getVersionInfo().getVersionName()).isEqualTo("2");
        assertThat(stored.getStatus()).isEqualTo(STATUS_APPROVED);

        assertThat(find(STATUS_APPROVED)).containsExactly(v2);
        assertThat(find(STATUS_APPROVED, STATUS_DEPRECATED)).containsExactly(v2);
        assertThat(ids(FindDocuments.ID, "$XDSDocumentEntryPatientId", string(patient), "$XDSDocumentEntryStatus",
                list(STATUS_APPROVED, STATUS_DEPRECATED), "$MetadataLevel", "2")).containsExactlyInAnyOrder(v1.uuid, v2);
        assertThat(ids(GetDocuments.ID, "$XDSDocumentEntryUniqueId", list(v1.uniqueId))).containsExactly(v2);
        assertThat(ids(GetDocuments.ID, "$XDSDocumentEntryUniqueId", list(v1.uniqueId), "$MetadataLevel", "2"))
                .containsExactlyInAnyOrder(v1.uuid, v2);
        assertThat(ids(GetDocuments.ID, "$XDSDocumentEntryLogicalID", list(v1.uuid), "$MetadataLevel", "2"))
                .containsExactlyInAnyOrder(v1.uuid, v2);
        assertThat(ids(GetDocuments.ID, "$XDSDocumentEntryEntryUUID", list(v1.uuid), "$MetadataLevel", "2"))
                .containsExactly(v1.uuid);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-2b 3.57.4.1.3.3.1.3: PreviousVersion other than the latest version is XDSMetadataVersionError")
    void rejectsUpdateWhosePreviousVersionIsNotTheLatest(TestDatabase database) {
        start(database);
        Registered v1 = registerDocument();
        update(newVersion(v1, "1", List.of()));

        assertRefusedUnchanged(XdsErrorCode.XDSMetadataVersionError, newVersion(v1, "1", List.of()));
        assertRefusedUnchanged(XdsErrorCode.XDSMetadataVersionError, newVersion(v1, "7", List.of()));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("XDS Metadata Update (error table): a new version with another patient is XDSPatientIDReconciliationError")
    void rejectsUpdateThatChangesThePatient(TestDatabase database) {
        start(database);
        Registered v1 = registerDocument();
        String otherPatient = Submissions.patient(Submissions.nir(2_840_375_000_000L + Submissions.next() % 1_000_000));

        assertRefusedUnchanged(XdsErrorCode.XDSPatientIDReconciliationError,
                newVersion(v1, "1", List.of()).replace(patient.replace("&", "&amp;"), otherPatient.replace("&", "&amp;")));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-2b 3.57.4.1.3.3.1.3: a logicalID no DocumentEntry has is XDSMetadataUpdateError")
    void rejectsUpdateOfAnUnknownLogicalId(TestDatabase database) {
        start(database);
        Registered v1 = registerDocument();
        Registered unknown = new Registered("urn:uuid:0b7c6a3e-6f1e-4a55-9d2b-1d2a3c4b5e6f", v1.uniqueId, v1.sequence);

        assertRefusedUnchanged(XdsErrorCode.XDSMetadataUpdateError, newVersion(unknown, "1", List.of()));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-2b 3.57.4.1.3.3.1.3: a new version keeps the uniqueId (XDSMetadataUpdateError) and the hash "
            + "(XDSNonIdenticalHash)")
    void rejectsUpdateThatChangesUniqueIdOrHash(TestDatabase database) {
        start(database);
        Registered v1 = registerDocument();

        assertRefusedUnchanged(XdsErrorCode.XDSMetadataUpdateError,
                newVersion(v1, "1", List.of()).replace(v1.uniqueId + "\"", v1.uniqueId + ".9\""));
        assertRefusedUnchanged(XdsErrorCode.XDSNonIdenticalHash, newVersion(v1, "1", List.of())
                .replace("da39a3ee5e6b4b0d3255bfef95601890afd80709", "0000000000000000000000000000000000000000"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-2b 3.57.4.1.3.1: an Update Document Set carries no first version (lid missing) - "
            + "XDSMetadataUpdateError")
    void rejectsFirstVersionInUpdate(TestDatabase database) {
        start(database);
        registerDocument();

        assertRefusedUnchanged(XdsErrorCode.XDSMetadataUpdateError, Submissions.template(patient, Submissions.next()));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("DMP TD3.3a/b: hiding from professionals (MASQUE_PS) and showing again are new versions with "
            + "another confidentialityCode")
    void masksAndUnmasksByConfidentialityCode(TestDatabase database) {
        start(database);
        Registered v1 = registerDocument();

        String v2 = update(newVersion(v1, "1", List.of(MASQUE_PS))).documentEntries().get(0).entryUuid();
        assertThat(findWithConfidentiality(MASQUE_PS)).containsExactly(v2);
        assertThat(findWithConfidentiality(NORMAL)).containsExactly(v2);

        String v3 = update(newVersion(v1, "2", List.of())).documentEntries().get(0).entryUuid();
        assertThat(findWithConfidentiality(MASQUE_PS)).isEmpty();
        assertThat(find(STATUS_APPROVED)).containsExactly(v3);
        assertThat(versionName(v3)).isEqualTo("3");
        assertThat(status(v2)).isEqualTo(STATUS_DEPRECATED);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-2b 3.57.4.1.3.3.1.5: the new version inherits the Folder membership of the previous one;"
            + " the Folder's lastUpdateTime follows (ITI TF-3 4.2.3.4)")
    void newVersionStaysInTheFolder(TestDatabase database) {
        start(database);
        long id = Submissions.next();
        String xml = Submissions.withFolder(Submissions.template(patient, id), patient, "Folder01",
                "1.2.250.1.999.2.4." + id, List.of("CARDIO^^1.2.250.1.999.9"), "Document01");
        Submission submission = register.register(Submissions.parse(xml).getRegistryObjectList());
        Registered v1 = new Registered(submission.documentEntries().get(0).entryUuid(),
                submission.documentEntries().get(0).uniqueId(), id);
        String folder = submission.folders().get(0).entryUuid();
        long created = jdbc.queryForObject("SELECT last_update_time FROM folder WHERE uuid = ?", Long.class, folder);
        jdbc.update("UPDATE folder SET last_update_time = 20000101000000, ebrim = REPLACE(ebrim, ?, ?) WHERE uuid = ?",
                ">" + created + "<", ">20000101000000<", folder);
        assertThat(jdbc.queryForObject("SELECT ebrim FROM folder WHERE uuid = ?", String.class, folder))
                .contains(">20000101000000<");

        String v2 = update(newVersion(v1, "1", List.of())).documentEntries().get(0).entryUuid();

        assertThat(ids(GetFolderAndContents.ID, "$XDSFolderEntryUUID", string(folder)))
                .contains(folder, v2).doesNotContain(v1.uuid);
        assertThat(jdbc.queryForObject("SELECT last_update_time FROM folder WHERE uuid = ?", Long.class, folder))
                .isGreaterThan(20000101000000L);
        assertThat(jdbc.queryForObject("SELECT ebrim FROM folder WHERE uuid = ?", String.class, folder))
                .doesNotContain("20000101000000");
    }

    // ------------------------------------------------------------------ availabilityStatus

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-2b 3.57.4.1.3.3.2: Approved -> Deprecated -> Approved")
    void deprecatesAndApprovesAgain(TestDatabase database) {
        start(database);
        Registered v1 = registerDocument();

        update(statusUpdate(v1.uuid, STATUS_APPROVED, STATUS_DEPRECATED));
        assertThat(status(v1.uuid)).isEqualTo(STATUS_DEPRECATED);
        assertThat(find(STATUS_APPROVED)).isEmpty();

        update(statusUpdate(v1.uuid, STATUS_DEPRECATED, STATUS_APPROVED));
        assertThat(status(v1.uuid)).isEqualTo(STATUS_APPROVED);
        assertThat(storedStatus(v1.uuid)).isEqualTo(STATUS_APPROVED);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("DMP TD3.3d: Approved -> Archived; an archived document is found only when the status list asks for it")
    void archivesAndUnarchives(TestDatabase database) {
        start(database);
        Registered v1 = registerDocument();

        update(statusUpdate(v1.uuid, STATUS_APPROVED, STATUS_ARCHIVED));
        assertThat(status(v1.uuid)).isEqualTo(STATUS_ARCHIVED);
        assertThat(storedStatus(v1.uuid)).isEqualTo(STATUS_ARCHIVED);
        assertThat(find(STATUS_APPROVED, STATUS_DEPRECATED)).isEmpty();
        assertThat(find(STATUS_ARCHIVED)).containsExactly(v1.uuid);
        assertThat(ids(GetDocuments.ID, "$XDSDocumentEntryEntryUUID", list(v1.uuid))).isEmpty();

        update(statusUpdate(v1.uuid, STATUS_ARCHIVED, STATUS_APPROVED));
        assertThat(find(STATUS_APPROVED)).containsExactly(v1.uuid);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("DMP TD3.3c: Approved -> Deleted, and Archived -> Deleted as the official example sends it; "
            + "Deleted is final")
    void deletes(TestDatabase database) {
        start(database);
        Registered first = registerDocument();
        Registered second = registerDocument();

        update(statusUpdate(first.uuid, STATUS_APPROVED, STATUS_DELETED));
        update(statusUpdate(second.uuid, STATUS_APPROVED, STATUS_ARCHIVED));
        update(statusUpdate(second.uuid, STATUS_ARCHIVED, STATUS_DELETED));

        assertThat(find(STATUS_DELETED)).containsExactlyInAnyOrder(first.uuid, second.uuid);
        assertThat(find(STATUS_APPROVED, STATUS_DEPRECATED, STATUS_ARCHIVED)).isEmpty();
        assertRefusedUnchanged(XdsErrorCode.XDSMetadataUpdateError, statusUpdate(first.uuid, STATUS_DELETED, STATUS_APPROVED));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-2b 3.57.4.1.3.3.2.3: OriginalStatus other than the current status is XDSMetadataUpdateError")
    void rejectsWrongOriginalStatus(TestDatabase database) {
        start(database);
        Registered v1 = registerDocument();

        assertRefusedUnchanged(XdsErrorCode.XDSMetadataUpdateError, statusUpdate(v1.uuid, STATUS_ARCHIVED, STATUS_DELETED));
        assertRefusedUnchanged(XdsErrorCode.XDSMetadataUpdateError,
                statusUpdate(v1.uuid, STATUS_DEPRECATED, STATUS_APPROVED));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-2b 3.57.4.1.3.3.2.3: an unknown target, or an old version, is XDSMetadataUpdateError")
    void rejectsUnknownOrOldTarget(TestDatabase database) {
        start(database);
        Registered v1 = registerDocument();
        assertRefusedUnchanged(XdsErrorCode.XDSMetadataUpdateError,
                statusUpdate("urn:uuid:0b7c6a3e-6f1e-4a55-9d2b-1d2a3c4b5e6f", STATUS_APPROVED, STATUS_ARCHIVED));

        update(newVersion(v1, "1", List.of()));
        assertRefusedUnchanged(XdsErrorCode.XDSMetadataUpdateError,
                statusUpdate(v1.uuid, STATUS_DEPRECATED, STATUS_APPROVED));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("A refused operation undoes the whole request: a valid status change in the same request is not kept")
    void refusalUndoesTheWholeRequest(TestDatabase database) {
        start(database);
        Registered first = registerDocument();
        Registered second = registerDocument();
        String both = statusUpdate(first.uuid, STATUS_APPROVED, STATUS_ARCHIVED).replace("</RegistryObjectList>",
                statusAssociation("bad", second.uuid, STATUS_DEPRECATED, STATUS_APPROVED) + "</RegistryObjectList>");

        assertRefusedUnchanged(XdsErrorCode.XDSMetadataUpdateError, both);
        assertThat(status(first.uuid)).isEqualTo(STATUS_APPROVED);
    }

    // ------------------------------------------------------------------ Folders

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-2b 3.57.4.1.3.3.3 and 3.57.4.1.3.3.4: a new Folder version keeps its documents; "
            + "a Folder goes Approved -> Deprecated")
    void updatesFolders(TestDatabase database) {
        start(database);
        long id = Submissions.next();
        String folderUid = "1.2.250.1.999.2.4." + id;
        String xml = Submissions.withFolder(Submissions.template(patient, id), patient, "Folder01", folderUid,
                List.of("CARDIO^^1.2.250.1.999.9"), "Document01");
        Submission submission = register.register(Submissions.parse(xml).getRegistryObjectList());
        String folder = submission.folders().get(0).entryUuid();
        String document = submission.documentEntries().get(0).entryUuid();

        String newFolder = update(folderVersion(folder, folderUid)).folders().get(0).entryUuid();
        assertThat(jdbc.queryForObject("SELECT status FROM folder WHERE uuid = ?", String.class, folder))
                .isEqualTo(STATUS_DEPRECATED);
        assertThat(ids(GetFolderAndContents.ID, "$XDSFolderEntryUUID", string(newFolder))).contains(newFolder, document);
        assertThat(ids(GetFolderAndContents.ID, "$XDSFolderEntryUUID", string(folder))).isEmpty();

        update(statusUpdate(newFolder, STATUS_APPROVED, STATUS_DEPRECATED));
        assertThat(jdbc.queryForObject("SELECT status FROM folder WHERE uuid = ?", String.class, newFolder))
                .isEqualTo(STATUS_DEPRECATED);
        assertRefusedUnchanged(XdsErrorCode.XDSMetadataUpdateError,
                statusUpdate(newFolder, STATUS_DEPRECATED, STATUS_ARCHIVED));
    }

    // ------------------------------------------------------------------ helpers

    private record Registered(String uuid, String uniqueId, long sequence) {
    }

    private Registered registerDocument() {
        long id = Submissions.next();
        Submission submission = register.register(Submissions.parse(Submissions.template(patient, id))
                .getRegistryObjectList());
        return new Registered(submission.documentEntries().get(0).entryUuid(), submission.documentEntries().get(0)
                .uniqueId(), id);
    }

    private Submission update(String xml) {
        return update.update(Submissions.parse(xml).getRegistryObjectList());
    }

    /** A new version of the template's Document01 (same uniqueId), with extra confidentiality codes. */
    private String newVersion(Registered previous, String previousVersion, List<String> extraConfidentiality) {
        String xml = Submissions.template(patient, previous.sequence)
                .replace("1.2.250.1.999.2.1." + previous.sequence, "1.2.250.1.999.2.1." + Submissions.next())
                .replace("<ExtrinsicObject id=\"Document01\"", "<ExtrinsicObject id=\"Document01\" lid=\"" + previous.uuid + "\"")
                .replace("<Value>Original</Value></ValueList></Slot>", "<Value>Original</Value></ValueList></Slot>"
                        + "<Slot name=\"PreviousVersion\"><ValueList><Value>" + previousVersion + "</Value></ValueList></Slot>");
        StringBuilder codes = new StringBuilder();
        int n = 0;
        for (String code : extraConfidentiality) {
            String[] parts = code.split("\\^\\^");
            codes.append("<Classification classificationScheme=\"").append(DE_CONFIDENTIALITY_CODE)
                    .append("\" classifiedObject=\"Document01\" id=\"confx").append(++n).append("\" nodeRepresentation=\"")
                    .append(parts[0]).append("\"><Slot name=\"codingScheme\"><ValueList><Value>").append(parts[1])
                    .append("</Value></ValueList></Slot></Classification>");
        }
        return xml.replace("<Classification classificationScheme=\"urn:uuid:a09d5840", codes
                + "<Classification classificationScheme=\"urn:uuid:a09d5840");
    }

    /** The template's SubmissionSet alone (new uniqueId) with one UpdateAvailabilityStatus Association. */
    private String statusUpdate(String target, String original, String newStatus) {
        return submissionSetOnly().replace("</RegistryObjectList>",
                statusAssociation("status01", target, original, newStatus) + "</RegistryObjectList>");
    }

    private String submissionSetOnly() {
        return Submissions.template(patient, Submissions.next())
                .replaceAll("(?s)<ExtrinsicObject.*</ExtrinsicObject>", "")
                .replaceAll("(?s)<Association [^>]*id=\"member01\".*?</Association>", "");
    }

    private static String statusAssociation(String id, String target, String original, String newStatus) {
        return "<Association associationType=\"" + UPDATE_AVAILABILITY_STATUS + "\" id=\"" + id + "\""
                + " sourceObject=\"SubmissionSet01\" targetObject=\"" + target + "\">"
                + "<Slot name=\"OriginalStatus\"><ValueList><Value>" + original + "</Value></ValueList></Slot>"
                + "<Slot name=\"NewStatus\"><ValueList><Value>" + newStatus + "</Value></ValueList></Slot></Association>";
    }

    /** A new version of a Folder of the patient (same uniqueId, another code), PreviousVersion 1. */
    private String folderVersion(String lid, String uniqueId) {
        String xml = Submissions.withFolder(submissionSetOnly(), patient, "Folder02", uniqueId,
                List.of("NEURO^^1.2.250.1.999.9"));
        return xml.replace("<RegistryPackage id=\"Folder02\"", "<RegistryPackage id=\"Folder02\" lid=\"" + lid + "\"")
                .replace("<Value>Original</Value></ValueList></Slot>", "<Value>Original</Value></ValueList></Slot>"
                        + "<Slot name=\"PreviousVersion\"><ValueList><Value>1</Value></ValueList></Slot>");
    }

    private void assertRefusedUnchanged(XdsErrorCode expected, String xml) {
        List<String> before = snapshot();
        assertThatThrownBy(() -> update(xml))
                .isInstanceOfSatisfying(XdsException.class, e -> assertThat(e.errorCode()).isEqualTo(expected));
        assertThat(snapshot()).isEqualTo(before);
    }

    /** Every registered object with its status and stored ebRIM: equal snapshots mean nothing changed. */
    private List<String> snapshot() {
        return jdbc.queryForList("SELECT uuid || status || ebrim FROM document_entry UNION ALL"
                + " SELECT uuid || status || ebrim FROM folder UNION ALL SELECT uuid || status FROM submission_set"
                + " UNION ALL SELECT uuid || status FROM association ORDER BY 1", String.class);
    }

    private String status(String uuid) {
        return jdbc.queryForObject("SELECT status FROM document_entry WHERE uuid = ?", String.class, uuid);
    }

    private String storedStatus(String uuid) {
        String xml = jdbc.queryForObject("SELECT ebrim FROM document_entry WHERE uuid = ?", String.class, uuid);
        return ((RegistryObjectType) ebrimXml.fromXml(xml).getValue()).getStatus();
    }

    private String versionName(String uuid) {
        String xml = jdbc.queryForObject("SELECT ebrim FROM document_entry WHERE uuid = ?", String.class, uuid);
        return ((RegistryObjectType) ebrimXml.fromXml(xml).getValue()).getVersionInfo().getVersionName();
    }

    private List<String> find(String... statuses) {
        return ids(FindDocuments.ID, "$XDSDocumentEntryPatientId", string(patient), "$XDSDocumentEntryStatus",
                list(statuses));
    }

    private List<String> findWithConfidentiality(String code) {
        return ids(FindDocuments.ID, "$XDSDocumentEntryPatientId", string(patient), "$XDSDocumentEntryStatus",
                list(STATUS_APPROVED), "$XDSDocumentEntryConfidentialityCode", list(code));
    }

    private List<String> ids(String queryId, String... nameValuePairs) {
        return objects(queryId, nameValuePairs).stream().map(IdentifiableType::getId).toList();
    }

    private List<IdentifiableType> objects(String queryId, String... nameValuePairs) {
        AdhocQueryRequest request = TestRegistry.request(queryId, "LeafClass", nameValuePairs);
        return queries.query(request).resolved(ebrimXml).getRegistryObjectList().getIdentifiable().stream()
                .map(e -> (IdentifiableType) e.getValue()).toList();
    }
}
