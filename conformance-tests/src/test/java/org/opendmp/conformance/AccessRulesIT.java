package org.opendmp.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendmp.conformance.XdsAssertions.assertRegistryError;
import static org.opendmp.conformance.XdsAssertions.assertSecurityFault;
import static org.opendmp.conformance.XdsAssertions.assertSuccess;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.opendmp.security.actor.AuthenticationMode;
import org.opendmp.security.actor.PurposeOfUse;
import org.opendmp.security.actor.Role;
import org.opendmp.security.vihf.VihfBuilder;

/**
 * The DMP's access rules over the wire, as a security auditor checks them: every request carries a VIHF signed
 * at test time, and the server decides from its caller, the VIHF's patient and the caller's standing on it.
 *
 * <p>{@link #theRightsMatrixDecides} plays {@code access/access-rules.csv}: callers of every category the rights
 * matrix distinguishes (CPS doctor, CPS nurse and pharmacist, occupational physician, CPE secretary, facility
 * nurse and doctor, reinforced indirect doctor, automaton) in the three access modes, with no standing, an
 * authorization, a block or as treating doctor, on TD2.1, TD3.1, TD3.2, TD3.3a, TD3.3c, TD0.3, TD1.3a, TD0.5 and
 * REMOVE; each row checks the answer and its effect (stored, hidden, deleted, authorized, removed, or not).
 * {@link #theDocumentRulesDecide} checks the per-document rules of ITI-57. The other tests are the attacks a
 * caller with a valid VIHF can try: another patient's documents, a block, an opposition, masked documents,
 * document types, result counts.
 *
 * <p>Refused VIHFs are VihfIT's: no assertion ({@code refusesARequestWithoutSecurityHeader},
 * {@code refusesASecurityHeaderWithoutAssertion}), unsigned ({@code refusesAnUnsignedAssertion}), bad signature and
 * tampered attributes ({@code refusesAnAssertionWhosePatientWasChangedAfterSigning},
 * {@code refusesAnAssertionWhosePurposeOfUseWasChangedAfterSigning}), expired
 * ({@code refusesAnAssertionPastItsNotOnOrAfter}, {@code refusesAnAssertionIssuedMoreThanTwoHoursAgo}), not yet
 * valid ({@code refusesAnAssertionNotValidYet}, {@code refusesAnAssertionIssuedInTheFuture}), untrusted signer
 * ({@code refusesAnAssertionSignedByAKeyThatChainsToNoTrustAnchor},
 * {@code refusesDirecteClaimsSignedWithTheFacilityCertificate}, {@code refusesAnIssuerThatIsNotTheSigner}).
 */
@DmpServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessRulesIT {

    /** Seen by every profession the default grid lets read (document-types.csv). */
    private static final Code SUMMARY = new Code("60591-5", Xds.LOINC, "Synthèse médicale");
    /** Seen by doctors, not by nurses (document-types.csv has no 60,2.16.840.1.113883.6.1,11488-4 row). */
    private static final Code CONSULTATION = new Code("11488-4", Xds.LOINC, "CR de consultation");
    /** classCode of the documents the patient deposited. */
    private static final Code PATIENTS_DOCUMENT = new Code("90", Xds.TRE_A03_CLASS_CODE, "Document du patient");
    /** The demo facility, every caller's {@code Identifiant_Structure}, as an authorInstitution. */
    private static final String DEMO_FACILITY = "STRUCTURE DEMO^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^" + Vihf.FACILITY_ID;
    /** A repository of documents registered with ITI-42 (their content is not needed). */
    private static final String OTHER_REPOSITORY = "1.2.250.1.999.77.500";
    /** A code system of roles outside TRE_G15, for a non-professional's CPE card (test OID arc). */
    private static final String NON_PROFESSIONAL_ROLES = "1.2.250.1.999.77.85";

    /** Reads the fixtures: a CPS doctor authorized on every patient of this class, never a caller under test. */
    private static final Vihf FIXTURE_READER = person(Vihf.doctor(), "899900000009", "Dr Fixture");

    private final XdsClient xds;
    private final XdsClient fixtureReader;
    private final PatientPortal portal;
    private final Map<Standing, Fixture> shared = new EnumMap<>(Standing.class);
    private final Map<Caller, Fixture> treatedBy = new EnumMap<>(Caller.class);
    private final Map<Standing, Set<Caller>> standingsSet = new EnumMap<>(Standing.class);
    private Registration removalTarget;

    AccessRulesIT(XdsClient xds, DmpServer server) {
        this.xds = xds;
        this.fixtureReader = xds.as(FIXTURE_READER);
        this.portal = new PatientPortal(server);
    }

    // ================================================================== who calls

    /** One caller per category of the rights matrix, each with its own idNat_PS (standings are per id). */
    enum Caller {
        /** CPS doctor (general practitioner): CPS_DIRECT, DOCTOR. */
        DOCTOR(Vihf.doctor(), Vihf.DOCTOR_ID, true),
        /** A nurse with her card (DIRECTE, signed with the demo card: the card/claims binding is not checked). */
        NURSE(person(Vihf.doctor(), "899900000003", "Infirmier Carte", "60", null), "899900000003", false),
        /** The demo facility's nurse: INDIRECT, PROFESSIONAL. */
        NURSE_FACILITY(Vihf.nurse(), Vihf.NURSE_ID, false),
        /** A pharmacist with his card: CPS_DIRECT, PROFESSIONAL. */
        PHARMACIST(person(Vihf.doctor(), "899900000004", "Pharmacien Carte", "21", null), "899900000004", false),
        /** A doctor whose specialty is occupational medicine (SM25): OCCUPATIONAL_PHYSICIAN. */
        OCCUPATIONAL_PHYSICIAN(person(Vihf.doctor(), "899900000005", "Medecin Travail", Role.DOCTOR, "SM25"),
                "899900000005", true),
        /** A medical secretary with her CPE card: DIRECTE with a role outside TRE_G15, CPE_DIRECT, NON_PROFESSIONAL. */
        SECRETARY(Vihf.doctor().with(claims -> claims.professionalId("899900000006").displayName("Secretaire Medicale")
                .role("SECRETAIRE_MEDICALE", NON_PROFESSIONAL_ROLES).specialty(null, null)), "899900000006", false),
        /** A doctor vouched for by the facility's certificate: INDIRECT, DOCTOR. */
        FACILITY_DOCTOR(person(Vihf.doctorThroughFacility(), "899900000007", "Medecin Structure"), "899900000007", true),
        /** A doctor authenticated by the facility and by himself: INDIRECT_REINFORCED, DOCTOR. */
        REINFORCED_DOCTOR(person(Vihf.doctor().authenticationMode(AuthenticationMode.INDIRECTE_RENFORCEE),
                "899900000008", "Medecin Renforce"), "899900000008", true),
        /** The demo facility's automated system (AUTOMATE). */
        AUTOMATON(Vihf.automaton(), Vihf.FACILITY_ID, false);

        final Vihf vihf;
        final String id;
        final boolean doctor;

        Caller(Vihf vihf, String id, boolean doctor) {
            this.vihf = vihf;
            this.id = id;
            this.doctor = doctor;
        }

        /** The caller as an authorPerson. */
        String xcn() {
            return id + "^" + name() + "^TEST^^^^^^&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS";
        }

        /**
         * Who declares this caller's authorization (TD0.3) when the caller may not: the same person (same idNat_PS)
         * in a professional role the matrix lets declare, a general practitioner for the occupational physician, a
         * nurse card for the secretary. The standing is kept per id, the rights per role: the role decides.
         */
        Vihf declarer() {
            return switch (this) {
                case OCCUPATIONAL_PHYSICIAN -> person(Vihf.doctor(), id, "Medecin Travail");
                case SECRETARY -> person(Vihf.doctor(), id, "Secretaire Medicale", "60", null);
                case AUTOMATON -> throw new IllegalStateException("an automaton has no authorization");
                default -> vihf;
            };
        }
    }

    /** The caller's standing on the patient. */
    enum Standing { NONE, AUTHORIZED, BLOCKED, TREATING_DOCTOR }

    /** What the server must answer. */
    enum Outcome {
        ALLOWED(null),
        /** TD3.1 of CPE and facility-certificate users: their facility's documents only. */
        REFERENCE_ONLY(null),
        DENIED_NOT_ALLOWED("Transaction not allowed for this role, authentication mode or access mode"),
        DENIED_BLOCKED("Access to this DMP is blocked by the patient"),
        DENIED_NO_AUTHORIZATION("No authorization to access this DMP"),
        DENIED_OPPOSED("Access to this DMP refused in this access mode");

        final String reason;

        Outcome(String reason) {
            this.reason = reason;
        }

        boolean denied() {
            return reason != null;
        }
    }

    private static Vihf person(Vihf base, String id, String displayName) {
        return base.with(claims -> claims.professionalId(id).displayName(displayName));
    }

    private static Vihf person(Vihf base, String id, String displayName, String profession, String specialty) {
        UnaryOperator<VihfBuilder> change = claims -> claims.professionalId(id).displayName(displayName)
                .role(profession, Role.PROFESSIONS).specialty(specialty, specialty == null ? null : Role.SPECIALTIES);
        return base.with(change);
    }

    // ================================================================== fixtures

    /** A patient of this class and two documents every reader of the record may see (type {@link #SUMMARY}). */
    private record Fixture(TestData.Patient patient, DocumentEntry fromElsewhere, DocumentEntry ofTheFacility) {
    }

    /** A submission's entryUUIDs: SubmissionSet, documents and associations. */
    private record Registration(TestData.Patient patient, Submission submission, List<String> ids) {
    }

    @BeforeAll
    void sharedPatients() {
        for (Standing standing : List.of(Standing.NONE, Standing.AUTHORIZED, Standing.BLOCKED)) {
            shared.put(standing, newFixture());
            standingsSet.put(standing, EnumSet.noneOf(Caller.class));
        }
    }

    /**
     * A new patient (created and authorized by the fixture reader) with two documents of {@link #SUMMARY} type by
     * another author: one of another facility, one of the demo facility (a REFERENCE_ONLY reader's own).
     */
    private Fixture newFixture() {
        TestData.Patient patient = fixtureReader.newPatient();
        DocumentEntry fromElsewhere = DocumentEntry.create().typeCode(SUMMARY);
        DocumentEntry ofTheFacility = DocumentEntry.create().typeCode(SUMMARY).authorInstitution(DEMO_FACILITY);
        fixtureReader.provideAndRegisterSuccessfully(Submission.forPatient(patient).document(fromElsewhere, ofTheFacility));
        return new Fixture(patient, fromElsewhere, ofTheFacility);
    }

    /** The fixture where {@code caller} has {@code standing}. */
    private Fixture fixture(Standing standing, Caller caller) {
        if (standing == Standing.TREATING_DOCTOR) {
            assertThat(caller.doctor).as("only a doctor is a treating doctor").isTrue();
            return treatedBy.computeIfAbsent(caller, c -> {
                Fixture fixture = newFixture();
                portal.designateTreatingDoctor(fixture.patient().nir(), c.id);
                return fixture;
            });
        }
        Fixture fixture = shared.get(standing);
        if (standingsSet.get(standing).add(caller)) {
            giveStanding(fixture.patient(), standing, caller);
        }
        return fixture;
    }

    private void giveStanding(TestData.Patient patient, Standing standing, Caller caller) {
        switch (standing) {
            case NONE -> { }
            case AUTHORIZED -> HabilitationMessages.authorize(xds.as(caller.declarer()), patient);
            case BLOCKED -> portal.block(patient.nir(), caller.id);
            case TREATING_DOCTOR -> portal.designateTreatingDoctor(patient.nir(), caller.id);
        }
    }

    /** The caller in that access mode, its VIHF naming {@code patient}. */
    private XdsClient as(Caller caller, PurposeOfUse mode, TestData.Patient patient) {
        return xds.as(caller.vihf.purposeOfUse(mode)).forPatient(patient);
    }

    /** Whether the fixture reader (authorized, not the treating doctor) finds the document. */
    private boolean fixtureReaderFinds(TestData.Patient patient, DocumentEntry document) {
        SoapResponse found = fixtureReader.forPatient(patient).query(StoredQuery.getDocumentsByUniqueId(document.uniqueId()));
        assertSuccess(found);
        return found.documentUniqueIds().contains(document.uniqueId());
    }

    /** The entryUUID of the document's latest version, as the fixture reader finds it. */
    private String entryUuid(TestData.Patient patient, DocumentEntry document) {
        SoapResponse found = fixtureReader.forPatient(patient).query(StoredQuery.getDocumentsByUniqueId(document.uniqueId()));
        assertSuccess(found);
        return found.entryUuid(document.uniqueId());
    }

    /** A document the caller wrote (authorPerson, and his facility as authorInstitution), registered with ITI-42. */
    private DocumentEntry ownDocument(TestData.Patient patient, Caller caller) {
        DocumentEntry document = DocumentEntry.create().typeCode(SUMMARY).authorPerson(caller.xcn())
                .authorInstitution(DEMO_FACILITY).withRegistryAttributes(OTHER_REPOSITORY);
        assertSuccess(fixtureReader.register(Submission.forPatient(patient).document(document)));
        return document;
    }

    // ================================================================== the rights matrix

    @ParameterizedTest(name = "{0}: {1} by {2}, {3}, {4} -> {5}")
    @CsvFileSource(resources = "/access/access-rules.csv", numLinesToSkip = 1)
    @DisplayName("The rights matrix decides, transaction by transaction")
    void theRightsMatrixDecides(String rule, String transaction, Caller caller, String mode, Standing standing,
                                Outcome expected) {
        PurposeOfUse purpose = PurposeOfUse.of(mode);
        assertThat(purpose).as("access mode %s", mode).isNotNull();
        switch (transaction) {
            case "TD2.1" -> feeding(caller, purpose, fixture(standing, caller), expected);
            case "TD3.1" -> search(caller, purpose, fixture(standing, caller), expected);
            case "TD3.2" -> retrieval(caller, purpose, fixture(standing, caller), expected);
            case "TD3.3a" -> masking(caller, purpose, fixture(standing, caller), expected);
            case "TD3.3c" -> deletion(caller, purpose, fixture(standing, caller), expected);
            case "TD0.3" -> authorization(caller, purpose, standing, expected);
            case "TD1.3a" -> administrativeData(caller, purpose, fixture(standing, caller), expected);
            case "TD0.5" -> patientSearch(caller, purpose, fixture(standing, caller), expected);
            case "REMOVE" -> removal(caller, purpose, fixture(standing, caller), expected);
            default -> throw new IllegalArgumentException("unknown transaction " + transaction + " (" + rule + ")");
        }
    }

    private void feeding(Caller caller, PurposeOfUse mode, Fixture fixture, Outcome expected) {
        DocumentEntry document = DocumentEntry.create().typeCode(SUMMARY);

        SoapResponse response = as(caller, mode, fixture.patient())
                .provideAndRegister(Submission.forPatient(fixture.patient()).document(document));

        assertAllowedOrDenied(response, expected);
        assertThat(fixtureReaderFinds(fixture.patient(), document)).as("the document was stored")
                .isEqualTo(!expected.denied());
    }

    private void search(Caller caller, PurposeOfUse mode, Fixture fixture, Outcome expected) {
        SoapResponse response = as(caller, mode, fixture.patient()).query(StoredQuery.findDocuments(fixture.patient().cx()));

        if (expected.denied()) {
            assertDenied(response, expected);
            return;
        }
        assertSuccess(response);
        List<String> found = response.documentUniqueIds();
        assertThat(found).as("the facility's document").contains(fixture.ofTheFacility().uniqueId());
        if (expected == Outcome.REFERENCE_ONLY) {
            assertThat(found).as("another facility's document, for a reference-only reader")
                    .doesNotContain(fixture.fromElsewhere().uniqueId());
        } else {
            assertThat(found).as("another facility's document").contains(fixture.fromElsewhere().uniqueId());
        }
    }

    private void retrieval(Caller caller, PurposeOfUse mode, Fixture fixture, Outcome expected) {
        assertThat(expected).as("TD3.2 is allowed or denied").isNotEqualTo(Outcome.REFERENCE_ONLY);
        DocumentEntry document = fixture.fromElsewhere();

        SoapResponse response = as(caller, mode, fixture.patient()).retrieve(RetrieveRequest.documents(document.uniqueId()));

        if (expected.denied()) {
            assertDenied(response, expected);
            assertThat(response.bodyText()).doesNotContain(new String(document.content(), StandardCharsets.UTF_8));
            return;
        }
        assertSuccess(response);
        assertThat(response.retrievedDocument(document.uniqueId()).content()).isEqualTo(document.content());
    }

    private void masking(Caller caller, PurposeOfUse mode, Fixture fixture, Outcome expected) {
        DocumentEntry own = ownDocument(fixture.patient(), caller);
        String v1 = entryUuid(fixture.patient(), own);
        own.confidentialityCodes(MetadataUpdates.NORMAL, MetadataUpdates.MASQUE_PS);

        SoapResponse response = MetadataUpdates.send(as(caller, mode, fixture.patient()),
                MetadataUpdates.newVersion(fixture.patient(), own, v1, "1"));

        assertAllowedOrDenied(response, expected);
        assertThat(fixtureReaderFinds(fixture.patient(), own)).as("another doctor still sees the document")
                .isEqualTo(expected.denied());
    }

    private void deletion(Caller caller, PurposeOfUse mode, Fixture fixture, Outcome expected) {
        DocumentEntry own = ownDocument(fixture.patient(), caller);
        String uuid = entryUuid(fixture.patient(), own);

        SoapResponse response = MetadataUpdates.send(as(caller, mode, fixture.patient()), MetadataUpdates.statusChange(
                fixture.patient(), caller.xcn(), DEMO_FACILITY, uuid, Xds.APPROVED, MetadataUpdates.DELETED));

        assertAllowedOrDenied(response, expected);
        assertThat(fixtureReaderFinds(fixture.patient(), own)).as("the document is still there")
                .isEqualTo(expected.denied());
    }

    private void authorization(Caller caller, PurposeOfUse mode, Standing standing, Outcome expected) {
        TestData.Patient patient = fixtureReader.newPatient();
        giveStanding(patient, standing, caller);

        SoapResponse response = HabilitationMessages.setAuthorization(as(caller, mode, patient), "AJOUT", false);

        if (expected.denied()) {
            assertDenied(response, expected);
        } else {
            assertThat(HabilitationMessages.status(response)).as("%s", response).isEqualTo(HabilitationMessages.DMP_OK);
        }
        assertThat(portalMode(patient, caller)).as("the caller's entry")
                .isEqualTo(expected.denied() ? (standing == Standing.BLOCKED ? "INTERDITE" : "none") : "ACTIVE");
    }

    private void administrativeData(Caller caller, PurposeOfUse mode, Fixture fixture, Outcome expected) {
        SoapResponse response = Hl7v3Messages.send(as(caller, mode, fixture.patient()),
                Hl7v3Messages.patients(xds.server()),
                Hl7v3Messages.demographics("CNSLT_DATA", Xds.INS_NIR_TEST_OID, fixture.patient().nir()));

        if (expected.denied()) {
            assertDenied(response, expected);
            assertThat(response.bodyText()).doesNotContain("ENCHAINE");
            return;
        }
        assertThat(Hl7v3Messages.ackCode(response)).as("%s", response).isEqualTo("AA");
        assertThat(response.bodyText()).contains("ENCHAINE");
    }

    private void patientSearch(Caller caller, PurposeOfUse mode, Fixture fixture, Outcome expected) {
        SoapResponse response = Hl7v3Messages.send(as(caller, mode, fixture.patient()),
                Hl7v3Messages.patients(xds.server()), Hl7v3Messages.pdqByName("PERSONNEDACCESRULES"));

        if (expected.denied()) {
            assertDenied(response, expected);
            return;
        }
        assertThat(Hl7v3Messages.ackCode(response)).as("%s", response).isEqualTo("AA");
        assertThat(response.action()).isEqualTo("urn:hl7-org:v3:PRPA_IN201306UV02");
    }

    private void removal(Caller caller, PurposeOfUse mode, Fixture fixture, Outcome expected) {
        Registration target = expected.denied() ? removalTarget() : registration(fixture.patient());

        SoapResponse response = as(caller, mode, target.patient()).soap12(xds.registry(), Xds.ACTION_ITI62,
                removeObjects(target.ids()));

        assertAllowedOrDenied(response, expected);
        assertThat(registeredObjects(target)).as("objects still registered")
                .isEqualTo(expected.denied() ? target.ids().size() : 0);
    }

    /** One submission that refused removals leave in place. */
    private Registration removalTarget() {
        if (removalTarget == null) {
            removalTarget = registration(shared.get(Standing.NONE).patient());
        }
        return removalTarget;
    }

    private Registration registration(TestData.Patient patient) {
        Submission submission = Submission.forPatient(patient).document(DocumentEntry.create().typeCode(SUMMARY));
        fixtureReader.provideAndRegisterSuccessfully(submission);
        SoapResponse contents = setAndContents(patient, submission);
        List<String> ids = new ArrayList<>();
        contents.associations().forEach(a -> ids.add(a.getAttribute("id")));
        contents.extrinsicObjects().forEach(e -> ids.add(e.getAttribute("id")));
        ids.add(contents.onlyRegistryPackageId());
        return new Registration(patient, submission, ids);
    }

    private int registeredObjects(Registration registration) {
        return setAndContents(registration.patient(), registration.submission()).objectCount();
    }

    private SoapResponse setAndContents(TestData.Patient patient, Submission submission) {
        SoapResponse contents = fixtureReader.forPatient(patient).query(StoredQuery.of(Xds.GET_SUBMISSION_SET_AND_CONTENTS)
                .string("$XDSSubmissionSetUniqueId", submission.uniqueId()));
        assertSuccess(contents);
        return contents;
    }

    private static String removeObjects(List<String> entryUuids) {
        StringBuilder refs = new StringBuilder();
        entryUuids.forEach(id -> refs.append(Template.of("iti62/object-ref.xml").with("id", id).render()));
        return Template.of("iti62/remove-objects.xml").withXml("objectRefs", refs.toString()).render();
    }

    /** The caller's mode in the patient's portal list ({@code ACTIVE}, {@code INTERDITE}), or {@code none}. */
    private String portalMode(TestData.Patient patient, Caller caller) {
        for (JsonNode entry : portal.getJson(portal.authorizations(patient.nir())).body()) {
            if (caller.id.equals(entry.path("professionalId").asText())) {
                return entry.path("mode").asText();
            }
        }
        return "none";
    }

    // ================================================================== ITI-57: the rules per document

    /** Who changes the document, all on one patient. */
    enum Actor { AUTHOR, AUTHORIZED_DOCTOR, TREATING_DOCTOR, AUTHORIZED_NURSE }

    /** Which document: the author's, another author's, the patient's (classCode 90), of a type nurses do not see. */
    enum Document { OWN, OTHERS, OTHERS_MASKED, PATIENTS, OTHERS_CONSULTATION, OWN_DELETED }

    enum Change { MASK, UNMASK, DELETE, ARCHIVE }

    /** What ITI-57 answers: Success, XDSMetadataUpdateError, or exactly what it answers for a document that does not exist. */
    enum DocumentOutcome { ALLOWED, REFUSED, UNKNOWN }

    private static final Vihf AUTHOR = person(Vihf.doctor(), "899900000011", "Dr Auteur");
    private static final Vihf AUTHORIZED_DOCTOR = person(Vihf.doctor(), "899900000012", "Dr Autorise");
    private static final Vihf TREATING_DOCTOR = person(Vihf.doctor(), "899900000013", "Dr Traitant");
    private static final Vihf AUTHORIZED_NURSE = person(Vihf.doctor(), "899900000014", "Infirmiere Autorisee", "60", null);
    private static final String AUTHOR_XCN = "899900000011^AUTEUR^DR^^^^^^&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS";

    private TestData.Patient documentRulesPatient;

    /** A patient on which the author, another doctor and a nurse are authorized and Dr Traitant is the MT. */
    private TestData.Patient documentRulesPatient() {
        if (documentRulesPatient == null) {
            TestData.Patient patient = xds.as(AUTHOR).newPatient();
            HabilitationMessages.authorize(xds.as(AUTHORIZED_DOCTOR), patient);
            HabilitationMessages.authorize(xds.as(AUTHORIZED_NURSE), patient);
            HabilitationMessages.declareTreatingDoctor(xds.as(TREATING_DOCTOR), patient);
            documentRulesPatient = patient;
        }
        return documentRulesPatient;
    }

    private static Vihf vihf(Actor actor) {
        return switch (actor) {
            case AUTHOR -> AUTHOR;
            case AUTHORIZED_DOCTOR -> AUTHORIZED_DOCTOR;
            case TREATING_DOCTOR -> TREATING_DOCTOR;
            case AUTHORIZED_NURSE -> AUTHORIZED_NURSE;
        };
    }

    @ParameterizedTest(name = "{0}: {1} on {2}, {3} -> {4}")
    @CsvSource(textBlock = """
            TD3.3a: the author hides his document,                                 AUTHOR,            OWN,                 MASK,    ALLOWED
            TD3.3a: the treating doctor hides another author's document,           TREATING_DOCTOR,   OTHERS,              MASK,    ALLOWED
            TD3.3a: the treating doctor shows a masked document again,             TREATING_DOCTOR,   OTHERS_MASKED,       UNMASK,  ALLOWED
            TD3.3a: an authorized doctor may not hide another author's document,   AUTHORIZED_DOCTOR, OTHERS,              MASK,    REFUSED
            TD3.3a: a masked document of another author is unknown to a doctor,    AUTHORIZED_DOCTOR, OTHERS_MASKED,       UNMASK,  UNKNOWN
            TD3.3c: the author deletes his document,                               AUTHOR,            OWN,                 DELETE,  ALLOWED
            TD3.3c: the treating doctor may not delete another author's document,  TREATING_DOCTOR,   OTHERS,              DELETE,  REFUSED
            TD3.3c: an authorized doctor may not delete another author's document, AUTHORIZED_DOCTOR, OTHERS,              DELETE,  REFUSED
            TD3.3c: the treating doctor deletes a patient's document,              TREATING_DOCTOR,   PATIENTS,            DELETE,  ALLOWED
            TD3.3c: an authorized doctor may not delete a patient's document,      AUTHORIZED_DOCTOR, PATIENTS,            DELETE,  REFUSED
            TD3.3c: a masked document of another author is unknown to a doctor,    AUTHORIZED_DOCTOR, OTHERS_MASKED,       DELETE,  UNKNOWN
            TD3.3c: a type the grid denies nurses is unknown to a nurse,           AUTHORIZED_NURSE,  OTHERS_CONSULTATION, DELETE,  UNKNOWN
            TD3.3c: a deleted document is unknown even to its author,              AUTHOR,            OWN_DELETED,         ARCHIVE, UNKNOWN
            TD3.3d: the author archives his document,                              AUTHOR,            OWN,                 ARCHIVE, ALLOWED
            TD3.3d: an authorized doctor may not archive another author's document, AUTHORIZED_DOCTOR, OTHERS,             ARCHIVE, REFUSED
            """)
    @DisplayName("ITI-57: who may change which document")
    void theDocumentRulesDecide(String rule, Actor actor, Document kind, Change change, DocumentOutcome expected) {
        TestData.Patient patient = documentRulesPatient();
        XdsClient treatingDoctor = xds.as(TREATING_DOCTOR);
        DocumentEntry document = DocumentEntry.create().typeCode(SUMMARY).withRegistryAttributes(OTHER_REPOSITORY);
        switch (kind) {
            case OWN, OWN_DELETED -> document.authorPerson(AUTHOR_XCN);
            case OTHERS_MASKED -> document.confidentialityCodes(MetadataUpdates.NORMAL, MetadataUpdates.MASQUE_PS);
            case PATIENTS -> document.classCode(PATIENTS_DOCUMENT);
            case OTHERS_CONSULTATION -> document.typeCode(CONSULTATION);
            case OTHERS -> { }
        }
        assertSuccess(xds.as(AUTHOR).register(Submission.forPatient(patient).document(document)));
        SoapResponse found = treatingDoctor.forPatient(patient).query(StoredQuery.getDocumentsByUniqueId(document.uniqueId()));
        String uuid = found.entryUuid(document.uniqueId());
        if (kind == Document.OWN_DELETED) {
            assertSuccess(MetadataUpdates.send(xds.as(AUTHOR).forPatient(patient), MetadataUpdates.statusChange(patient,
                    AUTHOR_XCN, DEMO_FACILITY, uuid, Xds.APPROVED, MetadataUpdates.DELETED)));
        }
        String original = kind == Document.OWN_DELETED ? MetadataUpdates.DELETED : Xds.APPROVED;
        XdsClient caller = xds.as(vihf(actor)).forPatient(patient);

        SoapResponse response = MetadataUpdates.send(caller, change(patient, document, uuid, original, change));

        switch (expected) {
            case ALLOWED -> assertSuccess(response);
            case REFUSED -> assertRegistryError(response, MetadataUpdates.XDS_METADATA_UPDATE_ERROR);
            case UNKNOWN -> {
                // the same request about a document that does not exist: another entryUUID and uniqueId
                String knownUniqueId = document.uniqueId();
                String unknown = TestData.uuid();
                document.uniqueId(TestData.uniqueId());
                SoapResponse asUnknown = MetadataUpdates.send(caller, change(patient, document, unknown, original, change));
                assertAnsweredAsUnknown(response, List.of(uuid, knownUniqueId),
                        asUnknown, List.of(unknown, document.uniqueId()));
            }
        }
    }

    private static String change(TestData.Patient patient, DocumentEntry document, String uuid, String original,
                                 Change change) {
        return switch (change) {
            case MASK -> MetadataUpdates.newVersion(patient,
                    document.confidentialityCodes(MetadataUpdates.NORMAL, MetadataUpdates.MASQUE_PS), uuid, "1");
            case UNMASK -> MetadataUpdates.newVersion(patient, document.confidentialityCodes(MetadataUpdates.NORMAL),
                    uuid, "1");
            case DELETE -> MetadataUpdates.statusChange(patient, AUTHOR_XCN, DEMO_FACILITY, uuid, original,
                    MetadataUpdates.DELETED);
            case ARCHIVE -> MetadataUpdates.statusChange(patient, AUTHOR_XCN, DEMO_FACILITY, uuid, original,
                    MetadataUpdates.ARCHIVED);
        };
    }

    /**
     * {@code response}, about a document the caller may not see, is the answer to a request naming a document that
     * does not exist: same status, same error codes, same texts once each request's own id is left out.
     */
    private static void assertAnsweredAsUnknown(SoapResponse response, String id, SoapResponse asUnknown, String unknownId) {
        assertAnsweredAsUnknown(response, List.of(id), asUnknown, List.of(unknownId));
    }

    /** The same with several ids per request (entryUUID, uniqueId), each replaced by its position. */
    private static void assertAnsweredAsUnknown(SoapResponse response, List<String> ids, SoapResponse asUnknown,
                                                List<String> unknownIds) {
        XdsAssertions.assertRefused(asUnknown);
        XdsAssertions.assertRefused(response);
        assertThat(response.isFault()).as("%s", response).isEqualTo(asUnknown.isFault());
        assertThat(response.status()).as("%s", response).isEqualTo(asUnknown.status());
        assertThat(withoutIds(response, ids))
                .as("errors of %s\ncompared with the answer for an unknown document %s", response, asUnknown)
                .isEqualTo(withoutIds(asUnknown, unknownIds));
    }

    private static List<SoapResponse.RegistryError> withoutIds(SoapResponse response, List<String> ids) {
        return response.errors().stream().map(e -> new SoapResponse.RegistryError(e.errorCode(),
                withoutIds(e.codeContext(), ids), e.severity(), withoutIds(e.location(), ids))).toList();
    }

    /** {@code text} with the request's ids replaced by their position, and ids the registry made up for it. */
    private static String withoutIds(String text, List<String> ids) {
        String result = text;
        for (int i = 0; i < ids.size(); i++) {
            result = result.replace(ids.get(i), "<id" + i + ">");
        }
        return GENERATED_UUID.matcher(result).replaceAll("urn:uuid:<generated>");
    }

    /** An entryUUID the registry gives a request's symbolic id (a new version, an Association). */
    private static final Pattern GENERATED_UUID = Pattern.compile("urn:uuid:[0-9a-fA-F-]{36}");

    // ================================================================== attacks with a valid VIHF

    @Test
    @DisplayName("A VIHF naming patient A never shows patient B's documents: ITI-18 finds none, ITI-43 answers them as"
            + " unknown, ITI-41 for B is refused and stores nothing")
    void anotherPatientsDocumentsAreOutOfReach() {
        TestData.Patient a = xds.newPatient();
        TestData.Patient b = xds.newPatient();
        DocumentEntry ofB = DocumentEntry.create().typeCode(SUMMARY);
        xds.provideAndRegisterSuccessfully(Submission.forPatient(b).document(ofB));
        XdsClient namingA = xds.forPatient(a);

        SoapResponse leafClass = namingA.query(StoredQuery.findDocuments(b.cx()));
        SoapResponse objectRef = namingA.query(StoredQuery.findDocuments(b.cx()).objectRef());
        SoapResponse byUniqueId = namingA.query(StoredQuery.getDocumentsByUniqueId(ofB.uniqueId()));

        for (SoapResponse response : List.of(leafClass, objectRef, byUniqueId)) {
            XdsAssertions.assertNoInternalsLeaked(response);
            assertThat(response.rootText()).as("B's document in %s", response).doesNotContain(ofB.uniqueId())
                    .doesNotContain(b.nir());
            if (!response.isFault()) {
                assertThat(response.objectCount()).as("objects of B in %s", response).isZero();
            }
        }

        SoapResponse retrieved = namingA.retrieve(RetrieveRequest.documents(ofB.uniqueId()));
        String unknownId = TestData.uniqueId();
        SoapResponse unknown = namingA.retrieve(RetrieveRequest.documents(unknownId));
        assertRegistryError(retrieved, Xds.XDS_DOCUMENT_UNIQUE_ID_ERROR);
        assertAnsweredAsUnknown(retrieved, ofB.uniqueId(), unknown, unknownId);
        assertThat(retrieved.retrievedDocuments()).isEmpty();

        DocumentEntry intruder = DocumentEntry.create().typeCode(SUMMARY);
        SoapResponse fed = namingA.provideAndRegister(Submission.forPatient(b).document(intruder));
        assertRegistryError(fed, Xds.XDS_PATIENT_ID_DOES_NOT_MATCH);
        SoapResponse ofBNow = xds.forPatient(b).query(StoredQuery.findDocuments(b.cx()));
        assertSuccess(ofBNow);
        assertThat(ofBNow.documentUniqueIds()).containsExactly(ofB.uniqueId());
        assertThat(xds.forPatient(a).findDocuments(a.cx()).documentUniqueIds()).doesNotContain(intruder.uniqueId());
    }

    @Test
    @DisplayName("A VIHF naming patient A shows none of patient B's SubmissionSets (FindSubmissionSets, GetAll,"
            + " GetSubmissionSetAndContents): they name B, their authors and dates")
    void anotherPatientsSubmissionSetsAreOutOfReach() {
        TestData.Patient a = xds.newPatient();
        TestData.Patient b = xds.newPatient();
        Submission ofB = Submission.forPatient(b).document(DocumentEntry.create().typeCode(SUMMARY));
        xds.provideAndRegisterSuccessfully(ofB);
        XdsClient namingA = xds.forPatient(a);

        SoapResponse submissionSets = namingA.query(StoredQuery.findSubmissionSets(b.cx()));
        SoapResponse getAll = namingA.query(StoredQuery.of(Xds.GET_ALL).string("$patientId", b.cx())
                .list("$XDSDocumentEntryStatus", Xds.APPROVED).list("$XDSSubmissionSetStatus", Xds.APPROVED)
                .list("$XDSFolderStatus", Xds.APPROVED));
        SoapResponse contents = namingA.query(StoredQuery.of(Xds.GET_SUBMISSION_SET_AND_CONTENTS)
                .string("$XDSSubmissionSetUniqueId", ofB.uniqueId()));

        for (SoapResponse response : List.of(submissionSets, getAll, contents)) {
            XdsAssertions.assertNoInternalsLeaked(response);
            assertThat(response.rootText()).as("B's SubmissionSet in %s", response).doesNotContain(ofB.uniqueId())
                    .doesNotContain(b.nir());
            if (!response.isFault()) {
                assertThat(response.objectCount()).as("objects of B in %s", response).isZero();
            }
        }
    }

    @Test
    @DisplayName("A professional the patient blocked reads nothing (ITI-18, ITI-43, in any mode) but may still feed")
    void aBlockedProfessionalReadsNothingButMayStillFeed() {
        Fixture fixture = newFixture();
        XdsClient doctor = xds.forPatient(fixture.patient());
        HabilitationMessages.authorize(xds, fixture.patient());
        assertThat(doctor.findDocuments(fixture.patient().cx()).documentUniqueIds()).contains(fixture.fromElsewhere().uniqueId());
        portal.block(fixture.patient().nir(), Vihf.DOCTOR_ID);

        assertDenied(doctor.query(StoredQuery.findDocuments(fixture.patient().cx())), Outcome.DENIED_BLOCKED);
        assertDenied(doctor.query(StoredQuery.getDocumentsByUniqueId(fixture.fromElsewhere().uniqueId())), Outcome.DENIED_BLOCKED);
        assertDenied(doctor.retrieve(RetrieveRequest.documents(fixture.fromElsewhere().uniqueId())), Outcome.DENIED_BLOCKED);
        XdsClient emergency = xds.as(Vihf.doctor().purposeOfUse(PurposeOfUse.BRIS_DE_GLACE)).forPatient(fixture.patient());
        assertDenied(emergency.query(StoredQuery.findDocuments(fixture.patient().cx())), Outcome.DENIED_BLOCKED);

        DocumentEntry result = DocumentEntry.create().typeCode(SUMMARY);
        doctor.provideAndRegisterSuccessfully(Submission.forPatient(fixture.patient()).document(result));
        assertThat(fixtureReaderFinds(fixture.patient(), result)).as("the blocked doctor's document reached the DMP").isTrue();
    }

    @Test
    @DisplayName("An opposition to bris de glace refuses that mode to everyone; normal and centre 15 reads go on,"
            + " until the patient opposes centre 15 too")
    void anOppositionRefusesItsModeOnly() {
        Fixture fixture = newFixture();
        TestData.Patient patient = fixture.patient();
        XdsClient authorized = xds.forPatient(patient);
        HabilitationMessages.authorize(xds, patient);
        Vihf stranger = person(Vihf.doctor(), "899900000015", "Dr Urgence");
        portal.oppose(patient.nir(), true, false);

        assertDenied(xds.as(stranger.purposeOfUse(PurposeOfUse.BRIS_DE_GLACE)).forPatient(patient)
                .query(StoredQuery.findDocuments(patient.cx())), Outcome.DENIED_OPPOSED);
        assertDenied(xds.as(Vihf.doctor().purposeOfUse(PurposeOfUse.BRIS_DE_GLACE)).forPatient(patient)
                .retrieve(RetrieveRequest.documents(fixture.fromElsewhere().uniqueId())), Outcome.DENIED_OPPOSED);
        assertThat(authorized.findDocuments(patient.cx()).documentUniqueIds()).contains(fixture.fromElsewhere().uniqueId());
        XdsClient regulator = xds.as(stranger.purposeOfUse(PurposeOfUse.CENTRE_15)).forPatient(patient);
        SoapResponse regulated = regulator.query(StoredQuery.findDocuments(patient.cx()));
        assertSuccess(regulated);
        assertThat(regulated.documentUniqueIds()).contains(fixture.fromElsewhere().uniqueId());

        portal.oppose(patient.nir(), true, true);

        assertDenied(regulator.query(StoredQuery.findDocuments(patient.cx())), Outcome.DENIED_OPPOSED);
        assertThat(authorized.findDocuments(patient.cx()).documentUniqueIds()).contains(fixture.fromElsewhere().uniqueId());
    }

    @Test
    @DisplayName("MASQUE_PS: a document its author hid (ITI-57) is unknown to another authorized doctor, seen by its"
            + " author and by the treating doctor in normal mode only")
    void aMaskedDocumentIsSeenByItsAuthorAndTheTreatingDoctorOnly() {
        TestData.Patient patient = xds.as(AUTHOR).newPatient();
        HabilitationMessages.authorize(xds.as(AUTHORIZED_DOCTOR), patient);
        HabilitationMessages.declareTreatingDoctor(xds.as(TREATING_DOCTOR), patient);
        XdsClient author = xds.as(AUTHOR).forPatient(patient);
        DocumentEntry visible = DocumentEntry.create().typeCode(SUMMARY);
        DocumentEntry hidden = DocumentEntry.create().typeCode(SUMMARY).authorPerson(AUTHOR_XCN);
        author.provideAndRegisterSuccessfully(Submission.forPatient(patient).document(visible, hidden));
        String v1 = author.findDocuments(patient.cx()).entryUuid(hidden.uniqueId());
        assertSuccess(MetadataUpdates.send(author, MetadataUpdates.newVersion(patient, hidden
                .withRegistryAttributes(Xds.DMP_REPOSITORY_UNIQUE_ID)
                .confidentialityCodes(MetadataUpdates.NORMAL, MetadataUpdates.MASQUE_PS), v1, "1")));
        String v2 = author.findDocuments(patient.cx()).entryUuid(hidden.uniqueId());

        XdsClient other = xds.as(AUTHORIZED_DOCTOR).forPatient(patient);
        assertThat(other.findDocuments(patient.cx()).documentUniqueIds()).containsExactly(visible.uniqueId());
        SoapResponse withDeprecated = other.query(StoredQuery.of(Xds.FIND_DOCUMENTS)
                .string("$XDSDocumentEntryPatientId", patient.cx()).list("$XDSDocumentEntryStatus", Xds.APPROVED,
                        Xds.DEPRECATED));
        assertSuccess(withDeprecated);
        assertThat(withDeprecated.documentUniqueIds()).as("the masked document's earlier version in %s", withDeprecated)
                .containsExactly(visible.uniqueId());
        SoapResponse byUniqueId = other.query(StoredQuery.getDocumentsByUniqueId(hidden.uniqueId()).raw("$MetadataLevel", "2"));
        assertSuccess(byUniqueId);
        assertThat(byUniqueId.objectCount()).as("GetDocuments of the masked document %s", byUniqueId).isZero();
        SoapResponse byUuid = other.query(StoredQuery.getDocumentsByUuid(v1, v2));
        assertSuccess(byUuid);
        assertThat(byUuid.objectCount()).as("GetDocuments of both versions by entryUUID %s", byUuid).isZero();
        String unknownId = TestData.uniqueId();
        assertAnsweredAsUnknown(other.retrieve(RetrieveRequest.documents(hidden.uniqueId())), hidden.uniqueId(),
                other.retrieve(RetrieveRequest.documents(unknownId)), unknownId);

        assertThat(author.findDocuments(patient.cx()).documentUniqueIds())
                .containsExactlyInAnyOrder(visible.uniqueId(), hidden.uniqueId());
        assertThat(author.retrieve(RetrieveRequest.documents(hidden.uniqueId())).retrievedDocument(hidden.uniqueId())
                .content()).isEqualTo(hidden.content());
        XdsClient treating = xds.as(TREATING_DOCTOR).forPatient(patient);
        assertThat(treating.findDocuments(patient.cx()).documentUniqueIds())
                .containsExactlyInAnyOrder(visible.uniqueId(), hidden.uniqueId());
        assertThat(treating.retrieve(RetrieveRequest.documents(hidden.uniqueId())).retrievedDocument(hidden.uniqueId())
                .content()).isEqualTo(hidden.content());
        XdsClient treatingInAnEmergency = xds.as(TREATING_DOCTOR.purposeOfUse(PurposeOfUse.BRIS_DE_GLACE))
                .forPatient(patient);
        assertThat(treatingInAnEmergency.findDocuments(patient.cx()).documentUniqueIds())
                .as("in bris de glace mode only its author sees a masked document").containsExactly(visible.uniqueId());
    }

    @Test
    @DisplayName("Document types: a nurse does not see a type the grid denies nurses (CR de consultation), a doctor does")
    void aNurseDoesNotSeeATypeTheGridDeniesHer() {
        TestData.Patient patient = xds.newPatient();
        HabilitationMessages.authorize(xds.as(AUTHORIZED_NURSE), patient);
        DocumentEntry summary = DocumentEntry.create().typeCode(SUMMARY);
        DocumentEntry consultation = DocumentEntry.create().typeCode(CONSULTATION);
        xds.provideAndRegisterSuccessfully(Submission.forPatient(patient).document(summary, consultation));
        XdsClient nurse = xds.as(AUTHORIZED_NURSE).forPatient(patient);

        assertThat(nurse.findDocuments(patient.cx()).documentUniqueIds()).containsExactly(summary.uniqueId());
        String unknownId = TestData.uniqueId();
        assertAnsweredAsUnknown(nurse.retrieve(RetrieveRequest.documents(consultation.uniqueId())), consultation.uniqueId(),
                nurse.retrieve(RetrieveRequest.documents(unknownId)), unknownId);
        assertThat(nurse.retrieve(RetrieveRequest.documents(summary.uniqueId())).retrievedDocument(summary.uniqueId())
                .content()).isEqualTo(summary.content());

        XdsClient doctor = xds.forPatient(patient);
        assertThat(doctor.findDocuments(patient.cx()).documentUniqueIds())
                .containsExactlyInAnyOrder(summary.uniqueId(), consultation.uniqueId());
        assertThat(doctor.retrieve(RetrieveRequest.documents(consultation.uniqueId()))
                .retrievedDocument(consultation.uniqueId()).content()).isEqualTo(consultation.content());
    }

    @Test
    @DisplayName("ITI-18 counts never reveal hidden documents: ObjectRef and LeafClass answers, associations and"
            + " submission set contents hold only what the caller may see")
    void queryResultsNeverRevealHiddenDocuments() {
        TestData.Patient patient = xds.as(AUTHOR).newPatient();
        HabilitationMessages.authorize(xds.as(AUTHORIZED_NURSE), patient);
        XdsClient author = xds.as(AUTHOR).forPatient(patient);
        DocumentEntry summary = DocumentEntry.create().typeCode(SUMMARY);
        DocumentEntry consultation = DocumentEntry.create().typeCode(CONSULTATION);
        DocumentEntry masked = DocumentEntry.create().typeCode(SUMMARY)
                .confidentialityCodes(MetadataUpdates.NORMAL, MetadataUpdates.MASQUE_PS);
        Submission submission = Submission.forPatient(patient).document(summary, consultation, masked);
        author.provideAndRegisterSuccessfully(submission);
        HabilitationMessages.declareTreatingDoctor(xds.as(TREATING_DOCTOR), patient);
        SoapResponse everything = xds.as(TREATING_DOCTOR).forPatient(patient).findDocuments(patient.cx());
        assertThat(everything.documentUniqueIds())
                .containsExactlyInAnyOrder(summary.uniqueId(), consultation.uniqueId(), masked.uniqueId());
        String summaryUuid = everything.entryUuid(summary.uniqueId());
        List<String> hiddenFromTheNurse = List.of(everything.entryUuid(consultation.uniqueId()),
                everything.entryUuid(masked.uniqueId()));
        XdsClient nurse = xds.as(AUTHORIZED_NURSE).forPatient(patient);

        SoapResponse leafClass = nurse.query(StoredQuery.findDocuments(patient.cx()));
        SoapResponse objectRef = nurse.query(StoredQuery.findDocuments(patient.cx()).objectRef());
        SoapResponse contents = nurse.query(StoredQuery.of(Xds.GET_SUBMISSION_SET_AND_CONTENTS)
                .string("$XDSSubmissionSetUniqueId", submission.uniqueId()));
        SoapResponse associations = nurse.query(StoredQuery.of(Xds.GET_ASSOCIATIONS).list("$uuid",
                hiddenFromTheNurse.toArray(String[]::new)));
        SoapResponse getAll = nurse.query(StoredQuery.of(Xds.GET_ALL).string("$patientId", patient.cx())
                .list("$XDSDocumentEntryStatus", Xds.APPROVED).list("$XDSSubmissionSetStatus", Xds.APPROVED)
                .list("$XDSFolderStatus", Xds.APPROVED));

        assertSuccess(leafClass);
        assertThat(leafClass.documentUniqueIds()).containsExactly(summary.uniqueId());
        assertSuccess(objectRef);
        assertThat(objectRef.objectRefIds()).as("ObjectRefs in %s", objectRef).containsExactly(summaryUuid);
        for (SoapResponse response : List.of(leafClass, objectRef, contents, associations, getAll)) {
            assertSuccess(response);
            assertThat(response.rootText()).as("a hidden document named in %s", response)
                    .doesNotContain(hiddenFromTheNurse.get(0)).doesNotContain(hiddenFromTheNurse.get(1))
                    .doesNotContain(consultation.uniqueId()).doesNotContain(masked.uniqueId());
        }
        assertThat(contents.documentUniqueIds()).containsExactly(summary.uniqueId());
        assertThat(contents.associations()).as("associations in %s", contents).singleElement()
                .satisfies(a -> assertThat(a.getAttribute("targetObject")).isEqualTo(summaryUuid));
        assertThat(associations.objectCount()).as("associations of hidden documents %s", associations).isZero();
        assertThat(getAll.documentUniqueIds()).containsExactly(summary.uniqueId());
    }

    // ================================================================== assertions

    private static void assertAllowedOrDenied(SoapResponse response, Outcome expected) {
        if (expected.denied()) {
            assertDenied(response, expected);
        } else {
            assertSuccess(response);
        }
    }

    /** A WS-Security FailedAuthentication fault whose reason is the access rules' for {@code expected}. */
    private static void assertDenied(SoapResponse response, Outcome expected) {
        assertSecurityFault(response, SecurityHeader.FAILED_AUTHENTICATION);
        assertThat(response.faultReason()).as("reason of %s", response).startsWith("access denied:")
                .contains(expected.reason);
    }
}
