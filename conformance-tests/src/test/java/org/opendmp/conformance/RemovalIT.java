package org.opendmp.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendmp.conformance.XdsAssertions.assertAddressedResponse;
import static org.opendmp.conformance.XdsAssertions.assertHasError;
import static org.opendmp.conformance.XdsAssertions.assertNoInternalsLeaked;
import static org.opendmp.conformance.XdsAssertions.assertNothingStored;
import static org.opendmp.conformance.XdsAssertions.assertRegistryError;
import static org.opendmp.conformance.XdsAssertions.assertSuccess;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * ITI-62 Remove Metadata on the registry endpoint and ITI-86 Remove Documents on the repository
 * endpoint (IHE RMD supplement; ITI TF-2b 3.62 and 3.86), as a Document Administrator sends them: an
 * automated system ({@link Vihf#automaton()}, role {@code AUTOMATE}), the only caller the DMP's access rules
 * let remove (AccessRulesIT checks that others are refused). The documents are fed and read by the demo
 * doctor.
 */
@DmpServerTest
class RemovalIT {

    private static final String UNRESOLVED_REFERENCE = "UnresolvedReferenceException";
    private static final String REFERENCES_EXIST = "ReferencesExistException";
    private static final String UNREFERENCED_OBJECT = "XDSUnreferencedObjectException";

    private final XdsClient xds;
    /** The Document Administrator. */
    private final XdsClient administrator;

    RemovalIT(XdsClient xds) {
        this.xds = xds;
        this.administrator = xds.as(Vihf.automaton());
    }

    /** The entryUUIDs of a registered submission: its SubmissionSet, DocumentEntries and Associations. */
    private record Registered(Submission submission, String set, List<String> documents, List<String> associations) {

        List<String> all() {
            List<String> all = new ArrayList<>(associations);
            all.addAll(documents);
            all.add(set);
            return all;
        }
    }

    private Registered registered(DocumentEntry... entries) {
        Submission submission = Submission.forPatient(xds.newPatient()).document(entries);
        xds.provideAndRegisterSuccessfully(submission);
        SoapResponse contents = xds.query(StoredQuery.of(Xds.GET_SUBMISSION_SET_AND_CONTENTS)
                .string("$XDSSubmissionSetUniqueId", submission.uniqueId()));
        assertSuccess(contents);
        return new Registered(submission, contents.onlyRegistryPackageId(), ids(contents.extrinsicObjects()),
                ids(contents.associations()));
    }

    // ------------------------------------------------------------------ ITI-62

    @Test
    @DisplayName("ITI-62: a whole submission removed is found by no query; its document stays in the repository"
            + " (ITI-86 removes it, once) but no professional retrieves it any more")
    void removesAWholeSubmissionThenItsDocument() {
        DocumentEntry document = DocumentEntry.create();
        Registered registered = registered(document);

        SoapResponse removal = removeMetadata(registered.all());

        assertSuccess(removal);
        assertAddressedResponse(removal, Xds.ACTION_ITI62);
        assertNothingStored(xds, registered.submission());
        // without its metadata the access rules cannot tell who may read it: unknown to every reader (fail closed)
        assertRegistryError(xds.retrieve(RetrieveRequest.documents(document.uniqueId())),
                Xds.XDS_DOCUMENT_UNIQUE_ID_ERROR);

        SoapResponse documentRemoval = removeDocuments(document.uniqueId());

        assertSuccess(documentRemoval);
        assertAddressedResponse(documentRemoval, Xds.ACTION_ITI86);
        assertRegistryError(removeDocuments(document.uniqueId()), Xds.XDS_DOCUMENT_UNIQUE_ID_ERROR);
    }

    @Test
    @DisplayName("ITI-62: one DocumentEntry of two removed with its HasMember; the other and the SubmissionSet stay")
    void removesOneDocumentOfASubmission() {
        DocumentEntry removed = DocumentEntry.create();
        DocumentEntry kept = DocumentEntry.create();
        Registered registered = registered(removed, kept);
        String removedUuid = entryUuid(removed);
        String membership = hasMemberOf(registered, removedUuid);

        assertSuccess(removeMetadata(List.of(removedUuid, membership)));

        SoapResponse documents = xds.findDocuments(registered.submission().patient().cx());
        assertThat(documents.documentUniqueIds()).as("documents in %s", documents).containsExactly(kept.uniqueId());
    }

    @Test
    @DisplayName("ITI-62 UnresolvedReferenceException: an entryUUID the registry does not know; nothing is removed")
    void refusesAnUnknownEntryUuid() {
        Registered registered = registered(DocumentEntry.create());
        List<String> ids = new ArrayList<>(registered.all());
        ids.add(TestData.uuid());

        assertRemovalRefused(removeMetadata(ids), UNRESOLVED_REFERENCE);
        assertStillRegistered(registered);
    }

    @Test
    @DisplayName("ITI-62 ReferencesExistException: a SubmissionSet whose HasMember Association is not removed")
    void refusesASubmissionSetStillReferred() {
        Registered registered = registered(DocumentEntry.create());

        assertRemovalRefused(removeMetadata(List.of(registered.set())), REFERENCES_EXIST);
        assertStillRegistered(registered);
    }

    @Test
    @DisplayName("ITI-62 XDSUnreferencedObjectException: the only DocumentEntry of a SubmissionSet without the"
            + " SubmissionSet")
    void refusesToLeaveAnEmptySubmissionSet() {
        Registered registered = registered(DocumentEntry.create());
        List<String> withoutSet = new ArrayList<>(registered.all());
        withoutSet.remove(registered.set());

        assertRemovalRefused(removeMetadata(withoutSet), UNREFERENCED_OBJECT);
        assertStillRegistered(registered);
    }

    // ------------------------------------------------------------------ ITI-86

    @Test
    @DisplayName("ITI-86 XDSDocumentUniqueIdError: PartialSuccess when one of two documents is unknown;"
            + " the known one is removed")
    void answersPartialSuccessWhenOneDocumentIsUnknown() {
        DocumentEntry known = DocumentEntry.create();
        registered(known);
        String unknown = TestData.uniqueId();

        SoapResponse response = removeDocuments(known.uniqueId(), unknown);

        assertNoInternalsLeaked(response);
        assertThat(response.status()).as("status of %s", response).isEqualTo(Xds.PARTIAL_SUCCESS);
        assertHasError(response, Xds.XDS_DOCUMENT_UNIQUE_ID_ERROR);
        assertThat(response.errors()).as("errors of %s", response).singleElement()
                .satisfies(error -> assertThat(error.location()).isEqualTo(unknown));
        assertRegistryError(xds.retrieve(RetrieveRequest.documents(known.uniqueId())), Xds.XDS_DOCUMENT_UNIQUE_ID_ERROR);
    }

    @Test
    @DisplayName("ITI-86 XDSUnknownRepositoryId: a request for another repository removes nothing")
    void refusesARequestForAnotherRepository() {
        DocumentEntry document = DocumentEntry.create();
        registered(document);

        SoapResponse response = removeDocumentsOf("1.2.250.1.999.77.404", document.uniqueId());

        assertRegistryError(response, Xds.XDS_UNKNOWN_REPOSITORY_ID);
        assertThat(xds.retrieve(RetrieveRequest.documents(document.uniqueId())).retrievedDocument(document.uniqueId())
                .content()).isEqualTo(document.content());
    }

    // ------------------------------------------------------------------ helpers

    private SoapResponse removeMetadata(List<String> entryUuids) {
        StringBuilder refs = new StringBuilder();
        for (String id : entryUuids) {
            refs.append(Template.of("iti62/object-ref.xml").with("id", id).render());
        }
        return administrator.soap12(xds.registry(), Xds.ACTION_ITI62,
                Template.of("iti62/remove-objects.xml").withXml("objectRefs", refs.toString()).render());
    }

    /** ITI-86 for documents of the server's repository. */
    private SoapResponse removeDocuments(String... documentUniqueIds) {
        String[] pairs = new String[documentUniqueIds.length * 2];
        for (int i = 0; i < documentUniqueIds.length; i++) {
            pairs[2 * i] = Xds.DMP_REPOSITORY_UNIQUE_ID;
            pairs[2 * i + 1] = documentUniqueIds[i];
        }
        return removeDocumentsOf(pairs);
    }

    /** ITI-86 with DocumentRequests (the ITI-43 ones) for these repositoryUniqueId, documentUniqueId pairs. */
    private SoapResponse removeDocumentsOf(String... repositoryAndDocument) {
        StringBuilder requests = new StringBuilder();
        for (int i = 0; i < repositoryAndDocument.length; i += 2) {
            requests.append(Template.of("iti43/document-request.xml").with("repositoryUniqueId", repositoryAndDocument[i])
                    .with("documentUniqueId", repositoryAndDocument[i + 1]).render());
        }
        return administrator.soap12(xds.repository(), Xds.ACTION_ITI86,
                Template.of("iti86/remove-documents.xml").withXml("documentRequests", requests.toString()).render());
    }

    /**
     * Failure with this RegistryError. The ebRS error codes of ITI-62 end in "Exception", so the
     * usual no-Java-exception-names check runs on the answer without them.
     */
    private static void assertRemovalRefused(SoapResponse response, String errorCode) {
        assertThat(response.isFault()).as("expected RegistryError %s, got a SOAP Fault: %s", errorCode, response)
                .isFalse();
        assertThat(response.httpStatus()).as("HTTP status of %s", response).isEqualTo(200);
        assertThat(response.status()).as("status of %s", response).isEqualTo(Xds.FAILURE);
        assertHasError(response, errorCode);
        String withoutCodes = response.rootText().replace(UNRESOLVED_REFERENCE, "").replace(REFERENCES_EXIST, "")
                .replace(UNREFERENCED_OBJECT, "");
        assertThat(withoutCodes).as("the answer names a Java exception: %s", response).doesNotContain("Exception");
        assertThat(withoutCodes).as("the answer contains a stack trace: %s", response).doesNotContain("\tat ");
    }

    private void assertStillRegistered(Registered registered) {
        SoapResponse contents = xds.query(StoredQuery.of(Xds.GET_SUBMISSION_SET_AND_CONTENTS)
                .string("$XDSSubmissionSetUniqueId", registered.submission().uniqueId()));
        assertSuccess(contents);
        assertThat(contents.objectCount()).as("objects still registered in %s", contents)
                .isEqualTo(registered.all().size());
    }

    private String entryUuid(DocumentEntry entry) {
        SoapResponse response = xds.query(StoredQuery.getDocumentsByUniqueId(entry.uniqueId()));
        assertSuccess(response);
        return response.entryUuid(entry.uniqueId());
    }

    private String hasMemberOf(Registered registered, String documentUuid) {
        SoapResponse contents = xds.query(StoredQuery.of(Xds.GET_SUBMISSION_SET_AND_CONTENTS)
                .string("$XDSSubmissionSetUniqueId", registered.submission().uniqueId()));
        return contents.associations().stream().filter(a -> a.getAttribute("targetObject").equals(documentUuid))
                .map(a -> a.getAttribute("id")).findFirst().orElseThrow();
    }

    private static List<String> ids(List<Element> objects) {
        return objects.stream().map(e -> e.getAttribute("id")).toList();
    }
}
