package org.opendmp.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendmp.conformance.XdsAssertions.assertAddressedResponse;
import static org.opendmp.conformance.XdsAssertions.assertHasError;
import static org.opendmp.conformance.XdsAssertions.assertNoInternalsLeaked;
import static org.opendmp.conformance.XdsAssertions.assertRegistryError;
import static org.opendmp.conformance.XdsAssertions.assertSuccess;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** ITI-43 Retrieve Document Set on the repository endpoint (ITI TF-2b 3.43). */
@DmpServerTest
class RetrieveDocumentSetIT {

    private final XdsClient xds;

    RetrieveDocumentSetIT(XdsClient xds) {
        this.xds = xds;
    }

    private DocumentEntry stored(DocumentEntry entry) {
        xds.provideAndRegisterSuccessfully(Submission.forPatient(xds.newPatient()).document(entry));
        return entry;
    }

    @Test
    void returnsTheSubmittedBytesAndMimeTypeAsAnMtomAttachment() {
        DocumentEntry document = stored(DocumentEntry.create());

        SoapResponse response = xds.retrieve(RetrieveRequest.documents(document.uniqueId()));

        assertSuccess(response);
        assertAddressedResponse(response, Xds.ACTION_ITI43);
        assertThat(response.isMultipart()).as("MTOM response expected, Content-Type %s", response.contentType())
                .isTrue();
        SoapResponse.RetrievedDocument retrieved = response.retrievedDocument(document.uniqueId());
        assertThat(retrieved.sentAsXopAttachment()).as("document sent as xop:Include").isTrue();
        assertThat(retrieved.content()).isEqualTo(document.content());
        assertThat(retrieved.mimeType()).isEqualTo("text/xml");
        assertThat(retrieved.repositoryUniqueId()).isEqualTo(Xds.DMP_REPOSITORY_UNIQUE_ID);
    }

    @Test
    void keepsTheMimeTypeOfANonXmlDocument() {
        byte[] pdf = ("%PDF-1.4\n% test " + TestData.uniqueId() + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
        DocumentEntry document = stored(DocumentEntry.create().mimeType("application/pdf").content(pdf)
                .formatCode(new Code("urn:ihe:iti:xds-sd:pdf:2008", Xds.FORMAT_CODES, "PDF")));

        SoapResponse.RetrievedDocument retrieved = xds.retrieve(RetrieveRequest.documents(document.uniqueId()))
                .retrievedDocument(document.uniqueId());

        assertThat(retrieved.mimeType()).isEqualTo("application/pdf");
        assertThat(retrieved.content()).isEqualTo(pdf);
    }

    @Test
    void retrievesSeveralDocumentsInOneRequest() {
        // of one patient: the VIHF names one, and other patients' documents are unknown to the caller
        DocumentEntry first = DocumentEntry.create();
        DocumentEntry second = DocumentEntry.create().mimeType("application/octet-stream")
                .content(TestData.binaryDocument(20_000));
        xds.provideAndRegisterSuccessfully(Submission.forPatient(xds.newPatient()).document(first, second));

        SoapResponse response = xds.retrieve(RetrieveRequest.documents(first.uniqueId(), second.uniqueId()));

        assertSuccess(response);
        assertThat(response.retrievedDocuments()).as("documents in %s", response).hasSize(2);
        assertThat(response.retrievedDocument(first.uniqueId()).content()).isEqualTo(first.content());
        assertThat(response.retrievedDocument(second.uniqueId()).content()).isEqualTo(second.content());
        assertThat(response.retrievedDocument(second.uniqueId()).mimeType()).isEqualTo("application/octet-stream");
    }

    @Test
    void answersPartialSuccessWhenOneOfTheDocumentsIsUnknown() {
        DocumentEntry known = stored(DocumentEntry.create());
        String unknown = TestData.uniqueId();

        SoapResponse response = xds.retrieve(RetrieveRequest.documents(known.uniqueId(), unknown));

        assertNoInternalsLeaked(response);
        assertThat(response.status()).as("status of %s", response).isEqualTo(Xds.PARTIAL_SUCCESS);
        assertHasError(response, Xds.XDS_DOCUMENT_UNIQUE_ID_ERROR);
        assertThat(response.retrievedDocuments()).as("documents in %s", response).singleElement()
                .satisfies(d -> assertThat(d.documentUniqueId()).isEqualTo(known.uniqueId()));
        assertThat(response.retrievedDocument(known.uniqueId()).content()).isEqualTo(known.content());
    }

    @Test
    void answersFailureWhenNoDocumentIsKnown() {
        SoapResponse response = xds.retrieve(RetrieveRequest.documents(TestData.uniqueId(), TestData.uniqueId()));

        assertRegistryError(response, Xds.XDS_DOCUMENT_UNIQUE_ID_ERROR);
        assertThat(response.retrievedDocuments()).as("documents in %s", response).isEmpty();
    }

    @Test
    void rejectsARequestForAnotherRepository() {
        DocumentEntry document = stored(DocumentEntry.create());

        SoapResponse response = xds.retrieve(
                RetrieveRequest.of().document("1.2.250.1.999.77.404", document.uniqueId()));

        assertRegistryError(response, Xds.XDS_UNKNOWN_REPOSITORY_ID);
        assertThat(response.retrievedDocuments()).as("documents in %s", response).isEmpty();
    }

    @Test
    void roundTripsAOneMegabyteBinaryDocumentUnchanged() {
        byte[] content = TestData.binaryDocument(1024 * 1024);
        DocumentEntry document = stored(DocumentEntry.create().mimeType("application/octet-stream").content(content));

        SoapResponse.RetrievedDocument retrieved = xds.retrieve(RetrieveRequest.documents(document.uniqueId()))
                .retrievedDocument(document.uniqueId());

        assertThat(retrieved.content().length).isEqualTo(content.length);
        assertThat(TestData.sha1(retrieved.content())).isEqualTo(TestData.sha1(content));
        Element stored = xds.query(StoredQuery.getDocumentsByUniqueId(document.uniqueId()))
                .extrinsicObject(document.uniqueId());
        assertThat(SoapResponse.slotValues(stored, "size")).containsExactly(Integer.toString(content.length));
        assertThat(SoapResponse.slotValues(stored, "hash")).containsExactly(TestData.sha1(content));
    }
}
