package org.opendmp.registry.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opendmp.registry.ebrim.EbrimXml;
import org.opendmp.registry.ebrim.SubmissionReader;
import org.opendmp.registry.ebrim.XdsVocabulary;
import org.opendmp.registry.error.XdsErrorCode;
import org.opendmp.registry.error.XdsException;
import org.opendmp.registry.model.Submission;
import org.opendmp.pixpdq.ins.InsOids;
import org.opendmp.registry.patient.PatientIdPolicy;
import org.opendmp.registry.testsupport.TestPatients;
import org.opendmp.registry.query.StoredQueryService;
import org.opendmp.registry.store.RegistryStore;
import org.opendmp.registry.testsupport.Submissions;
import org.opendmp.testsupport.TestDatabase;
import org.opendmp.registry.testsupport.TestRegistry;
import org.opendmp.wsdl.query.AdhocQueryRequest;
import org.opendmp.wsdl.query.AdhocQueryResponse;
import org.opendmp.wsdl.rim.ExtrinsicObjectType;
import org.opendmp.wsdl.rim.IdentifiableType;
import org.opendmp.wsdl.rim.SlotType1;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** ITI-42 registration and ITI-18 queries against real storage, on H2 and on PostgreSQL. */
class RegistryStorageTest {

    private static final String FIND_DOCUMENTS = "urn:uuid:14d4debf-8f97-4251-9a74-a90016b0af0d";
    private static final String GET_ALL = "urn:uuid:10b545ea-725c-446d-9b95-8aeb444eddf3";
    private static final String GET_SS_AND_CONTENTS = "urn:uuid:e8e3cb2c-e39c-46b9-99e4-c12f57260b83";
    private static final String APPROVED = "('" + XdsVocabulary.STATUS_APPROVED + "')";

    private RegisterDocumentSet registry;
    private StoredQueryService queries;
    private EbrimXml ebrimXml;

    private void start(TestDatabase database) {
        DataSource dataSource = database.fresh();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        EbrimXml xml = new EbrimXml();
        registry = new RegisterDocumentSet(
                new SubmissionReader(new PatientIdPolicy(Set.of(InsOids.NIR_TEST, InsOids.NIR), TestPatients.ALL_OPEN)),
                new RegistryStore(jdbc, xml), new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                Clock.systemUTC());
        queries = new StoredQueryService(jdbc, 100);
        ebrimXml = xml;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void registeredDocumentIsFoundByFindDocumentsWithUuidIds(TestDatabase database) {
        start(database);
        String patient = newPatient();
        registry.register(Submissions.parse(Submissions.template(patient, Submissions.next())).getRegistryObjectList());

        List<IdentifiableType> found = find(patient);
        assertThat(found).hasSize(1);
        ExtrinsicObjectType entry = (ExtrinsicObjectType) found.get(0);
        assertThat(entry.getId()).startsWith("urn:uuid:");
        assertThat(entry.getStatus()).isEqualTo(XdsVocabulary.STATUS_APPROVED);
        assertThat(entry.getSlot()).extracting(SlotType1::getName).contains("repositoryUniqueId", "hash", "size");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void findDocumentsFiltersOnClassCodeAndCreationTimeRange(TestDatabase database) {
        start(database);
        String patient = newPatient();
        registry.register(Submissions.parse(Submissions.template(patient, Submissions.next())).getRegistryObjectList());

        assertThat(find(patient, "$XDSDocumentEntryClassCode", "('10^^1.2.250.1.213.1.1.4.1')")).hasSize(1);
        assertThat(find(patient, "$XDSDocumentEntryClassCode", "('11^^1.2.250.1.213.1.1.4.1')")).isEmpty();
        // creationTime 20261123100000: lower bound inclusive, upper bound exclusive (ITI TF-2a 3.18.4.1.2.3.6.1)
        assertThat(find(patient, "$XDSDocumentEntryCreationTimeFrom", "20261123100000")).hasSize(1);
        assertThat(find(patient, "$XDSDocumentEntryCreationTimeTo", "20261123100000")).isEmpty();
        assertThat(find(patient, "$XDSDocumentEntryCreationTimeTo", "20261123100001")).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rejectsDocumentUniqueIdRegisteredWithAnotherHashAndStoresNothing(TestDatabase database) {
        start(database);
        String patient = newPatient();
        long id = Submissions.next();
        registry.register(Submissions.parse(Submissions.template(patient, id)).getRegistryObjectList());
        String second = Submissions.template(patient, id)
                .replace("1.2.250.1.999.2.1." + id, "1.2.250.1.999.2.1." + Submissions.next())
                .replace("da39a3ee5e6b4b0d3255bfef95601890afd80709", "0000000000000000000000000000000000000001");

        assertThatThrownBy(() -> registry.register(Submissions.parse(second).getRegistryObjectList()))
                .isInstanceOfSatisfying(XdsException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(XdsErrorCode.XDSNonIdenticalHash));
        assertThat(getAll(patient)).hasSize(3); // the first submission only: set, entry, HasMember
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rejectsSubmissionSetUniqueIdAlreadyRegistered(TestDatabase database) {
        start(database);
        String patient = newPatient();
        long id = Submissions.next();
        registry.register(Submissions.parse(Submissions.template(patient, id)).getRegistryObjectList());
        String second = Submissions.template(patient, id)
                .replace("1.2.250.1.999.2.3." + id, "1.2.250.1.999.2.3." + Submissions.next());

        assertThatThrownBy(() -> registry.register(Submissions.parse(second).getRegistryObjectList()))
                .isInstanceOfSatisfying(XdsException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(XdsErrorCode.XDSDuplicateUniqueIdInRegistry));
        assertThat(getAll(patient)).hasSize(3);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void replacementDeprecatesTheOriginalDocument(TestDatabase database) {
        start(database);
        String patient = newPatient();
        Submission original = registry.register(
                Submissions.parse(Submissions.template(patient, Submissions.next())).getRegistryObjectList());
        String originalUuid = original.documentEntries().get(0).entryUuid();
        String replacement = Submissions.template(patient, Submissions.next()).replace("</RegistryObjectList>",
                "<Association associationType=\"" + XdsVocabulary.RPLC + "\" id=\"rplc\" sourceObject=\"Document01\""
                        + " targetObject=\"" + originalUuid + "\"/></RegistryObjectList>");
        registry.register(Submissions.parse(replacement).getRegistryObjectList());

        assertThat(find(patient)).extracting(IdentifiableType::getId).doesNotContain(originalUuid).hasSize(1);
        assertThat(findWithStatus(patient, "('" + XdsVocabulary.STATUS_DEPRECATED + "')"))
                .extracting(IdentifiableType::getId).containsExactly(originalUuid);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rejectsEntryUuidSuppliedBySourceThatIsAlreadyRegistered(TestDatabase database) {
        start(database);
        String patient = newPatient();
        String uuid = "urn:uuid:" + java.util.UUID.randomUUID();
        registry.register(Submissions.parse(Submissions.template(patient, Submissions.next())
                .replace("\"Document01\"", "\"" + uuid + "\"")).getRegistryObjectList());
        String second = Submissions.template(patient, Submissions.next()).replace("\"Document01\"", "\"" + uuid + "\"");

        assertThatThrownBy(() -> registry.register(Submissions.parse(second).getRegistryObjectList()))
                .isInstanceOfSatisfying(XdsException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(XdsErrorCode.XDSRegistryMetadataError));
        assertThat(getAll(patient)).hasSize(3);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void getSubmissionSetAndContentsReturnsTheSetItsDocumentAndTheirAssociation(TestDatabase database) {
        start(database);
        String patient = newPatient();
        long id = Submissions.next();
        registry.register(Submissions.parse(Submissions.template(patient, id)).getRegistryObjectList());

        AdhocQueryResponse response = query(TestRegistry.request(GET_SS_AND_CONTENTS, "LeafClass",
                "$XDSSubmissionSetUniqueId", "'1.2.250.1.999.2.1." + id + "'"));
        assertThat(response.getRegistryObjectList().getIdentifiable())
                .extracting(element -> element.getName().getLocalPart())
                .containsExactly("RegistryPackage", "ExtrinsicObject", "Association");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rejectsDocumentEntryOfAnotherPatientThanTheSubmissionSet(TestDatabase database) {
        start(database);
        String patient = newPatient();
        String other = newPatient();
        String xml = Submissions.template(patient, Submissions.next());
        int entryPatient = xml.indexOf("identificationScheme=\"urn:uuid:58a6f841");
        String rest = xml.substring(entryPatient);
        String escaped = patient.replace("&", "&amp;");
        int value = rest.indexOf(escaped);
        String mixed = xml.substring(0, entryPatient) + rest.substring(0, value) + other.replace("&", "&amp;")
                + rest.substring(value + escaped.length());

        assertThatThrownBy(() -> registry.register(Submissions.parse(mixed).getRegistryObjectList()))
                .isInstanceOfSatisfying(XdsException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(XdsErrorCode.XDSPatientIdDoesNotMatch));
        assertThat(getAll(patient)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rejectsPatientOfAnAssigningAuthorityNotAccepted(TestDatabase database) {
        start(database);
        String unknown = Submissions.nir(Submissions.next() % 10_000_000_000_000L) + "^^^&1.2.3.4.5&ISO";
        assertThatThrownBy(() -> registry.register(
                Submissions.parse(Submissions.template(unknown, Submissions.next())).getRegistryObjectList()))
                .isInstanceOfSatisfying(XdsException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(XdsErrorCode.XDSUnknownPatientId));
    }

    private static String newPatient() {
        return Submissions.patient(Submissions.nir(1_000_000_000_000L + Submissions.next() % 8_000_000_000_000L));
    }

    private List<IdentifiableType> find(String patient, String... extra) {
        return findWithStatus(patient, APPROVED, extra);
    }

    private List<IdentifiableType> findWithStatus(String patient, String statuses, String... extra) {
        List<String> parameters = new java.util.ArrayList<>(List.of(
                "$XDSDocumentEntryPatientId", "'" + patient + "'", "$XDSDocumentEntryStatus", statuses));
        parameters.addAll(List.of(extra));
        return objects(query(TestRegistry.request(FIND_DOCUMENTS, "LeafClass", parameters.toArray(String[]::new))));
    }

    private List<IdentifiableType> getAll(String patient) {
        return objects(query(TestRegistry.request(GET_ALL, "ObjectRef", "$patientId", "'" + patient + "'",
                "$XDSDocumentEntryStatus", "('" + XdsVocabulary.STATUS_APPROVED + "','" + XdsVocabulary.STATUS_DEPRECATED + "')",
                "$XDSSubmissionSetStatus", APPROVED, "$XDSFolderStatus", APPROVED)));
    }

    private AdhocQueryResponse query(AdhocQueryRequest request) {
        return queries.query(request).resolved(ebrimXml);
    }

    private static List<IdentifiableType> objects(AdhocQueryResponse response) {
        return response.getRegistryObjectList().getIdentifiable().stream().map(e -> (IdentifiableType) e.getValue()).toList();
    }
}
