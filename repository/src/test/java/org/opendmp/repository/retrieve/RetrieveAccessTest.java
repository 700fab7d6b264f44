package org.opendmp.repository.retrieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opendmp.pixpdq.ins.InsOids;
import org.opendmp.registry.access.Access;
import org.opendmp.registry.access.DocumentFactsStore;
import org.opendmp.registry.ebrim.EbrimXml;
import org.opendmp.registry.ebrim.SubmissionReader;
import org.opendmp.registry.ebrim.XdsVocabulary;
import org.opendmp.registry.error.XdsErrorCode;
import org.opendmp.registry.error.XdsException;
import org.opendmp.registry.patient.PatientIdPolicy;
import org.opendmp.registry.store.RegistryStore;
import org.opendmp.registry.submit.RegisterDocumentSet;
import org.opendmp.registry.testsupport.Submissions;
import org.opendmp.registry.testsupport.TestPatients;
import org.opendmp.repository.provide.ProvideAndRegisterDocumentSet;
import org.opendmp.repository.store.JdbcDocumentStore;
import org.opendmp.repository.store.StoredDocument;
import org.opendmp.security.access.DocumentFacts;
import org.opendmp.testsupport.TestDatabase;
import org.opendmp.wsdl.rs.RegistryError;
import org.opendmp.wsdl.xdsb.DocumentRequestType;
import org.opendmp.wsdl.xdsb.ProvideAndRegisterDocumentSetRequestType;
import org.opendmp.wsdl.xdsb.RetrieveDocumentSetRequestType;
import org.opendmp.wsdl.xdsb.RetrieveDocumentSetResponseType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * ITI-41 and ITI-43 for a caller with restricted {@link Access}, on H2 and on PostgreSQL: a
 * document whose DocumentEntry the caller may not see is answered exactly as an unknown one; the
 * SubmissionGuard's refusal stores neither metadata nor bytes.
 */
class RetrieveAccessTest {

    private static final String REPOSITORY = "1.2.250.1.213.4.1.1.1.2";
    private static final String MASQUE_PS = "MASQUE_PS^^1.2.250.1.213.1.1.4.13";
    private static final byte[] CONTENT = "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"/>".getBytes(StandardCharsets.UTF_8);
    private static final Access NO_MASQUE_PS = Access.UNRESTRICTED.withVisibility(
            facts -> !facts.confidentialityCodes().contains(DocumentFacts.MASQUE_PS));

    private JdbcTemplate jdbc;
    private JdbcDocumentStore documents;
    private ProvideAndRegisterDocumentSet provide;
    private RetrieveDocumentSet retrieve;
    private final String patient = Submissions.patient(Submissions.nir(2_990_000_000_000L + Submissions.next() % 1_000_000));

    private void start(TestDatabase database) {
        DataSource dataSource = database.fresh();
        jdbc = new JdbcTemplate(dataSource);
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        RegistryStore store = new RegistryStore(jdbc, new EbrimXml());
        RegisterDocumentSet registry = new RegisterDocumentSet(
                new SubmissionReader(new PatientIdPolicy(Set.of(InsOids.NIR_TEST), TestPatients.ALL_OPEN)),
                store, transactions, Clock.systemUTC());
        documents = new JdbcDocumentStore(jdbc, REPOSITORY);
        provide = new ProvideAndRegisterDocumentSet(registry, documents, transactions, REPOSITORY);
        retrieve = new RetrieveDocumentSet(documents, REPOSITORY, new DocumentFactsStore(jdbc));
    }

    /** Provides one document (masked from professionals or not); returns its uniqueId. */
    private String provideDocument(String... confidentiality) {
        long id = Submissions.next();
        provide.provide(request(Submissions.withConfidentiality(Submissions.template(patient, id), "Document01",
                confidentiality)));
        return "1.2.250.1.999.2.3." + id;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI-43: a document the caller may not see is answered exactly as an unknown one")
    void hiddenDocumentIsAnsweredAsAnUnknownOne(TestDatabase database) {
        start(database);
        String hidden = provideDocument(MASQUE_PS);
        String unknown = "1.2.250.1.999.2.3.404";

        RetrieveDocumentSetResponseType asHidden = retrieve.retrieve(retrieveRequest(hidden), NO_MASQUE_PS);
        RetrieveDocumentSetResponseType asUnknown = retrieve.retrieve(retrieveRequest(unknown), NO_MASQUE_PS);

        assertSameAnswer(asHidden, hidden, asUnknown, unknown);
        assertThat(asHidden.getRegistryResponse().getStatus()).isEqualTo(XdsVocabulary.RESPONSE_FAILURE);
        assertThat(retrieve.retrieve(retrieveRequest(hidden)).getDocumentResponse()).singleElement()
                .satisfies(document -> assertThat(document.getDocument()).isEqualTo(CONTENT));
        assertThat(retrieve.retrieve(retrieveRequest(hidden), Access.UNRESTRICTED.withVisibility(facts -> true))
                .getDocumentResponse()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI-43: visible and hidden documents in one request make a PartialSuccess, as with an unknown one")
    void visibleAndHiddenDocumentsArePartialSuccess(TestDatabase database) {
        start(database);
        String visible = provideDocument();
        String hidden = provideDocument(MASQUE_PS);
        String unknown = "1.2.250.1.999.2.3.404";

        RetrieveDocumentSetResponseType withHidden = retrieve.retrieve(retrieveRequest(visible, hidden), NO_MASQUE_PS);
        RetrieveDocumentSetResponseType withUnknown = retrieve.retrieve(retrieveRequest(visible, unknown), NO_MASQUE_PS);

        assertThat(withHidden.getRegistryResponse().getStatus()).isEqualTo(XdsVocabulary.RESPONSE_PARTIAL_SUCCESS);
        assertThat(withHidden.getDocumentResponse()).extracting(r -> r.getDocumentUniqueId()).containsExactly(visible);
        assertSameAnswer(withHidden, hidden, withUnknown, unknown);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI-43: the visibility decides on a document whose DocumentEntry is Deprecated (its status is in the facts)")
    void visibilityDecidesOnDeprecatedDocuments(TestDatabase database) {
        start(database);
        String uniqueId = provideDocument();
        String original = jdbc.queryForObject("SELECT uuid FROM document_entry WHERE unique_id = ?", String.class, uniqueId);
        provide.provide(request(Submissions.withAssociation(Submissions.template(patient, Submissions.next()),
                XdsVocabulary.RPLC, "Document01", original)));
        assertThat(jdbc.queryForObject("SELECT status FROM document_entry WHERE uuid = ?", String.class, original))
                .isEqualTo(XdsVocabulary.STATUS_DEPRECATED);
        Access approvedOnly = Access.UNRESTRICTED.withVisibility(
                facts -> XdsVocabulary.STATUS_APPROVED.equals(facts.availabilityStatus()));

        assertThat(retrieve.retrieve(retrieveRequest(uniqueId), approvedOnly).getDocumentResponse()).isEmpty();
        assertThat(retrieve.retrieve(retrieveRequest(uniqueId), NO_MASQUE_PS).getDocumentResponse()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI-43: bytes without a DocumentEntry in the registry are unknown to a restricted caller")
    void documentWithoutRegistryEntryIsUnknownToRestrictedCallers(TestDatabase database) {
        start(database);
        documents.store(new StoredDocument("1.2.250.1.999.2.3.77", "text/xml", sha1(CONTENT),
                CONTENT.length, CONTENT));

        assertThat(retrieve.retrieve(retrieveRequest("1.2.250.1.999.2.3.77")).getDocumentResponse()).hasSize(1);
        assertThat(retrieve.retrieve(retrieveRequest("1.2.250.1.999.2.3.77"), NO_MASQUE_PS).getDocumentResponse())
                .isEmpty();
        RetrieveDocumentSet withoutRegistry = new RetrieveDocumentSet(documents, REPOSITORY);
        assertThatThrownBy(() -> withoutRegistry.retrieve(retrieveRequest("1.2.250.1.999.2.3.77"), NO_MASQUE_PS))
                .isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI-41: a SubmissionGuard refusal stores neither the metadata nor the bytes")
    void submissionGuardRefusalStoresNothing(TestDatabase database) {
        start(database);
        List<String> patients = new ArrayList<>();
        Access refusing = Access.UNRESTRICTED.withSubmission((patientId, entries) -> {
            patients.add(patientId);
            throw new XdsException(XdsErrorCode.XDSRegistryError, "this professional may not feed this DMP");
        });

        assertThatThrownBy(() -> provide.provide(request(Submissions.template(patient, Submissions.next())), refusing))
                .isInstanceOfSatisfying(XdsException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(XdsErrorCode.XDSRegistryError));

        assertThat(patients).hasSize(1);
        for (String table : List.of("document", "document_entry", "submission_set", "association")) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class)).as(table).isZero();
        }
    }

    /** Both answers alike but for the uniqueId each names. */
    private static void assertSameAnswer(RetrieveDocumentSetResponseType first, String firstId,
                                         RetrieveDocumentSetResponseType second, String secondId) {
        assertThat(first.getRegistryResponse().getStatus()).isEqualTo(second.getRegistryResponse().getStatus());
        RegistryError a = error(first, firstId);
        RegistryError b = error(second, secondId);
        assertThat(a.getErrorCode()).isEqualTo(b.getErrorCode()).isEqualTo(XdsErrorCode.XDSDocumentUniqueIdError.name());
        assertThat(a.getCodeContext()).isEqualTo(b.getCodeContext());
        assertThat(a.getSeverity()).isEqualTo(b.getSeverity());
        assertThat(first.getRegistryResponse().getRegistryErrorList().getHighestSeverity())
                .isEqualTo(second.getRegistryResponse().getRegistryErrorList().getHighestSeverity());
        assertThat(first.getDocumentResponse()).hasSameSizeAs(second.getDocumentResponse());
    }

    private static RegistryError error(RetrieveDocumentSetResponseType response, String location) {
        return response.getRegistryResponse().getRegistryErrorList().getRegistryError().stream()
                .filter(e -> location.equals(e.getLocation())).findFirst()
                .orElseThrow(() -> new AssertionError("no error about " + location));
    }

    private static String sha1(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProvideAndRegisterDocumentSetRequestType request(String metadata) {
        ProvideAndRegisterDocumentSetRequestType request = new ProvideAndRegisterDocumentSetRequestType();
        request.setSubmitObjectsRequest(Submissions.parse(
                metadata.replaceAll("<Slot name=\"(hash|size|repositoryUniqueId)\">.*?</Slot>", "")));
        ProvideAndRegisterDocumentSetRequestType.Document document = new ProvideAndRegisterDocumentSetRequestType.Document();
        document.setId("Document01");
        document.setValue(CONTENT);
        request.getDocument().add(document);
        return request;
    }

    private static RetrieveDocumentSetRequestType retrieveRequest(String... uniqueIds) {
        RetrieveDocumentSetRequestType request = new RetrieveDocumentSetRequestType();
        for (String uniqueId : uniqueIds) {
            DocumentRequestType documentRequest = new DocumentRequestType();
            documentRequest.setRepositoryUniqueId(REPOSITORY);
            documentRequest.setDocumentUniqueId(uniqueId);
            request.getDocumentRequest().add(documentRequest);
        }
        return request;
    }
}
