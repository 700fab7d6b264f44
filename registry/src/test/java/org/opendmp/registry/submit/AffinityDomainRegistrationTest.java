package org.opendmp.registry.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opendmp.registry.affinity.AffinityDomain;
import org.opendmp.registry.ebrim.EbrimXml;
import org.opendmp.registry.ebrim.SubmissionReader;
import org.opendmp.registry.error.XdsErrorCode;
import org.opendmp.registry.error.XdsException;
import org.opendmp.pixpdq.ins.InsOids;
import org.opendmp.registry.patient.PatientIdPolicy;
import org.opendmp.registry.testsupport.TestPatients;
import org.opendmp.registry.store.RegistryStore;
import org.opendmp.registry.testsupport.Submissions;
import org.opendmp.testsupport.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** ITI-42 under the {@code dmp} affinity domain: codes outside its value sets are refused before anything is stored. */
class AffinityDomainRegistrationTest {

    private static final AffinityDomain DMP = AffinityDomain.shipped(AffinityDomain.DMP);

    private RegisterDocumentSet registry;
    private JdbcTemplate jdbc;

    private void start(TestDatabase database) {
        DataSource dataSource = database.fresh();
        jdbc = new JdbcTemplate(dataSource);
        registry = new RegisterDocumentSet(
                new SubmissionReader(new PatientIdPolicy(Set.of(InsOids.NIR_TEST, InsOids.NIR), TestPatients.ALL_OPEN), DMP),
                new RegistryStore(jdbc, new EbrimXml()), new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                Clock.systemUTC());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void registersASubmissionWhoseCodesAreAllDmpCodes(TestDatabase database) {
        start(database);

        registry.register(Submissions.parse(template()).getRegistryObjectList());

        assertThat(storedObjects()).isEqualTo(3); // submission set, document entry, HasMember
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rejectsUnknownClassCodeAndStoresNothing(TestDatabase database) {
        start(database);
        String xml = template().replace("id=\"class01\" nodeRepresentation=\"10\"", "id=\"class01\" nodeRepresentation=\"77\"");

        assertRefused(xml, "classCode 77^^1.2.250.1.213.1.1.4.1 is not in the affinity domain's value set "
                + "JDV_J06-XdsClassCode-CISIS / JDV_J57-ClassCode-DMP", "Document01");
        assertThat(storedObjects()).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rejectsContentTypeCodeOfAnotherSchemeAndStoresNothing(TestDatabase database) {
        start(database);
        String xml = template().replace("<Value>1.2.250.1.213.2.2</Value>", "<Value>1.2.250.1.213.1.1.4.12</Value>");

        assertRefused(xml, "contentTypeCode 04^^1.2.250.1.213.1.1.4.12 is not in", "SubmissionSet01");
        assertThat(storedObjects()).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rejectsFolderCodeOfACodeSystemOutsideTheDomainAndStoresNothing(TestDatabase database) {
        start(database);
        String patient = newPatient();
        String xml = Submissions.withFolder(Submissions.template(patient, Submissions.next()), patient, "Folder01",
                "1.2.250.1.999.2.4." + Submissions.next(), List.of("A1^^1.2.250.1.999.9"), "Document01");

        assertRefused(xml, "codeList code system 1.2.250.1.999.9 is not in", "Folder01");
        assertThat(storedObjects()).isZero();
    }

    private void assertRefused(String xml, String messageStart, String location) {
        assertThatThrownBy(() -> registry.register(Submissions.parse(xml).getRegistryObjectList()))
                .isInstanceOfSatisfying(XdsException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(XdsErrorCode.XDSRegistryMetadataError);
                    assertThat(e.getMessage()).startsWith(messageStart);
                    assertThat(e.location()).isEqualTo(location);
                });
    }

    private int storedObjects() {
        int count = 0;
        for (String table : List.of("submission_set", "document_entry", "folder", "association")) {
            count += jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
        }
        return count;
    }

    private static String template() {
        return Submissions.template(newPatient(), Submissions.next());
    }

    private static String newPatient() {
        return Submissions.patient(Submissions.nir(1_000_000_000_000L + Submissions.next() % 8_000_000_000_000L));
    }
}
