package org.opendmp.repository.remove;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opendmp.registry.access.Access;
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
import org.opendmp.repository.provide.ProvideAndRegisterDocumentSet;
import org.opendmp.repository.store.JdbcDocumentStore;
import org.opendmp.repository.store.StoredDocument;
import org.opendmp.wsdl.rs.RegistryResponseType;
import org.opendmp.wsdl.xdsb.DocumentRequestType;
import org.opendmp.wsdl.xdsb.ProvideAndRegisterDocumentSetRequestType;
import org.opendmp.wsdl.xdsb.RetrieveDocumentSetRequestType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** ITI-86 Remove Documents on the repository's own storage, on H2 and on PostgreSQL. */
class RemoveDocumentsTest {

    private static final String REPOSITORY = "1.2.250.1.213.4.1.1.1.2";
    private static final String OTHER_REPOSITORY = "1.2.250.1.999.77.404";

    private DataSource dataSource;
    private JdbcTemplate jdbc;
    private JdbcDocumentStore documents;
    private RemoveDocuments removal;

    private void start(TestDatabase database) {
        dataSource = database.fresh();
        jdbc = new JdbcTemplate(dataSource);
        documents = new JdbcDocumentStore(jdbc, REPOSITORY);
        removal = new RemoveDocuments(documents,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)), REPOSITORY);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI-86: Success when every document is removed; their bytes are gone")
    void removesTheDocuments(TestDatabase database) {
        start(database);
        String first = stored();
        String second = stored();

        RegistryResponseType response = removal.remove(request(REPOSITORY, first, REPOSITORY, second));

        assertThat(response.getStatus()).isEqualTo(XdsVocabulary.RESPONSE_SUCCESS);
        assertThat(response.getRegistryErrorList()).isNull();
        assertThat(documents.find(Set.of(first, second))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI-86: the RemovalGuard sees the uniqueIds named; its refusal removes nothing")
    void removalGuardRefusalRemovesNothing(TestDatabase database) {
        start(database);
        String first = stored();
        String second = stored();
        List<Collection<String>> seen = new ArrayList<>();
        Access refusing = Access.UNRESTRICTED.withRemoval(ids -> {
            seen.add(ids);
            throw new XdsException(XdsErrorCode.XDSRepositoryError, "removal is for document administrators");
        });

        assertThatThrownBy(() -> removal.remove(request(REPOSITORY, first, REPOSITORY, second), refusing))
                .isInstanceOfSatisfying(XdsException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(XdsErrorCode.XDSRepositoryError));

        assertThat(seen).singleElement().satisfies(ids -> assertThat(ids).containsExactly(first, second));
        assertThat(documents.find(Set.of(first, second))).containsOnlyKeys(first, second);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI-86 XDSDocumentUniqueIdError: PartialSuccess when one of two documents is unknown;"
            + " the known one is removed")
    void answersPartialSuccessWhenOneDocumentIsUnknown(TestDatabase database) {
        start(database);
        String known = stored();
        String unknown = "1.2.250.1.999.2.3." + Submissions.next();

        RegistryResponseType response = removal.remove(request(REPOSITORY, known, REPOSITORY, unknown));

        assertThat(response.getStatus()).isEqualTo(XdsVocabulary.RESPONSE_PARTIAL_SUCCESS);
        assertSingleError(response, XdsErrorCode.XDSDocumentUniqueIdError, unknown);
        assertThat(documents.find(Set.of(known))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI-86 XDSDocumentUniqueIdError: Failure when no document is known")
    void answersFailureWhenNoDocumentIsKnown(TestDatabase database) {
        start(database);
        String unknown = "1.2.250.1.999.2.3." + Submissions.next();

        RegistryResponseType response = removal.remove(request(REPOSITORY, unknown));

        assertThat(response.getStatus()).isEqualTo(XdsVocabulary.RESPONSE_FAILURE);
        assertSingleError(response, XdsErrorCode.XDSDocumentUniqueIdError, unknown);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI-86 XDSUnknownRepositoryId: a request for another repository removes nothing here,"
            + " even a document of the same uniqueId")
    void refusesARequestForAnotherRepository(TestDatabase database) {
        start(database);
        String document = stored();

        RegistryResponseType response = removal.remove(request(OTHER_REPOSITORY, document));

        assertThat(response.getStatus()).isEqualTo(XdsVocabulary.RESPONSE_FAILURE);
        assertSingleError(response, XdsErrorCode.XDSUnknownRepositoryId, OTHER_REPOSITORY);
        assertThat(documents.find(Set.of(document))).containsOnlyKeys(document);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI-86 removes the document only: its DocumentEntry stays in the registry until ITI-62 removes it")
    void leavesTheRegistryMetadataInPlace(TestDatabase database) {
        start(database);
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        RegisterDocumentSet registry = new RegisterDocumentSet(
                new SubmissionReader(new PatientIdPolicy(Set.of(InsOids.NIR_TEST), TestPatients.ALL_OPEN)),
                new RegistryStore(jdbc, new EbrimXml()), transactions, Clock.systemUTC());
        long id = Submissions.next();
        ProvideAndRegisterDocumentSetRequestType provided = new ProvideAndRegisterDocumentSetRequestType();
        provided.setSubmitObjectsRequest(Submissions.parse(Submissions.template(
                Submissions.patient(Submissions.nir(1_000_000_000_000L + id % 8_000_000_000_000L)), id)));
        ProvideAndRegisterDocumentSetRequestType.Document content = new ProvideAndRegisterDocumentSetRequestType.Document();
        content.setId("Document01");
        content.setValue(new byte[0]); // the template's size and hash are those of an empty document
        provided.getDocument().add(content);
        new ProvideAndRegisterDocumentSet(registry, documents, transactions, REPOSITORY).provide(provided);
        String uniqueId = "1.2.250.1.999.2.3." + id;

        assertThat(removal.remove(request(REPOSITORY, uniqueId)).getStatus()).isEqualTo(XdsVocabulary.RESPONSE_SUCCESS);

        assertThat(documents.find(Set.of(uniqueId))).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM document_entry WHERE unique_id = ?", Integer.class, uniqueId))
                .isEqualTo(1);
    }

    private String stored() {
        String uniqueId = "1.2.250.1.999.2.3." + Submissions.next();
        byte[] content = ("<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><id root=\"" + uniqueId + "\"/></ClinicalDocument>")
                .getBytes(StandardCharsets.UTF_8);
        documents.store(new StoredDocument(uniqueId, "text/xml", "0".repeat(40), content.length, content));
        return uniqueId;
    }

    /** Pairs of repositoryUniqueId, documentUniqueId. */
    private static RetrieveDocumentSetRequestType request(String... repositoryAndDocument) {
        RetrieveDocumentSetRequestType request = new RetrieveDocumentSetRequestType();
        for (int i = 0; i < repositoryAndDocument.length; i += 2) {
            DocumentRequestType document = new DocumentRequestType();
            document.setRepositoryUniqueId(repositoryAndDocument[i]);
            document.setDocumentUniqueId(repositoryAndDocument[i + 1]);
            request.getDocumentRequest().add(document);
        }
        return request;
    }

    private static void assertSingleError(RegistryResponseType response, XdsErrorCode code, String location) {
        assertThat(response.getRegistryErrorList().getHighestSeverity()).isEqualTo(XdsVocabulary.SEVERITY_ERROR);
        assertThat(response.getRegistryErrorList().getRegistryError()).singleElement().satisfies(error -> {
            assertThat(error.getErrorCode()).isEqualTo(code.name());
            assertThat(error.getLocation()).isEqualTo(location);
            assertThat(error.getCodeContext()).contains(location);
        });
    }
}
