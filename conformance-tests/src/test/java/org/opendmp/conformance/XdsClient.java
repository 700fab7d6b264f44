package org.opendmp.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The IHE actors the tests play (Document Source, Document Consumer, and Document Repository
 * towards the registry), speaking raw SOAP over mutual TLS to the server under test.
 *
 * <p>Every SOAP request carries a {@code wsse:Security} header with a freshly signed VIHF assertion,
 * by default of the demo doctor ({@link Vihf#doctor()}: DIRECTE, normal access). Its resource-id is
 * the patient the request is about: the first INS of the message (an XDS CX, an HL7 v3 id or value),
 * otherwise the client's <em>current patient</em>, the last patient it created or addressed (a
 * retrieve, or a query by entryUUID, names no patient). A message the test wrote with its own
 * {@code wsse:Security} header goes as it is.
 *
 * <p>Tests that need another caller ask for a view of the client, which shares its connection and
 * current patient: {@link #as(Vihf)} (another identity), {@link #forPatient(String)} (the assertion
 * names this patient whatever the request says), {@link #withoutVihf()} and
 * {@link #withSecurityHeader(String)} / {@link #withAssertion(String)} (for negative tests).
 */
public final class XdsClient {

    private final DmpServer server;
    private final MtlsClient http;
    private final AtomicReference<String> currentPatient;
    /** The identity of the signed assertions; {@code null} when the client sends none or a raw header. */
    private final Vihf identity;
    /** The patient every assertion names, or {@code null} to name the request's patient. */
    private final String fixedPatient;
    /** A header sent as is instead of a signed assertion, or {@code null}. */
    private final String rawHeader;

    XdsClient(DmpServer server, MtlsClient http) {
        this(server, http, new AtomicReference<>(), Vihf.doctor(), null, null);
    }

    private XdsClient(DmpServer server, MtlsClient http, AtomicReference<String> currentPatient, Vihf identity,
                      String fixedPatient, String rawHeader) {
        this.server = server;
        this.http = http;
        this.currentPatient = currentPatient;
        this.identity = identity;
        this.fixedPatient = fixedPatient;
        this.rawHeader = rawHeader;
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

    // ---------------------------------------------------------------- who is calling

    /** This client speaking as {@code caller}. */
    public XdsClient as(Vihf caller) {
        return new XdsClient(server, http, currentPatient, Objects.requireNonNull(caller, "caller"), fixedPatient, null);
    }

    /** This client with assertions naming {@code patientCx} as resource-id, whatever its requests are about. */
    public XdsClient forPatient(String patientCx) {
        return new XdsClient(server, http, currentPatient, identity == null ? Vihf.doctor() : identity,
                Objects.requireNonNull(patientCx, "patientCx"), null);
    }

    /** {@link #forPatient(String)} with the patient's DMP spelling (CX with NH). */
    public XdsClient forPatient(TestData.Patient patient) {
        return forPatient(patient.cxNh());
    }

    /** This client sending no wsse:Security header at all. */
    public XdsClient withoutVihf() {
        return new XdsClient(server, http, currentPatient, null, null, null);
    }

    /** This client sending {@code headerXml} (a whole SOAP header block) instead of a signed assertion. */
    public XdsClient withSecurityHeader(String headerXml) {
        return new XdsClient(server, http, currentPatient, null, null, Objects.requireNonNull(headerXml, "headerXml"));
    }

    /** This client sending {@code assertionXml} in a wsse:Security header, as it is. */
    public XdsClient withAssertion(String assertionXml) {
        return withSecurityHeader(SecurityHeader.wrap(assertionXml));
    }

    /** The last patient this client (or a view of it) created or addressed, as CX with NH. */
    public Optional<String> currentPatient() {
        return Optional.ofNullable(currentPatient.get());
    }

    /** The server's VIHF signing credentials (development PKI). */
    public VihfSigners vihfSigners() {
        return server.vihfSigners();
    }

    /**
     * {@code envelopeXml} with the wsse:Security header this client would send, for messages posted
     * without it (the envelope's patient becomes the current patient).
     */
    public String secure(String envelopeXml) {
        return new String(secure(envelopeXml.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    private byte[] secure(byte[] message) {
        String addressed = SecurityHeader.patientOf(message);
        if (addressed != null) {
            currentPatient.set(addressed);
        }
        if (rawHeader != null) {
            return SecurityHeader.insert(message, rawHeader);
        }
        if (identity == null || SecurityHeader.present(message)) {
            return message;
        }
        String patient = fixedPatient != null ? fixedPatient : addressed != null ? addressed : currentPatient.get();
        return SecurityHeader.insert(message,
                SecurityHeader.wrap(identity.signedAssertion(server.vihfSigners(), patient)));
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
        byte[] secured = secure(bytes);
        long start = System.nanoTime();
        try {
            MtlsClient.HttpResult result = chunked
                    ? http.postChunked(endpoint, contentType, secured, headers, MtlsClient.DEFAULT_TIMEOUT)
                    : http.post(endpoint, contentType, secured, headers, MtlsClient.DEFAULT_TIMEOUT);
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
     * A fresh patient the server knows, with an open DMP, created over SOAP (TD1.1) as DMP-compatible software
     * does (the registry accepts documents only for such patients), and on which this client's caller (by default
     * the demo doctor) is authorized (TD0.3 {@code AJOUT}, as the software declares once the patient agreed):
     * reading in normal mode needs that authorization.
     */
    public TestData.Patient newPatient() {
        TestData.Patient patient = newPatientWithoutAuthorization();
        HabilitationMessages.authorize(this, patient);
        return patient;
    }

    /** A fresh patient with an open DMP (TD1.1) on which nobody is authorized yet. */
    public TestData.Patient newPatientWithoutAuthorization() {
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
