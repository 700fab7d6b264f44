package org.opendmp.registry.remove;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opendmp.registry.testsupport.TestRegistry.list;
import static org.opendmp.registry.testsupport.TestRegistry.string;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opendmp.registry.access.Access;
import org.opendmp.registry.ebrim.EbrimXml;
import org.opendmp.registry.ebrim.XdsVocabulary;
import org.opendmp.registry.error.XdsErrorCode;
import org.opendmp.registry.error.XdsException;
import org.opendmp.registry.model.Association;
import org.opendmp.registry.model.Submission;
import org.opendmp.registry.store.RegistryStore;
import org.opendmp.registry.testsupport.Submissions;
import org.opendmp.testsupport.TestDatabase;
import org.opendmp.registry.testsupport.TestRegistry;
import org.opendmp.wsdl.lcm.RemoveObjectsRequest;
import org.opendmp.wsdl.rim.AdhocQueryType;
import org.opendmp.wsdl.rim.ObjectRefListType;
import org.opendmp.wsdl.rim.ObjectRefType;
import org.opendmp.wsdl.rs.RegistryError;
import org.opendmp.wsdl.rs.RegistryResponseType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * ITI-62 Remove Metadata against real storage, on H2 and on PostgreSQL. Fixture: one ITI-42
 * submission of patient P (SubmissionSet S, DocumentEntry D, HasMember S-D), with a Folder F in
 * the folder tests (HasMember S-F and F-D).
 */
class RemoveMetadataTest {

    private static final String FIND_DOCUMENTS = "urn:uuid:14d4debf-8f97-4251-9a74-a90016b0af0d";
    private static final String GET_DOCUMENTS = "urn:uuid:5c4f972b-d56b-40ac-a5fc-c8ca9b40b9d4";
    private static final String GET_SUBMISSION_SETS = "urn:uuid:51224314-5390-4169-9b91-b1980040715a";
    private static final String GET_FOLDERS = "urn:uuid:5737b14c-8a1a-4539-b659-e03a34a5e1e4";
    private static final String GET_FOLDER_AND_CONTENTS = "urn:uuid:b909a503-523d-4517-8acf-8e5834dfc4c7";
    private static final String APPROVED = list(XdsVocabulary.STATUS_APPROVED);

    private TestRegistry registry;
    private JdbcTemplate jdbc;
    private RemoveMetadata removal;
    private String patient;
    private String set;
    private String document;
    private String setHasDocument;
    private String folder;
    private String setHasFolder;
    private String folderHasDocument;

    private void start(TestDatabase database, boolean withFolder) {
        registry = new TestRegistry(database);
        jdbc = new JdbcTemplate(registry.dataSource());
        removal = new RemoveMetadata(new RegistryStore(jdbc, new EbrimXml()), new RemovalStore(jdbc),
                new TransactionTemplate(new DataSourceTransactionManager(registry.dataSource())));
        patient = Submissions.patient(Submissions.nir(1_000_000_000_000L + Submissions.next() % 8_000_000_000_000L));
        String xml = Submissions.template(patient, Submissions.next());
        if (withFolder) {
            xml = Submissions.withFolder(xml, patient, "Folder01", "1.2.250.1.999.2.4." + Submissions.next(),
                    List.of("A1^^1.2.250.1.999.9"), "Document01");
        }
        Submission submission = registry.register(xml);
        set = submission.submissionSet().entryUuid();
        document = submission.documentEntries().get(0).entryUuid();
        for (Association a : submission.associations()) {
            if (a.sourceObject().equals(set) && a.targetObject().equals(document)) {
                setHasDocument = a.entryUuid();
            } else if (a.targetObject().equals(document)) {
                folderHasDocument = a.entryUuid();
            } else {
                setHasFolder = a.entryUuid();
            }
        }
        if (withFolder) {
            folder = submission.folders().get(0).entryUuid();
        }
    }

    // ------------------------------------------------------------------ the caller's RemovalGuard

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI-62: the RemovalGuard sees the entryUUIDs named; its refusal removes nothing")
    void removalGuardRefusalRemovesNothing(TestDatabase database) {
        start(database, false);
        Map<String, Integer> before = rows();
        List<Collection<String>> seen = new ArrayList<>();
        Access refusing = Access.UNRESTRICTED.withRemoval(ids -> {
            seen.add(ids);
            throw new XdsException(XdsErrorCode.XDSRegistryError, "removal is for document administrators");
        });

        assertThatThrownBy(() -> removal.remove(request(set, document, setHasDocument), refusing))
                .isInstanceOfSatisfying(XdsException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(XdsErrorCode.XDSRegistryError));

        assertThat(seen).singleElement().satisfies(ids ->
                assertThat(ids).containsExactlyInAnyOrder(set, document, setHasDocument));
        assertThat(rows()).isEqualTo(before);
        assertSuccess(removal.remove(request(set, document, setHasDocument),
                Access.UNRESTRICTED.withRemoval(ids -> seen.add(ids))));
        assertThat(count("document_entry")).isZero();
    }

    // ------------------------------------------------------------------ removals that succeed

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI-62: a SubmissionSet removed with its DocumentEntry and HasMember is gone from every query,"
            + " its codes, authors and referenceIds with it")
    void removesTheSubmissionSetItsDocumentAndTheirAssociation(TestDatabase database) {
        start(database, false);

        assertSuccess(removal.remove(request(set, document, setHasDocument)));

        assertThat(registry.ids(FIND_DOCUMENTS, "$XDSDocumentEntryPatientId", string(patient),
                "$XDSDocumentEntryStatus", APPROVED)).isEmpty();
        assertThat(registry.ids(GET_DOCUMENTS, "$XDSDocumentEntryEntryUUID", list(document))).isEmpty();
        assertThat(registry.ids(GET_SUBMISSION_SETS, "$uuid", list(document))).isEmpty();
        assertThat(rows().values()).containsOnly(0);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM document_entry_code", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM document_entry_author", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM submission_set_author", Integer.class)).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI-62: removing a DocumentEntry's membership of a Folder leaves the Folder, still a member of"
            + " its SubmissionSet (NIST toolkit Remove Metadata test)")
    void removesADocumentFromAFolder(TestDatabase database) {
        start(database, true);

        assertSuccess(removal.remove(request(folderHasDocument)));

        assertThat(registry.ids(GET_FOLDER_AND_CONTENTS, "$XDSFolderEntryUUID", string(folder)))
                .containsExactly(folder);
        assertThat(registry.ids(FIND_DOCUMENTS, "$XDSDocumentEntryPatientId", string(patient),
                "$XDSDocumentEntryStatus", APPROVED)).containsExactly(document);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI-62: a Folder removed with all its HasMember Associations leaves its DocumentEntry in place")
    void removesAFolderWithItsAssociations(TestDatabase database) {
        start(database, true);

        assertSuccess(removal.remove(request(folder, folderHasDocument, setHasFolder)));

        assertThat(registry.ids(GET_FOLDERS, "$XDSFolderEntryUUID", list(folder))).isEmpty();
        assertThat(registry.ids(FIND_DOCUMENTS, "$XDSDocumentEntryPatientId", string(patient),
                "$XDSDocumentEntryStatus", APPROVED)).containsExactly(document);
        assertThat(rows()).containsEntry("folder", 0).containsEntry("association", 1).containsEntry("document_entry", 1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI-62: a whole submission with a Folder is removed in one request")
    void removesAWholeSubmissionWithAFolder(TestDatabase database) {
        start(database, true);

        assertSuccess(removal.remove(request(setHasFolder, folderHasDocument, setHasDocument, folder, document, set)));

        assertThat(rows().values()).containsOnly(0);
    }

    // ------------------------------------------------------------------ refusals: nothing removed

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI-62 UnresolvedReferenceException: an entryUUID that names no registry object; the known"
            + " objects of the same request stay")
    void refusesAnUnknownEntryUuidAndRemovesNothing(TestDatabase database) {
        start(database, false);
        String unknown = "urn:uuid:" + UUID.randomUUID();

        RegistryResponseType response = removal.remove(request(set, document, setHasDocument, unknown));

        assertRefused(response, XdsErrorCode.UnresolvedReferenceException, unknown);
        assertThat(rows()).containsEntry("submission_set", 1).containsEntry("document_entry", 1)
                .containsEntry("association", 1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI-62 ReferencesExistException: a SubmissionSet whose HasMember Association stays")
    void refusesASubmissionSetStillReferredToByItsHasMember(TestDatabase database) {
        start(database, false);

        assertRefused(removal.remove(request(set)), XdsErrorCode.ReferencesExistException, set);
        assertThat(rows()).containsEntry("submission_set", 1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI-62 ReferencesExistException: a DocumentEntry still a member of a Folder whose HasMember stays")
    void refusesADocumentStillInAFolder(TestDatabase database) {
        start(database, true);

        assertRefused(removal.remove(request(document, setHasDocument)), XdsErrorCode.ReferencesExistException,
                document);
        assertThat(rows()).containsEntry("document_entry", 1).containsEntry("association", 3);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI-62 ReferencesExistException: a Folder removed without its HasMember Associations")
    void refusesAFolderWithoutItsAssociations(TestDatabase database) {
        start(database, true);

        assertRefused(removal.remove(request(folder)), XdsErrorCode.ReferencesExistException, folder);
        assertThat(rows()).containsEntry("folder", 1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI-62 XDSUnreferencedObjectException: removing the only DocumentEntry of a SubmissionSet"
            + " without the SubmissionSet (NIST toolkit Remove Metadata test)")
    void refusesToLeaveAnEmptySubmissionSet(TestDatabase database) {
        start(database, false);

        assertRefused(removal.remove(request(document, setHasDocument)), XdsErrorCode.XDSUnreferencedObjectException,
                set);
        assertThat(rows()).containsEntry("document_entry", 1).containsEntry("association", 1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI-62 ReferencesExistException: a SubmissionSet removed while a DocumentEntry submitted in it"
            + " stays (here kept by its Folder)")
    void refusesToRemoveTheSubmissionSetOfADocumentThatStays(TestDatabase database) {
        start(database, true);

        assertRefused(removal.remove(request(set, setHasDocument, setHasFolder)),
                XdsErrorCode.ReferencesExistException, document);
        assertThat(rows()).containsEntry("submission_set", 1).containsEntry("association", 3);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI-62 reports every refusal of a request at once")
    void reportsEveryRefusal(TestDatabase database) {
        start(database, true);

        RegistryResponseType response = removal.remove(request(folder, set));

        assertThat(response.getStatus()).isEqualTo(XdsVocabulary.RESPONSE_FAILURE);
        assertThat(response.getRegistryErrorList().getRegistryError()).extracting(RegistryError::getLocation)
                .containsExactlyInAnyOrder(folder, set);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-2b 3.62.4.1.2: objects are named in an ObjectRefList, not chosen by an AdhocQuery")
    void refusesAnAdhocQueryOrAnEmptyList(TestDatabase database) {
        start(database, false);
        RemoveObjectsRequest byQuery = request(document);
        byQuery.setAdhocQuery(new AdhocQueryType());

        assertThatThrownBy(() -> removal.remove(byQuery)).isInstanceOfSatisfying(XdsException.class,
                e -> assertThat(e.errorCode()).isEqualTo(XdsErrorCode.XDSRegistryMetadataError));
        assertThatThrownBy(() -> removal.remove(request())).isInstanceOfSatisfying(XdsException.class,
                e -> assertThat(e.errorCode()).isEqualTo(XdsErrorCode.XDSRegistryMetadataError));
        assertThat(rows()).containsEntry("document_entry", 1);
    }

    // ------------------------------------------------------------------ helpers

    private static RemoveObjectsRequest request(String... uuids) {
        ObjectRefListType refs = new ObjectRefListType();
        for (String uuid : uuids) {
            ObjectRefType ref = new ObjectRefType();
            ref.setId(uuid);
            refs.getObjectRef().add(ref);
        }
        RemoveObjectsRequest request = new RemoveObjectsRequest();
        request.setObjectRefList(refs);
        return request;
    }

    private Map<String, Integer> rows() {
        return Map.of("submission_set", count("submission_set"), "document_entry", count("document_entry"),
                "folder", count("folder"), "association", count("association"));
    }

    private int count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }

    private static void assertSuccess(RegistryResponseType response) {
        assertThat(response.getRegistryErrorList()).isNull();
        assertThat(response.getStatus()).isEqualTo(XdsVocabulary.RESPONSE_SUCCESS);
    }

    private static void assertRefused(RegistryResponseType response, XdsErrorCode code, String location) {
        assertThat(response.getStatus()).isEqualTo(XdsVocabulary.RESPONSE_FAILURE);
        assertThat(response.getRegistryErrorList().getRegistryError())
                .anySatisfy(error -> {
                    assertThat(error.getErrorCode()).isEqualTo(code.name());
                    assertThat(error.getLocation()).isEqualTo(location);
                    assertThat(error.getCodeContext()).contains(location);
                });
    }
}
