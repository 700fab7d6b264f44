package org.opendmp.repository.provide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opendmp.registry.ebrim.EbrimXml;
import org.opendmp.registry.ebrim.SubmissionReader;
import org.opendmp.registry.ebrim.XdsVocabulary;
import org.opendmp.registry.error.XdsErrorCode;
import org.opendmp.registry.error.XdsException;
import org.opendmp.pixpdq.ins.InsOids;
import org.opendmp.registry.patient.PatientIdPolicy;
import org.opendmp.registry.testsupport.TestPatients;
import org.opendmp.registry.store.RegistryStore;
import org.opendmp.registry.submit.RegisterDocumentSet;
import org.opendmp.registry.testsupport.Submissions;
import org.opendmp.testsupport.TestDatabase;
import org.opendmp.repository.retrieve.RetrieveDocumentSet;
import org.opendmp.repository.store.DocumentStore;
import org.opendmp.repository.store.JdbcDocumentStore;
import org.opendmp.repository.store.StoredDocument;
import org.opendmp.wsdl.xdsb.DocumentRequestType;
import org.opendmp.wsdl.xdsb.ProvideAndRegisterDocumentSetRequestType;
import org.opendmp.wsdl.xdsb.RetrieveDocumentSetRequestType;
import org.opendmp.wsdl.xdsb.RetrieveDocumentSetResponseType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** ITI-41 and ITI-43 with the registry in process, on H2 and on PostgreSQL. */
class ProvideAndRegisterDocumentSetTest {

    private static final String REPOSITORY = "1.2.250.1.213.4.1.1.1.2";
    private static final byte[] CONTENT = "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"/>".getBytes(StandardCharsets.UTF_8);

    private JdbcTemplate jdbc;
    private ProvideAndRegisterDocumentSet provide;
    private RetrieveDocumentSet retrieve;

    private void start(TestDatabase database, DocumentStore documentsOverride) {
        DataSource dataSource = database.fresh();
        jdbc = new JdbcTemplate(dataSource);
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        RegisterDocumentSet registry = new RegisterDocumentSet(
                new SubmissionReader(new PatientIdPolicy(Set.of(InsOids.NIR_TEST), TestPatients.ALL_OPEN)),
                new RegistryStore(jdbc, new EbrimXml()), transactions, Clock.systemUTC());
        DocumentStore documents = documentsOverride != null ? documentsOverride : new JdbcDocumentStore(jdbc, REPOSITORY);
        provide = new ProvideAndRegisterDocumentSet(registry, documents, transactions, REPOSITORY);
        retrieve = new RetrieveDocumentSet(new JdbcDocumentStore(jdbc, REPOSITORY), REPOSITORY);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void storesTheDocumentWithComputedSizeAndHashAndRetrievesIt(TestDatabase database) {
        start(database, null);
        long id = Submissions.next();
        provide.provide(request(withoutRepositorySlots(Submissions.template(patient(), id)), "Document01", CONTENT));

        assertThat(jdbc.queryForObject("SELECT document_hash FROM document_entry", String.class))
                .isEqualTo(ProvideAndRegisterDocumentSet.sha1(CONTENT));
        RetrieveDocumentSetResponseType response = retrieve.retrieve(retrieveRequest("1.2.250.1.999.2.3." + id));
        assertThat(response.getRegistryResponse().getStatus()).isEqualTo(XdsVocabulary.RESPONSE_SUCCESS);
        assertThat(response.getDocumentResponse().get(0).getDocument()).isEqualTo(CONTENT);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rejectsSuppliedHashThatDiffersFromTheDocument(TestDatabase database) {
        start(database, null);
        String metadata = Submissions.template(patient(), Submissions.next()); // says SHA-1 of the empty document
        assertRefused(() -> provide.provide(request(metadata, "Document01", CONTENT)), XdsErrorCode.XDSNonIdenticalSize);
        String sizeRight = metadata.replace("<Value>0</Value>", "<Value>" + CONTENT.length + "</Value>");
        assertRefused(() -> provide.provide(request(sizeRight, "Document01", CONTENT)), XdsErrorCode.XDSNonIdenticalHash);
        assertNothingStored();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("Resubmission through ITI-41: the same document again is registered again, its bytes kept once;"
            + " other bytes under its uniqueId get XDSNonIdenticalHash")
    void resubmissionOfTheSameDocumentKeepsOneCopyOfItsBytes(TestDatabase database) {
        start(database, null);
        String patient = patient();
        long id = Submissions.next();
        provide.provide(request(withoutRepositorySlots(Submissions.template(patient, id)), "Document01", CONTENT));

        provide.provide(request(withoutRepositorySlots(Submissions.resubmission(patient, id)), "Document01", CONTENT));

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM document_entry", Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM document", Integer.class)).isEqualTo(1);
        byte[] other = "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><!-- v2 --></ClinicalDocument>"
                .getBytes(StandardCharsets.UTF_8);
        assertRefused(() -> provide.provide(request(withoutRepositorySlots(Submissions.resubmission(patient, id)),
                "Document01", other)), XdsErrorCode.XDSNonIdenticalHash);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM document_entry", Integer.class)).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rejectsDocumentEntryWithoutDocumentAndDocumentWithoutEntry(TestDatabase database) {
        start(database, null);
        String metadata = withoutRepositorySlots(Submissions.template(patient(), Submissions.next()));
        assertRefused(() -> provide.provide(request(metadata)), XdsErrorCode.XDSMissingDocument);
        ProvideAndRegisterDocumentSetRequestType extra = request(metadata, "Document01", CONTENT);
        extra.getDocument().add(document("Document02", CONTENT));
        assertRefused(() -> provide.provide(extra), XdsErrorCode.XDSMissingDocumentMetadata);
        assertNothingStored();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void pairsDocumentWhoseIdDiffersOnlyInCaseAsInTheOfficialDmpExample(TestDatabase database) {
        start(database, null);
        provide.provide(request(withoutRepositorySlots(Submissions.template(patient(), Submissions.next())),
                "document01", CONTENT));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM document", Integer.class)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void leavesNoMetadataWhenStoringTheBytesFails(TestDatabase database) {
        start(database, new DocumentStore() {
            @Override
            public void store(StoredDocument document) {
                throw new IllegalStateException("disk full");
            }

            @Override
            public Map<String, StoredDocument> find(Collection<String> uniqueIds) {
                return Map.of();
            }

            @Override
            public Set<String> remove(Collection<String> uniqueIds) {
                return Set.of();
            }
        });
        String metadata = withoutRepositorySlots(Submissions.template(patient(), Submissions.next()));
        assertThatThrownBy(() -> provide.provide(request(metadata, "Document01", CONTENT)))
                .isInstanceOf(IllegalStateException.class);
        assertNothingStored();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void retrieveOfKnownAndUnknownDocumentsIsPartialSuccess(TestDatabase database) {
        start(database, null);
        long id = Submissions.next();
        provide.provide(request(withoutRepositorySlots(Submissions.template(patient(), id)), "Document01", CONTENT));
        RetrieveDocumentSetRequestType request = retrieveRequest("1.2.250.1.999.2.3." + id);
        request.getDocumentRequest().addAll(retrieveRequest("1.2.250.1.999.2.3.404").getDocumentRequest());
        DocumentRequestType otherRepository = retrieveRequest("1.2.250.1.999.2.3." + id).getDocumentRequest().get(0);
        otherRepository.setRepositoryUniqueId("1.2.3.4");
        request.getDocumentRequest().add(otherRepository);

        RetrieveDocumentSetResponseType response = retrieve.retrieve(request);
        assertThat(response.getRegistryResponse().getStatus()).isEqualTo(XdsVocabulary.RESPONSE_PARTIAL_SUCCESS);
        assertThat(response.getDocumentResponse()).hasSize(1);
        assertThat(response.getRegistryResponse().getRegistryErrorList().getRegistryError())
                .extracting(e -> e.getErrorCode())
                .containsExactly("XDSDocumentUniqueIdError", "XDSUnknownRepositoryId");
    }

    private void assertNothingStored() {
        for (String table : List.of("document", "document_entry", "submission_set", "association")) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class)).as(table).isZero();
        }
    }

    private static void assertRefused(Runnable action, XdsErrorCode code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(XdsException.class,
                e -> assertThat(e.errorCode()).isEqualTo(code));
    }

    private static String patient() {
        return Submissions.patient(Submissions.nir(1_000_000_000_000L + Submissions.next() % 8_000_000_000_000L));
    }

    /** ITI-41 sources usually leave size, hash and repositoryUniqueId to the repository. */
    private static String withoutRepositorySlots(String metadata) {
        return metadata.replaceAll("<Slot name=\"(hash|size|repositoryUniqueId)\">.*?</Slot>", "");
    }

    private static ProvideAndRegisterDocumentSetRequestType request(String metadata, Object... idsAndContents) {
        ProvideAndRegisterDocumentSetRequestType request = new ProvideAndRegisterDocumentSetRequestType();
        request.setSubmitObjectsRequest(Submissions.parse(metadata));
        for (int i = 0; i < idsAndContents.length; i += 2) {
            request.getDocument().add(document((String) idsAndContents[i], (byte[]) idsAndContents[i + 1]));
        }
        return request;
    }

    private static ProvideAndRegisterDocumentSetRequestType.Document document(String id, byte[] content) {
        ProvideAndRegisterDocumentSetRequestType.Document document = new ProvideAndRegisterDocumentSetRequestType.Document();
        document.setId(id);
        document.setValue(content);
        return document;
    }

    private static RetrieveDocumentSetRequestType retrieveRequest(String uniqueId) {
        DocumentRequestType documentRequest = new DocumentRequestType();
        documentRequest.setRepositoryUniqueId(REPOSITORY);
        documentRequest.setDocumentUniqueId(uniqueId);
        RetrieveDocumentSetRequestType request = new RetrieveDocumentSetRequestType();
        request.getDocumentRequest().add(documentRequest);
        return request;
    }
}
