package org.opendmp.registry.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendmp.registry.ebrim.XdsVocabulary.*;
import static org.opendmp.registry.testsupport.TestRegistry.list;
import static org.opendmp.registry.testsupport.TestRegistry.string;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opendmp.registry.error.XdsErrorCode;
import org.opendmp.registry.model.Submission;
import org.opendmp.registry.query.FindFolders;
import org.opendmp.registry.query.GetFolderAndContents;
import org.opendmp.registry.query.GetFolders;
import org.opendmp.registry.query.GetSubmissionSetAndContents;
import org.opendmp.registry.query.GetSubmissionSets;
import org.opendmp.registry.testsupport.Submissions;
import org.opendmp.testsupport.TestDatabase;
import org.opendmp.registry.testsupport.TestRegistry;
import org.opendmp.wsdl.rim.RegistryPackageType;
import org.opendmp.wsdl.rim.SlotType1;

/**
 * Folders and SubmissionSet membership in ITI-42 (ITI TF-3 4.2.2.1, 4.2.3.4): creating Folders,
 * adding new and registered documents to new and registered Folders, Folder.lastUpdateTime (column
 * and stored ebRIM), SubmissionSetStatus Original / Reference; on H2 and PostgreSQL. Fixture:
 * patient P with document X in folder F, registered in January.
 */
class FolderMembershipTest {

    private static final List<String> CODES = List.of("A1^^1.2.250.1.999.9");
    private static final String JANUARY = "20240101100000";
    private static final String FEBRUARY = "20240201100000";

    private TestRegistry registry;
    private String p;
    private String x;
    private String f;

    private void start(TestDatabase database) {
        registry = new TestRegistry(database);
        p = newPatient();
        Submission first = registry.registerAt(JANUARY, folderWith(p, "Document01"));
        x = first.documentEntries().get(0).entryUuid();
        f = first.folders().get(0).entryUuid();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-3 4.2.3.4 Folder.lastUpdateTime: set by the registry when the Folder is created")
    void newFolderGetsTheSubmissionTimeAsLastUpdateTime(TestDatabase database) {
        start(database);

        assertThat(lastUpdateTime(f)).isEqualTo(JANUARY);
        assertThat(findFolders("$XDSFolderLastUpdateTimeFrom", JANUARY)).containsExactly(f);
        assertThat(registry.ids(GetFolderAndContents.ID, "$XDSFolderEntryUUID", string(f))).contains(x);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-3 4.2.2.1: a registered document added to a registered Folder, the SubmissionSet having the"
            + " HasMember as member; the Folder's lastUpdateTime changes")
    void registeredDocumentJoinsARegisteredFolder(TestDatabase database) {
        start(database);
        String y = registry.registerAt(JANUARY, Submissions.template(p, Submissions.next())).documentEntries().get(0)
                .entryUuid();

        Submission adding = registry.registerAt(FEBRUARY, addToFolder(Submissions.template(p, Submissions.next()), f, y));

        assertThat(registry.ids(GetFolderAndContents.ID, "$XDSFolderEntryUUID", string(f))).contains(x, y);
        assertThat(lastUpdateTime(f)).isEqualTo(FEBRUARY);
        assertThat(findFolders("$XDSFolderLastUpdateTimeFrom", FEBRUARY)).containsExactly(f);
        String membership = membership(adding, f, y);
        assertThat(registry.ids(GetSubmissionSetAndContents.ID, "$XDSSubmissionSetEntryUUID",
                string(adding.submissionSet().entryUuid()))).contains(membership, membership(adding,
                adding.submissionSet().entryUuid(), membership));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-3 4.2.2.1: a submission may carry only a Folder membership, no new document")
    void submissionOfAFolderMembershipOnly(TestDatabase database) {
        start(database);
        String y = registry.register(Submissions.template(p, Submissions.next())).documentEntries().get(0).entryUuid();
        String membershipOnly = Submissions.template(p, Submissions.next())
                .replaceAll("(?s)<ExtrinsicObject .*?</ExtrinsicObject>", "")
                .replaceAll("(?s)<Association [^>]*id=\"member01\".*?</Association>", "");

        Submission adding = registry.registerAt(FEBRUARY, addToFolder(membershipOnly, f, y));

        assertThat(adding.documentEntries()).isEmpty();
        assertThat(registry.ids(GetFolderAndContents.ID, "$XDSFolderEntryUUID", string(f))).contains(x, y);
        assertThat(lastUpdateTime(f)).isEqualTo(FEBRUARY);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-3 4.2.2.1: a registered document added to a new Folder")
    void registeredDocumentJoinsANewFolder(TestDatabase database) {
        start(database);

        Submission created = registry.registerAt(FEBRUARY, Submissions.withFolder(Submissions.template(p,
                Submissions.next()), p, "Folder02", "1.2.250.1.999.2.4." + Submissions.next(), CODES, x));

        String g = created.folders().get(0).entryUuid();
        assertThat(registry.ids(GetFolderAndContents.ID, "$XDSFolderEntryUUID", string(g))).contains(x);
        assertThat(lastUpdateTime(f)).isEqualTo(JANUARY);
        assertThat(lastUpdateTime(g)).isEqualTo(FEBRUARY);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-3 4.2.2.1: Folder and member of one patient, else XDSPatientIdDoesNotMatch")
    void rejectsFolderMembersOfAnotherPatient(TestDatabase database) {
        start(database);
        String q = newPatient();
        Submission ofQ = registry.registerAt(JANUARY, folderWith(q, "Document01"));
        String documentOfQ = ofQ.documentEntries().get(0).entryUuid();

        registry.assertRegistrationRefused(XdsErrorCode.XDSPatientIdDoesNotMatch,
                addToFolder(Submissions.template(p, Submissions.next()), f, documentOfQ), p, q);
        registry.assertRegistrationRefused(XdsErrorCode.XDSPatientIdDoesNotMatch,
                addToFolder(Submissions.template(p, Submissions.next()), ofQ.folders().get(0).entryUuid(), "Document01"),
                p, q);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-3 Table 4.2.4.1-2 XDSRegistryDeprecatedDocumentError: a Deprecated document joins no Folder")
    void rejectsDeprecatedDocumentInAFolder(TestDatabase database) {
        start(database);
        String y = registry.register(Submissions.template(p, Submissions.next())).documentEntries().get(0).entryUuid();
        registry.register(Submissions.withAssociation(Submissions.template(p, Submissions.next()), RPLC, "Document01", y));

        registry.assertRegistrationRefused(XdsErrorCode.XDSRegistryDeprecatedDocumentError,
                addToFolder(Submissions.template(p, Submissions.next()), f, y), p);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-3 4.2.2.1 HasMember: from the SubmissionSet or a Folder; a Folder's members are DocumentEntries")
    void rejectsHasMemberOtherThanFromSetOrFolderToItsMembers(TestDatabase database) {
        start(database);
        String other = registry.register(folderWith(p, "Document01")).folders().get(0).entryUuid();

        registry.assertRegistrationRefused(XdsErrorCode.XDSRegistryMetadataError,
                addToFolder(Submissions.template(p, Submissions.next()), f, other), p);
        registry.assertRegistrationRefused(XdsErrorCode.XDSRegistryMetadataError, Submissions.withAssociation(
                Submissions.template(p, Submissions.next()), HAS_MEMBER, x, "Document01"), p);
        registry.assertRegistrationRefused(XdsErrorCode.XDSRegistryMetadataError, Submissions.withSetMember(
                Submissions.withAssociation(Submissions.template(p, Submissions.next()), "rplc", RPLC, "Document01", x),
                "rplc", ORIGINAL), p);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-3 4.2.2.1 SubmissionSetStatus: Reference names a registered DocumentEntry")
    void submissionSetMayReferenceARegisteredDocument(TestDatabase database) {
        start(database);

        Submission referencing = registry.register(
                Submissions.withSetMember(Submissions.template(p, Submissions.next()), x, REFERENCE));

        assertThat(registry.ids(GetSubmissionSets.ID, "$uuid", list(x)))
                .contains(referencing.submissionSet().entryUuid());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("ITI TF-3 4.2.2.1 SubmissionSetStatus: required towards DocumentEntries; Original for objects of the"
            + " submission, Reference for registered DocumentEntries; else XDSRegistryMetadataError")
    void rejectsWrongSubmissionSetStatus(TestDatabase database) {
        start(database);
        String template = Submissions.template(p, Submissions.next());

        registry.assertRegistrationRefused(XdsErrorCode.XDSRegistryMetadataError, template.replace(
                "<Slot name=\"SubmissionSetStatus\"><ValueList><Value>Original</Value></ValueList></Slot>", ""), p);
        registry.assertRegistrationRefused(XdsErrorCode.XDSRegistryMetadataError,
                template.replace("<Value>Original</Value>", "<Value>Reference</Value>"), p);
        registry.assertRegistrationRefused(XdsErrorCode.XDSRegistryMetadataError,
                Submissions.withSetMember(template, x, ORIGINAL), p);
        registry.assertRegistrationRefused(XdsErrorCode.XDSRegistryMetadataError,
                Submissions.withSetMember(template, f, REFERENCE), p);
    }

    // ------------------------------------------------------------------ helpers

    /** A submission of one new document in a new Folder, whose members are {@code members}. */
    private static String folderWith(String patient, String... members) {
        return Submissions.withFolder(Submissions.template(patient, Submissions.next()), patient, "Folder01",
                "1.2.250.1.999.2.4." + Submissions.next(), CODES, members);
    }

    /** Adds a HasMember from {@code folder} to {@code document}, itself a member of the SubmissionSet. */
    private static String addToFolder(String xml, String folder, String document) {
        String id = "membership" + Submissions.next();
        return Submissions.withSetMember(Submissions.withAssociation(xml, id, HAS_MEMBER, folder, document), id, ORIGINAL);
    }

    private static String membership(Submission submission, String source, String target) {
        return submission.associations().stream()
                .filter(a -> a.type().equals(HAS_MEMBER) && a.sourceObject().equals(source) && a.targetObject().equals(target))
                .findFirst().orElseThrow().entryUuid();
    }

    private List<String> findFolders(String... extra) {
        List<String> parameters = new java.util.ArrayList<>(List.of(
                "$XDSFolderPatientId", string(p), "$XDSFolderStatus", list(STATUS_APPROVED)));
        parameters.addAll(List.of(extra));
        return registry.ids(FindFolders.ID, parameters.toArray(String[]::new));
    }

    private String lastUpdateTime(String folder) {
        RegistryPackageType stored = (RegistryPackageType) registry.objects(GetFolders.ID, "LeafClass",
                "$XDSFolderEntryUUID", list(folder)).get(0);
        return stored.getSlot().stream().filter(slot -> slot.getName().equals(LAST_UPDATE_TIME))
                .map(SlotType1::getValueList).map(values -> values.getValue().get(0)).findFirst().orElseThrow();
    }

    static String newPatient() {
        return Submissions.patient(Submissions.nir(1_000_000_000_000L + Submissions.next() % 8_000_000_000_000L));
    }
}
