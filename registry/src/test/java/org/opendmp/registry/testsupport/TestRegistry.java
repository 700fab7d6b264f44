package org.opendmp.registry.testsupport;

import org.opendmp.testsupport.TestDatabase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.opendmp.registry.access.Access;
import org.opendmp.registry.ebrim.EbrimXml;
import org.opendmp.registry.ebrim.SubmissionReader;
import org.opendmp.registry.ebrim.XdsVocabulary;
import org.opendmp.registry.error.XdsErrorCode;
import org.opendmp.registry.error.XdsException;
import org.opendmp.registry.model.Submission;
import org.opendmp.pixpdq.ins.InsOids;
import org.opendmp.registry.patient.PatientIdPolicy;
import org.opendmp.registry.query.GetDocuments;
import org.opendmp.registry.query.StoredQueryService;
import org.opendmp.registry.store.RegistryStore;
import org.opendmp.registry.submit.RegisterDocumentSet;
import org.opendmp.registry.update.UpdateDocumentSet;
import org.opendmp.registry.update.VersionStore;
import org.opendmp.wsdl.query.AdhocQueryRequest;
import org.opendmp.wsdl.query.ResponseOptionType;
import org.opendmp.wsdl.rim.AdhocQueryType;
import org.opendmp.wsdl.rim.IdentifiableType;
import org.opendmp.wsdl.rim.RegistryObjectType;
import org.opendmp.wsdl.rim.SlotType1;
import org.opendmp.wsdl.rim.ValueListType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A registry on a fresh database for storage tests: registers ITI-42 submissions (at a chosen
 * time when Folder lastUpdateTime matters) and runs ITI-18 queries given as name / Value-text
 * pairs, the same name twice making two Slots (AND). {@link #as} gives the same registry as seen
 * by a caller with restricted {@link Access}.
 */
public final class TestRegistry {

    private static final String GET_ALL = "urn:uuid:10b545ea-725c-446d-9b95-8aeb444eddf3";
    private static final DateTimeFormatter DTM = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final DataSource dataSource;
    private final RegistryStore store;
    private final EbrimXml ebrimXml;
    private final StoredQueryService queries;
    private final Access access;

    public TestRegistry(TestDatabase database) {
        this(database, 100);
    }

    public TestRegistry(TestDatabase database, int maxResults) {
        dataSource = database.fresh();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        ebrimXml = new EbrimXml();
        store = new RegistryStore(jdbc, ebrimXml);
        queries = new StoredQueryService(jdbc, maxResults);
        access = Access.UNRESTRICTED;
    }

    private TestRegistry(TestRegistry registry, Access access) {
        this.dataSource = registry.dataSource;
        this.store = registry.store;
        this.ebrimXml = registry.ebrimXml;
        this.queries = registry.queries;
        this.access = access;
    }

    /** This registry for a caller with this access: registrations and queries go through it. */
    public TestRegistry as(Access access) {
        return new TestRegistry(this, access);
    }

    /** The registry's store, for tests that wire more services onto it. */
    public RegistryStore store() {
        return store;
    }

    /** The database of this registry, for tests that wire more services onto it. */
    public DataSource dataSource() {
        return dataSource;
    }

    public Submission register(String xml) {
        return registerWith(Clock.systemUTC(), xml);
    }

    /** Registers as if now were {@code dtm} (YYYYMMDDhhmmss, UTC): Folders get it as lastUpdateTime. */
    public Submission registerAt(String dtm, String xml) {
        return registerWith(Clock.fixed(LocalDateTime.parse(dtm, DTM).toInstant(ZoneOffset.UTC), ZoneOffset.UTC), xml);
    }

    private Submission registerWith(Clock clock, String xml) {
        RegisterDocumentSet registry = new RegisterDocumentSet(
                new SubmissionReader(new PatientIdPolicy(Set.of(InsOids.NIR_TEST, InsOids.NIR), TestPatients.ALL_OPEN)), store,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)), clock);
        return registry.register(Submissions.parse(xml).getRegistryObjectList(), access);
    }

    /** Runs an ITI-57 Update Document Set. */
    public Submission update(String xml) {
        UpdateDocumentSet update = new UpdateDocumentSet(new SubmissionReader(new PatientIdPolicy(
                Set.of(InsOids.NIR_TEST, InsOids.NIR), TestPatients.ALL_OPEN)), store,
                new VersionStore(new JdbcTemplate(dataSource), ebrimXml),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)), Clock.systemUTC());
        return update.update(Submissions.parse(xml).getRegistryObjectList(), access);
    }

    /** Asserts that the update is refused with this error code and changes nothing for these patients. */
    public XdsException assertUpdateRefused(XdsErrorCode expected, String xml, String... patients) {
        List<String> before = snapshot(patients);
        XdsException refusal = catchThrowableOfType(XdsException.class, () -> update(xml));
        assertThat(refusal).as("refusal").isNotNull();
        assertThat(refusal.errorCode()).isEqualTo(expected);
        assertThat(snapshot(patients)).as("registry content after the refusal").isEqualTo(before);
        return refusal;
    }

    /** Runs the work in one transaction, as ITI-41 does around the registration of its metadata. */
    public void inTransaction(Runnable work) {
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(tx -> work.run());
    }

    /** The ids of a LeafClass answer, in answer order. */
    public List<String> ids(String queryId, String... nameValuePairs) {
        return objects(queryId, "LeafClass", nameValuePairs).stream().map(IdentifiableType::getId).toList();
    }

    /** The ids of an ObjectRef answer, in answer order. */
    public List<String> objectRefs(String queryId, String... nameValuePairs) {
        return objects(queryId, "ObjectRef", nameValuePairs).stream().map(IdentifiableType::getId).toList();
    }

    public List<IdentifiableType> objects(String queryId, String returnType, String... nameValuePairs) {
        return queries.query(request(queryId, returnType, nameValuePairs), access).resolved(ebrimXml)
                .getRegistryObjectList().getIdentifiable().stream().map(e -> (IdentifiableType) e.getValue()).toList();
    }

    /** Asserts that the query is refused with this error code. */
    public void assertRefused(XdsErrorCode expected, String queryId, String... nameValuePairs) {
        assertThatThrownBy(() -> queries.query(request(queryId, "LeafClass", nameValuePairs), access))
                .isInstanceOfSatisfying(XdsException.class, e -> assertThat(e.errorCode()).isEqualTo(expected));
    }

    /**
     * Asserts that registering this submission is refused with this error code and leaves the
     * registry as it was for these patients: same objects, same availabilityStatus, same ebRIM.
     */
    public XdsException assertRegistrationRefused(XdsErrorCode expected, String xml, String... patients) {
        List<String> before = snapshot(patients);
        XdsException refusal = catchThrowableOfType(XdsException.class, () -> register(xml));
        assertThat(refusal).as("refusal").isNotNull();
        assertThat(refusal.errorCode()).isEqualTo(expected);
        assertThat(snapshot(patients)).as("registry content after the refusal").isEqualTo(before);
        return refusal;
    }

    /** Everything GetAll returns for these patients (every status), as stored, whoever asks. */
    public List<String> snapshot(String... patients) {
        List<String> objects = new java.util.ArrayList<>();
        TestRegistry everything = as(Access.UNRESTRICTED);
        for (String patient : patients) {
            everything.objects(GET_ALL, "LeafClass", "$patientId", string(patient),
                    "$XDSDocumentEntryStatus", list(XdsVocabulary.STATUS_APPROVED, XdsVocabulary.STATUS_DEPRECATED,
                            XdsVocabulary.STATUS_ARCHIVED, XdsVocabulary.STATUS_DELETED),
                    "$XDSSubmissionSetStatus", list(XdsVocabulary.STATUS_APPROVED),
                    "$XDSFolderStatus", list(XdsVocabulary.STATUS_APPROVED))
                    .forEach(object -> objects.add(ebrimXml.toXml(object)));
        }
        return objects;
    }

    /** The availabilityStatus of a registered DocumentEntry. */
    public String status(String entryUuid) {
        List<IdentifiableType> found = objects(GetDocuments.ID, "LeafClass", "$XDSDocumentEntryEntryUUID", list(entryUuid));
        assertThat(found).as("DocumentEntry " + entryUuid).hasSize(1);
        return ((RegistryObjectType) found.get(0)).getStatus();
    }

    /** A single-valued parameter: {@code 'value'}. */
    public static String string(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** A list parameter: {@code ('a','b')}. */
    public static String list(String... values) {
        StringBuilder list = new StringBuilder("(");
        for (String value : values) {
            list.append(list.length() > 1 ? "," : "").append(string(value));
        }
        return list.append(")").toString();
    }

    /** An ITI-18 request for the stored query, with one single-valued slot per name/value pair. */
    public static AdhocQueryRequest request(String queryId, String returnType, String... nameValuePairs) {
        AdhocQueryType query = new AdhocQueryType();
        query.setId(queryId);
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            SlotType1 slot = new SlotType1();
            slot.setName(nameValuePairs[i]);
            ValueListType values = new ValueListType();
            values.getValue().add(nameValuePairs[i + 1]);
            slot.setValueList(values);
            query.getSlot().add(slot);
        }
        AdhocQueryRequest request = new AdhocQueryRequest();
        ResponseOptionType option = new ResponseOptionType();
        option.setReturnType(returnType);
        request.setResponseOption(option);
        request.setAdhocQuery(query);
        return request;
    }
}
