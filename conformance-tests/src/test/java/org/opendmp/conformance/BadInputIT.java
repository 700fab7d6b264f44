package org.opendmp.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendmp.conformance.XdsAssertions.assertNoInternalsLeaked;
import static org.opendmp.conformance.XdsAssertions.assertNothingStored;
import static org.opendmp.conformance.XdsAssertions.assertRefused;
import static org.opendmp.conformance.XdsAssertions.assertRegistryError;
import static org.opendmp.conformance.XdsAssertions.assertSoapFault;
import static org.opendmp.conformance.XdsAssertions.assertSuccess;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Hostile or broken input: XML entities (XXE, billion laughs), malformed XML, oversized messages,
 * MTOM packages whose parts do not match their references. The server answers with a SOAP Fault or
 * a RegistryError, quickly, without leaking internals, stores nothing and stays up.
 */
@DmpServerTest
class BadInputIT {

    private static final Duration QUICKLY = Duration.ofSeconds(10);

    private final XdsClient xds;

    BadInputIT(XdsClient xds) {
        this.xds = xds;
    }

    private String hostileQuery(String template) {
        return Template.of(template).with("messageId", TestData.uuid()).with("to", xds.registry().toString()).render();
    }

    private void assertServerStillAnswers() {
        assertSuccess(xds.query(StoredQuery.findDocuments(xds.newPatient().cx())));
    }

    // ------------------------------------------------------------------ XML entities

    @Test
    void rejectsAnExternalEntityInAQueryWithoutReadingTheFile() {
        SoapResponse response = xds.postSoap12(xds.registry(), Xds.ACTION_ITI18, hostileQuery("bad/xxe-query.xml"));

        assertRefused(response);
        assertThat(response.bodyText()).as("the answer shows /etc/passwd: %s", response).doesNotContain("root:");
        assertThat(response.elapsed()).isLessThan(QUICKLY);
    }

    @Test
    void rejectsEntityExpansionBombsQuicklyAndStaysUp() {
        SoapResponse response = xds.postSoap12(xds.registry(), Xds.ACTION_ITI18,
                hostileQuery("bad/billion-laughs-query.xml"));

        assertRefused(response);
        assertThat(response.bodyText()).doesNotContain("lollollol");
        assertThat(response.elapsed()).isLessThan(QUICKLY);
        assertServerStillAnswers();
    }

    @Test
    void rejectsAnExternalEntityInAnMtomSubmissionAndStoresNothing() {
        DocumentEntry document = DocumentEntry.create();
        Submission submission = Submission.forPatient(xds.newPatient()).document(document);
        String envelope = SoapMessages.soap12(Xds.ACTION_ITI41, xds.repository().toString(),
                submission.provideAndRegisterBody()).xml();
        String hostile = envelope
                .replaceFirst("\\?>", "?>\n<!DOCTYPE soap:Envelope [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>")
                .replace("<rim:Value>20240105103000</rim:Value>", "<rim:Value>&xxe;</rim:Value>");
        assertThat(hostile).as("test message carries the entity").contains("<!ENTITY xxe", "<rim:Value>&xxe;</rim:Value>");

        SoapResponse response = xds.send(xds.repository(),
                Mtom.soap12(hostile, Xds.ACTION_ITI41).attachAll(submission.parts()).build());

        assertRefused(response);
        assertThat(response.bodyText()).doesNotContain("root:");
        assertThat(response.elapsed()).isLessThan(QUICKLY);
        assertNothingStored(xds, submission);
    }

    // ------------------------------------------------------------------ broken XML

    @Test
    void answersMalformedXmlWithASoapFault() {
        String query = SoapMessages.soap12(Xds.ACTION_ITI18, xds.registry().toString(),
                StoredQuery.findDocuments(xds.newPatient().cx()).body()).xml();
        String truncated = query.substring(0, query.indexOf("<rim:Slot"));

        SoapResponse response = xds.postSoap12(xds.registry(), Xds.ACTION_ITI18, truncated);

        assertSoapFault(response);
        assertServerStillAnswers();
    }

    @Test
    void answersXmlThatIsNotASoapEnvelopeWithAFault() {
        SoapResponse response = xds.postSoap12(xds.registry(), Xds.ACTION_ITI18,
                "<?xml version=\"1.0\"?><bonjour xmlns=\"urn:opendmp:test\">pas de SOAP</bonjour>");

        assertSoapFault(response);
    }

    // ------------------------------------------------------------------ size

    /**
     * The server runs with an 8 MiB limit; this message is 9 MiB, sent chunked so that the limit
     * must hold on the bytes actually read, not only on a Content-Length header.
     */
    @Test
    void refusesAMessageOverTheSizeLimitAndStoresNothing() {
        int overLimit = (int) ServerExtension.MAX_MESSAGE_SIZE + 1024 * 1024;
        DocumentEntry huge = DocumentEntry.create().mimeType("application/octet-stream")
                .content(TestData.binaryDocument(overLimit));
        Submission submission = Submission.forPatient(xds.newPatient()).document(huge);
        String envelope = SoapMessages.soap12(Xds.ACTION_ITI41, xds.repository().toString(),
                submission.provideAndRegisterBody()).xml();

        SoapResponse response = xds.sendChunked(xds.repository(),
                Mtom.soap12(envelope, Xds.ACTION_ITI41).attachAll(submission.parts()).build());

        if (response.httpStatus() == 413) {
            assertThat(response.bodyText()).doesNotContain("Exception");
        } else {
            assertSoapFault(response);
        }
        assertNothingStored(xds, submission);
        assertServerStillAnswers();
    }

    // ------------------------------------------------------------------ MTOM parts

    @Test
    void rejectsAnXopIncludeOfAPartThatIsNotThere() {
        DocumentEntry document = DocumentEntry.create();
        Submission submission = Submission.forPatient(xds.newPatient()).document(document)
                .withIncludeOfMissingPart(document);

        assertRefused(xds.provideAndRegister(submission));
        assertNothingStored(xds, submission);
    }

    @Test
    void rejectsAnExtraMimePartThatNothingRefersTo() {
        Submission submission = Submission.forPatient(xds.newPatient()).document(DocumentEntry.create())
                .withUnreferencedPart("stowaway." + TestData.uniqueId() + "@opendmp.test", "text/plain",
                        "contenu passager clandestin".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        SoapResponse response = xds.provideAndRegister(submission);

        assertNoInternalsLeaked(response);
        if (!response.isFault()) {
            assertRegistryError(response, Xds.XDS_REPOSITORY_METADATA_ERROR);
        } else {
            assertSoapFault(response);
        }
        assertNothingStored(xds, submission);
    }
}
