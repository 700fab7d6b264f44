package org.opendmp.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The IHE actors the tests play (Document Source, Document Consumer, and Document Repository
 * towards the registry), speaking raw SOAP over mutual TLS to the server under test.
 */
public final class XdsClient {

    private final DmpServer server;
    private final MtlsClient http;

    XdsClient(DmpServer server, MtlsClient http) {
        this.server = server;
        this.http = http;
    }

    public URI registry() {
        return server.registryUri();
    }

    public URI repository() {
        return server.repositoryUri();
    }

    public DmpServer server() {
        return server;
    }

    // ---------------------------------------------------------------- transactions

    /** ITI-41 as IHE describes it: SOAP 1.2 in MTOM, documents as XOP parts. */
    public SoapResponse provideAndRegister(Submission submission) {
        SoapMessages.Envelope envelope = SoapMessages.soap12(Xds.ACTION_ITI41, repository().toString(),
                submission.provideAndRegisterBody());
        Mtom.Body body = Mtom.soap12(envelope.xml(), Xds.ACTION_ITI41).attachAll(submission.parts()).build();
        return send(repository(), body).requestMessageId(envelope.messageId());
    }

    /** ITI-42, plain SOAP 1.2, to the registry endpoint. */
    public SoapResponse register(Submission submission) {
        return soap12(registry(), Xds.ACTION_ITI42, submission.registerBody());
    }

    /** ITI-18, plain SOAP 1.2. */
    public SoapResponse query(StoredQuery query) {
        return soap12(registry(), Xds.ACTION_ITI18, query.body());
    }

    /** ITI-43, plain SOAP 1.2 request. */
    public SoapResponse retrieve(RetrieveRequest request) {
        return soap12(repository(), Xds.ACTION_ITI43, request.body());
    }

    public SoapResponse soap12(URI endpoint, String action, String body) {
        SoapMessages.Envelope envelope = SoapMessages.soap12(action, endpoint.toString(), body);
        return postSoap12(endpoint, action, envelope.xml()).requestMessageId(envelope.messageId());
    }

    /** Posts a SOAP 1.2 envelope as is (no well-formedness check: bad-input tests use this). */
    public SoapResponse postSoap12(URI endpoint, String action, String envelopeXml) {
        return post(endpoint, "application/soap+xml; charset=UTF-8; action=\"" + action + "\"",
                envelopeXml.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public SoapResponse send(URI endpoint, Mtom.Body body) {
        return post(endpoint, body.contentType(), body.bytes(), body.headers());
    }

    /** Sends an MTOM body with chunked transfer coding (its size is known only by reading it). */
    public SoapResponse sendChunked(URI endpoint, Mtom.Body body) {
        return post(endpoint, body.contentType(), body.bytes(), body.headers(), true);
    }

    public SoapResponse post(URI endpoint, String contentType, byte[] bytes, Map<String, String> headers) {
        return post(endpoint, contentType, bytes, headers, false);
    }

    private SoapResponse post(URI endpoint, String contentType, byte[] bytes, Map<String, String> headers,
            boolean chunked) {
        long start = System.nanoTime();
        try {
            MtlsClient.HttpResult result = chunked
                    ? http.postChunked(endpoint, contentType, bytes, headers, MtlsClient.DEFAULT_TIMEOUT)
                    : http.post(endpoint, contentType, bytes, headers, MtlsClient.DEFAULT_TIMEOUT);
            return new SoapResponse(result, Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            throw new UncheckedIOException("no HTTP answer from " + endpoint + " (server "
                    + (server.isAlive() ? "alive" : "DEAD") + "): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- conveniences

    /**
     * A fresh patient the server knows, with an open DMP, created over SOAP (TD1.1) as
     * DMP-compatible software does: the registry accepts documents only for such patients.
     */
    public TestData.Patient newPatient() {
        TestData.Patient patient = TestData.newPatient();
        Hl7v3Messages.create(this, patient.nir());
        return patient;
    }

    /** Submits through ITI-41 and fails unless the repository answers Success. */
    public SoapResponse provideAndRegisterSuccessfully(Submission submission) {
        SoapResponse response = provideAndRegister(submission);
        XdsAssertions.assertSuccess(response);
        return response;
    }

    /** FindDocuments (Approved, LeafClass) for the patient, asserted successful. */
    public SoapResponse findDocuments(String patientCx) {
        SoapResponse response = query(StoredQuery.findDocuments(patientCx));
        XdsAssertions.assertSuccess(response);
        return response;
    }
}
