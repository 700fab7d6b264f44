package org.opendmp.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import javax.xml.namespace.QName;
import org.opendmp.security.actor.PurposeOfUse;

/** Assertions on IHE answers, each failing with the full server answer in its message. */
public final class XdsAssertions {

    private static final QName SOAP12_SENDER = new QName("http://www.w3.org/2003/05/soap-envelope", "Sender");
    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s*at [\\w$.]+\\(|\\bat (org|java|javax|jdk|sun|com)\\.");

    private XdsAssertions() {
    }

    /** HTTP 200, a SOAP envelope that is not a Fault, status Success and no error. */
    public static void assertSuccess(SoapResponse response) {
        assertThat(response.isFault()).as("unexpected SOAP Fault: %s", response).isFalse();
        assertThat(response.httpStatus()).as("HTTP status of %s", response).isEqualTo(200);
        assertThat(response.isSoapEnvelope()).as("SOAP envelope expected: %s", response).isTrue();
        assertThat(response.status()).as("status of %s", response).isEqualTo(Xds.SUCCESS);
        assertThat(response.errors()).as("RegistryErrors of a successful answer: %s", response)
                .noneMatch(e -> Xds.SEVERITY_ERROR.equals(e.severity()));
    }

    /**
     * A RegistryResponse (or AdhocQueryResponse) with status Failure carrying a RegistryError with
     * the given code, severity Error and a codeContext; no server internals in the answer.
     */
    public static void assertRegistryError(SoapResponse response, String errorCode) {
        assertNoInternalsLeaked(response);
        assertThat(response.isFault()).as("expected RegistryError %s, got a SOAP Fault: %s", errorCode, response)
                .isFalse();
        assertThat(response.httpStatus()).as("HTTP status of %s", response).isEqualTo(200);
        assertThat(response.status()).as("status of %s", response).isEqualTo(Xds.FAILURE);
        assertHasError(response, errorCode);
    }

    /** Like {@link #assertRegistryError} where IHE leaves the choice between a few error codes. */
    public static void assertRefusedWithOneOf(SoapResponse response, String... errorCodes) {
        assertNoInternalsLeaked(response);
        assertThat(response.isFault()).as("expected a RegistryError, got a SOAP Fault: %s", response).isFalse();
        assertThat(response.httpStatus()).as("HTTP status of %s", response).isEqualTo(200);
        assertThat(response.status()).as("status of %s", response).isEqualTo(Xds.FAILURE);
        String code = response.errorCodes().stream().filter(java.util.List.of(errorCodes)::contains).findFirst()
                .orElseThrow(() -> new AssertionError("one of RegistryErrors " + String.join(", ", errorCodes)
                        + " expected among " + response.errorCodes() + " in " + response));
        assertHasError(response, code);
    }

    /** The answer lists a RegistryError with this code, severity Error and a non-blank codeContext. */
    public static void assertHasError(SoapResponse response, String errorCode) {
        List<SoapResponse.RegistryError> matching = response.errors().stream()
                .filter(e -> errorCode.equals(e.errorCode())).toList();
        assertThat(matching).as("RegistryError %s expected among %s in %s", errorCode, response.errorCodes(), response)
                .isNotEmpty();
        assertThat(matching).allSatisfy(error -> {
            assertThat(error.severity()).as("severity of %s", error).isEqualTo(Xds.SEVERITY_ERROR);
            assertThat(error.codeContext()).as("codeContext of %s", error).isNotBlank();
        });
    }

    /** A SOAP Fault with HTTP 400 or 500. */
    public static void assertSoapFault(SoapResponse response) {
        assertNoInternalsLeaked(response);
        assertThat(response.isFault()).as("SOAP Fault expected: %s", response).isTrue();
        assertThat(response.httpStatus()).as("HTTP status of a SOAP Fault: %s", response).isIn(400, 500);
    }

    /**
     * A WS-Security fault as the server answers a refused VIHF: SOAP 1.2 Code {@code Sender} with
     * {@code wsseCode} as Subcode, or SOAP 1.1 faultcode {@code wsseCode}; HTTP 400 or 500; a reason
     * naming the failed check; no internals, no detail.
     */
    public static void assertSecurityFault(SoapResponse response, QName wsseCode) {
        assertSoapFault(response);
        if (Xml.count(response.xml(), "/soap12:Envelope") == 1) {
            Xml.assertThatXml(response.rootText()).hasXPath("/soap12:Envelope/soap12:Body/soap12:Fault"
                    + "[soap12:Code/soap12:Subcode/soap12:Value][soap12:Reason/soap12:Text][not(soap12:Detail)]");
            assertThat(response.faultCode()).as("Code of %s", response).isEqualTo(SOAP12_SENDER);
            assertThat(response.faultSubcode()).as("Subcode of %s", response).isEqualTo(wsseCode);
        } else {
            Xml.assertThatXml(response.rootText()).hasXPath("/soap11:Envelope/soap11:Body/soap11:Fault"
                    + "[faultcode][faultstring][not(detail)]");
            assertThat(response.faultCode()).as("faultcode of %s", response).isEqualTo(wsseCode);
        }
        assertThat(response.faultReason()).as("reason of %s", response).isNotBlank();
        assertThat(response.faultDetail()).as("detail of %s", response).isNull();
    }

    /** Refused either way IHE allows: a SOAP Fault (HTTP 400/500) or a Failure with RegistryErrors. */
    public static void assertRefused(SoapResponse response) {
        assertNoInternalsLeaked(response);
        if (response.isFault()) {
            assertThat(response.httpStatus()).as("HTTP status of a SOAP Fault: %s", response).isIn(400, 500);
            return;
        }
        assertThat(response.isSoapEnvelope()).as("a SOAP Fault or a RegistryResponse expected: %s", response)
                .isTrue();
        assertThat(response.httpStatus()).as("HTTP status of %s", response).isEqualTo(200);
        assertThat(response.status()).as("status of %s", response).isEqualTo(Xds.FAILURE);
        assertThat(response.errors()).as("RegistryErrors of %s", response)
                .anySatisfy(e -> assertThat(e.severity()).isEqualTo(Xds.SEVERITY_ERROR));
    }

    /** No Java exception name or stack frame in what the server sent back. */
    public static void assertNoInternalsLeaked(SoapResponse response) {
        String root = response.rootText();
        assertThat(root).as("the answer names a Java exception: %s", response).doesNotContain("Exception");
        assertThat(STACK_FRAME.matcher(root).find()).as("the answer contains a stack trace: %s", response).isFalse();
    }

    /** The IHE response action and RelatesTo the request's MessageID (ITI TF-2x V.3.2). */
    public static void assertAddressedResponse(SoapResponse response, String requestAction) {
        assertThat(response.action()).as("wsa:Action of %s", response).isEqualTo(Xds.responseAction(requestAction));
        assertThat(response.relatesTo()).as("wsa:RelatesTo of %s", response).isEqualTo(response.requestMessageId());
    }

    /**
     * After a refused submission: the registry has no document and no submission set for the
     * patient, and none of the document uniqueIds is known.
     *
     * <p>Read by the demo doctor in bris de glace mode ({@link #emergencyReader}): the patient may be unknown, or
     * one nobody is authorized on, and the refused submission's documents would be neither masked nor of a type
     * hidden from doctors.
     */
    public static void assertNothingStored(XdsClient client, String patientCx, String... documentUniqueIds) {
        XdsClient xds = emergencyReader(client).forPatient(patientCx);
        SoapResponse documents = xds.query(StoredQuery.findDocuments(patientCx));
        assertThat(documents.isFault()).as("FindDocuments after a refusal: %s", documents).isFalse();
        assertThat(documents.objectCount()).as("documents stored for %s despite the refusal: %s", patientCx,
                documents).isZero();
        SoapResponse submissionSets = xds.query(StoredQuery.findSubmissionSets(patientCx));
        assertThat(submissionSets.isFault()).as("FindSubmissionSets after a refusal: %s", submissionSets).isFalse();
        assertThat(submissionSets.objectCount()).as("submission sets stored for %s despite the refusal: %s",
                patientCx, submissionSets).isZero();
        if (documentUniqueIds.length > 0) {
            SoapResponse byUniqueId = xds.query(StoredQuery.getDocumentsByUniqueId(documentUniqueIds));
            assertSuccess(byUniqueId);
            assertThat(byUniqueId.objectCount()).as("GetDocuments found refused documents: %s", byUniqueId).isZero();
        }
    }

    /**
     * The widest reader without an authorization: the demo doctor in bris de glace mode reads any open DMP the
     * patient did not close to that mode (and finds nothing for an INS the server does not know); he sees every
     * document but deleted ones, masked ones (MASQUE_PS) of other authors and proof-of-residence types.
     */
    public static XdsClient emergencyReader(XdsClient client) {
        return client.as(Vihf.doctor().purposeOfUse(PurposeOfUse.BRIS_DE_GLACE));
    }

    /**
     * After a refused submission whose patient no VIHF can name (no INS), so no DMP caller can query it: the
     * refused SubmissionSet and documents left their uniqueIds free, as the same submission for a known patient
     * is then accepted (a stored one would make it a duplicate).
     */
    public static void assertUniqueIdsStillFree(XdsClient xds, Submission refused) {
        Submission again = Submission.forPatient(xds.newPatient()).uniqueId(refused.uniqueId())
                .document(refused.documents().toArray(DocumentEntry[]::new));
        SoapResponse response = xds.provideAndRegister(again);
        assertThat(response.isFault() || !Xds.SUCCESS.equals(response.status()))
                .as("the refused submission's uniqueIds are taken: %s", response).isFalse();
        assertSuccess(response);
    }

    public static void assertNothingStored(XdsClient xds, Submission refused) {
        assertNothingStored(xds, refused.patient().cx(),
                refused.documents().stream().map(DocumentEntry::uniqueId).toArray(String[]::new));
    }
}
