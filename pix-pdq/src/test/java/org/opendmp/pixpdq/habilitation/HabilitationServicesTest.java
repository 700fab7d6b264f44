package org.opendmp.pixpdq.habilitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opendmp.pixpdq.habilitation.TestActors.doctor;
import static org.opendmp.pixpdq.habilitation.TestActors.nurse;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendmp.pixpdq.habilitation.HabilitationRefusal.Reason;
import org.opendmp.pixpdq.hl7v3.Hl7v3Xml;
import org.opendmp.pixpdq.ins.InsOids;
import org.opendmp.pixpdq.patient.IdentityTraits;
import org.opendmp.pixpdq.patient.PatientId;
import org.opendmp.pixpdq.patient.PatientRegistry;
import org.opendmp.pixpdq.patient.Sex;
import org.opendmp.security.actor.Actor;
import org.opendmp.testsupport.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The DMP's habilitations web services and TD0.4, from request element to answer document. */
class HabilitationServicesTest {

    private static final PatientId PATIENT = new PatientId("207058575627097", InsOids.NIR_TEST);
    private static final String DR_LIBRE = "899900063480";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T13:58:04Z"), ZoneOffset.UTC);
    private static final Map<String, String> NS = Map.of("hab", DmpXml.HABILITATIONS, "pat", DmpXml.PATIENTS);

    private Habilitations habilitations;
    private HabilitationsEndPoint endPoint;
    private PatientList patientList;

    @BeforeEach
    void fresh() {
        DataSource dataSource = TestDatabase.H2.fresh();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        PatientRegistry registry = new PatientRegistry(jdbc, transactions, Set.of(InsOids.NIR_TEST), List.of(), CLOCK);
        registry.feed(List.of(PATIENT), new IdentityTraits("QUATRE", "PATB-QUATRE", List.of("LAURENCE"), Sex.F,
                LocalDate.of(1907, 5, 25), null), List.of());
        habilitations = new Habilitations(jdbc, transactions, registry,
                patients -> Map.of(PATIENT, Instant.parse("2026-05-21T10:16:31Z")), CLOCK);
        endPoint = new HabilitationsEndPoint(habilitations);
        patientList = new PatientList(habilitations);
    }

    private static Element request(String xml) {
        try {
            return Hl7v3Xml.newBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                    .getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Element setAuthorization(String action, String role) {
        return request("<setAuthorization xmlns=\"urn:si-dmp-habilitations\"><action>" + action + "</action>"
                + (role == null ? "" : "<role>" + role + "</role>") + "</setAuthorization>");
    }

    private static String value(DmpReply reply, String xpath) {
        return value(reply.body(), xpath);
    }

    private static String value(Node node, String xpath) {
        XPath engine = XPathFactory.newInstance().newXPath();
        engine.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return NS.getOrDefault(prefix, XMLConstants.NULL_NS_URI);
            }

            @Override
            public String getPrefix(String uri) {
                return null;
            }

            @Override
            public Iterator<String> getPrefixes(String uri) {
                return List.<String>of().iterator();
            }
        });
        try {
            return engine.evaluate(xpath, node);
        } catch (Exception e) {
            throw new IllegalArgumentException(xpath, e);
        }
    }

    @Test
    void setAuthorizationAnswersDmpOkAndTheContextOfWhatItDid() {
        DmpReply added = endPoint.handle(setAuthorization("AJOUT", null), doctor(DR_LIBRE, PATIENT));
        DmpReply again = endPoint.handle(setAuthorization("AJOUT", null), doctor(DR_LIBRE, PATIENT));

        assertThat(added.action()).isEqualTo("urn:si-dmp-habilitations:HabilitationsEndPoint:setAuthorizationResponse");
        assertThat(value(added, "name(/*)")).isEqualTo("ns1:setAuthorizationResponse");
        assertThat(value(added, "string(/hab:setAuthorizationResponse/hab:output/hab:status)")).isEqualTo("DMPOk");
        assertThat(value(again, "string(/hab:setAuthorizationResponse/hab:output/hab:context)"))
                .isEqualTo("Autorisation déjà présente aucune action effectuée");
        assertThat(habilitations.relation(PATIENT, DR_LIBRE).authorized()).isTrue();
    }

    @Test
    void setAuthorizationWithTheTreatingDoctorRoleDeclaresAndWithdrawsIt() {
        endPoint.handle(setAuthorization("AJOUT", "MEDECIN_TRAITANT"), doctor(DR_LIBRE, PATIENT));
        assertThat(habilitations.relation(PATIENT, DR_LIBRE).treatingDoctor()).isTrue();

        DmpReply withdrawn = endPoint.handle(setAuthorization("SUPPRESSION", "MEDECIN_TRAITANT"),
                doctor(DR_LIBRE, PATIENT));

        assertThat(value(withdrawn, "string(//hab:status)")).isEqualTo("DMPOk");
        assertThat(habilitations.relation(PATIENT, DR_LIBRE)).isEqualTo(new Relation(Relation.Standing.ACTIVE, false));
    }

    @Test
    void withoutVihfOrWithAnUnknownActionTheRequestIsRefusedByName() {
        assertThatThrownBy(() -> endPoint.handle(setAuthorization("AJOUT", null), null))
                .isInstanceOfSatisfying(HabilitationRefusal.class, r -> {
                    assertThat(r.reason()).isEqualTo(Reason.VIHF_REQUIRED);
                    assertThat(r.reason().code()).isEqualTo("DMPVihfRequired");
                });
        assertThatThrownBy(() -> endPoint.handle(setAuthorization("MODIFICATION", null), doctor(DR_LIBRE, PATIENT)))
                .isInstanceOfSatisfying(HabilitationRefusal.class,
                        r -> assertThat(r.reason()).isEqualTo(Reason.INVALID_REQUEST));
        assertThatThrownBy(() -> endPoint.handle(request("<other xmlns=\"urn:si-dmp-habilitations\"/>"),
                doctor(DR_LIBRE, PATIENT)))
                .isInstanceOfSatisfying(HabilitationRefusal.class,
                        r -> assertThat(r.reason()).isEqualTo(Reason.INVALID_REQUEST));
        assertThat(habilitations.relation(PATIENT, DR_LIBRE)).isEqualTo(Relation.NONE);
    }

    @Test
    void listAuthorizationByPatientGivesEachEntryAsTheDmpDoes() {
        endPoint.handle(setAuthorization("AJOUT", "MEDECIN_TRAITANT"), doctor(DR_LIBRE, PATIENT));
        habilitations.block(PATIENT, "899900012345");
        Actor caller = nurse("899900077777", PATIENT);

        DmpReply all = endPoint.handle(request("<listAuthorizationByPatient xmlns=\"urn:si-dmp-habilitations\">"
                + "<mode>TOUTE</mode></listAuthorizationByPatient>"), caller);
        DmpReply blocked = endPoint.handle(request("<listAuthorizationByPatient xmlns=\"urn:si-dmp-habilitations\">"
                + "<mode>INTERDITE</mode></listAuthorizationByPatient>"), caller);

        assertThat(all.action())
                .isEqualTo("urn:si-dmp-habilitations:HabilitationsEndPoint:listAuthorizationByPatientResponse");
        String entry = "/hab:listAuthorizationByPatientResponse/hab:output/hab:listOfAuthorizationByPatient[1]";
        assertThat(value(all, "count(//hab:listOfAuthorizationByPatient)")).isEqualTo("2");
        assertThat(value(all, "string(" + entry + "/hab:nationalId)")).isEqualTo(DR_LIBRE);
        assertThat(value(all, "string(" + entry + "/hab:nationalIdType)")).isEqualTo("1.2.250.1.71.4.2.1");
        assertThat(value(all, "string(" + entry + "/hab:firstName)")).isEqualTo("MAX");
        assertThat(value(all, "string(" + entry + "/hab:lastName)")).isEqualTo("LIBRE");
        assertThat(value(all, "string(" + entry + "/hab:codeSpeciality)")).isEqualTo("G15_10/SM26");
        assertThat(value(all, "string(" + entry + "/hab:libSpeciality)"))
                .isEqualTo("Médecin - Qualifié en Médecine générale (SM)");
        assertThat(value(all, "string(" + entry + "/hab:startOfAuthorization)")).isEqualTo("20260601135804");
        assertThat(value(all, "string(" + entry + "/hab:lastActionDate)")).isEqualTo("20260601135804");
        assertThat(value(all, "string(" + entry + "/hab:mode)")).isEqualTo("ACTIVE");
        assertThat(value(all, "string(" + entry + "/hab:specificRight)")).isEqualTo("MEDECIN_TRAITANT");
        assertThat(value(all, "string(//hab:output/hab:status)")).isEqualTo("DMPOk");
        assertThat(value(blocked, "count(//hab:listOfAuthorizationByPatient)")).isEqualTo("1");
        assertThat(value(blocked, "string(//hab:listOfAuthorizationByPatient/hab:mode)")).isEqualTo("INTERDITE");
        assertThat(value(blocked, "count(//hab:listOfAuthorizationByPatient/hab:codeSpeciality)")).isEqualTo("0");
    }

    @Test
    void patientListGivesTheCallersPatientsAsTheDmpDoes() {
        habilitations.declareTreatingDoctor(doctor(DR_LIBRE, PATIENT), PATIENT);
        Element request = request("<patientList xmlns=\"urn:si-dmp-patients\"><startDate>20101010202010</startDate>"
                + "<dateType>LASTDOC</dateType></patientList>");

        assertThat(PatientList.accepts(request)).isTrue();
        DmpReply reply = patientList.answer(request, doctor(DR_LIBRE, null));

        assertThat(reply.action()).isEqualTo("urn:si-dmp-patients:PatientSpecificEndPoint:patientListResponse");
        String data = "/pat:patientListResponse/pat:output/pat:patientlistData";
        assertThat(value(reply, "count(" + data + ")")).isEqualTo("1");
        assertThat(value(reply, "string(" + data + "/pat:patientIdentifier/pat:nationalId)")).isEqualTo(PATIENT.id());
        assertThat(value(reply, "string(" + data + "/pat:patientIdentifier/pat:nationalIdType)"))
                .isEqualTo("1.2.250.1.213.1.4.10");
        assertThat(value(reply, "string(" + data + "/pat:lastName)")).isEqualTo("PATB-QUATRE");
        assertThat(value(reply, "string(" + data + "/pat:patronymicalName)")).isEqualTo("QUATRE");
        assertThat(value(reply, "string(" + data + "/pat:firstName)")).isEqualTo("LAURENCE");
        assertThat(value(reply, "string(" + data + "/pat:dateOfBirth)")).isEqualTo("19070525");
        assertThat(value(reply, "string(" + data + "/pat:MT)")).isEqualTo("true");
        assertThat(value(reply, "string(" + data + "/pat:message)")).isEqualTo("false");
        assertThat(value(reply, "string(" + data + "/pat:lastAccessDate)")).isEqualTo("20260601135804");
        assertThat(value(reply, "string(" + data + "/pat:lastUpdateDate)")).isEqualTo("20260601135804");
        assertThat(value(reply, "string(" + data + "/pat:lastAddDate)")).isEqualTo("20260521101631");
        assertThat(value(reply, "string(/pat:patientListResponse/pat:output/pat:status)")).isEqualTo("DMPOk");
    }

    @Test
    void patientListNeedsAVihfAndAWellFormedStartDate() {
        Element request = request("<patientList xmlns=\"urn:si-dmp-patients\"><startDate>2021-06-01</startDate>"
                + "</patientList>");

        assertThatThrownBy(() -> patientList.answer(request, null))
                .isInstanceOfSatisfying(HabilitationRefusal.class,
                        r -> assertThat(r.reason()).isEqualTo(Reason.VIHF_REQUIRED));
        assertThatThrownBy(() -> patientList.answer(request, doctor(DR_LIBRE, null)))
                .isInstanceOfSatisfying(HabilitationRefusal.class,
                        r -> assertThat(r.reason()).isEqualTo(Reason.INVALID_REQUEST));
    }
}
