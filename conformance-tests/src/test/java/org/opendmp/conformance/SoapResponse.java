package org.opendmp.conformance;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.xml.namespace.QName;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A server answer: HTTP status, the root XML (the SOAP envelope, whether or not the response was
 * MTOM) and the attachments. Gives the IHE facts tests assert on: status, RegistryErrors, faults,
 * WS-Addressing headers, returned objects and retrieved documents.
 */
public final class SoapResponse {

    /** One RegistryError of a RegistryResponse or AdhocQueryResponse. */
    public record RegistryError(String errorCode, String codeContext, String severity, String location) {
    }

    /** One DocumentResponse of an ITI-43 response, with the document bytes resolved. */
    public record RetrievedDocument(String repositoryUniqueId, String documentUniqueId, String mimeType,
            byte[] content, boolean sentAsXopAttachment) {
    }

    private final MtlsClient.HttpResult http;
    private final Duration elapsed;
    private final Multipart multipart;
    private final byte[] rootBytes;
    private final Document xml;
    private final String parseProblem;
    private String requestMessageId;

    SoapResponse(MtlsClient.HttpResult http, Duration elapsed) {
        this.http = http;
        this.elapsed = elapsed;
        Multipart parsedMultipart = null;
        byte[] root = http.body();
        String problem = null;
        if (Multipart.isMultipart(http.contentType())) {
            try {
                parsedMultipart = Multipart.parse(http.contentType(), http.body());
                root = parsedMultipart.root().content();
            } catch (IllegalArgumentException e) {
                problem = "unreadable multipart response: " + e.getMessage();
            }
        }
        Document parsed = null;
        if (problem == null) {
            try {
                parsed = root.length == 0 ? null : Xml.parse(root);
                if (parsed == null) {
                    problem = "empty body";
                }
            } catch (Exception e) {
                problem = "body is not XML: " + e.getMessage();
            }
        }
        this.multipart = parsedMultipart;
        this.rootBytes = root;
        this.xml = parsed;
        this.parseProblem = problem;
    }

    /** Records the MessageID of the request this answers (for RelatesTo checks). */
    SoapResponse requestMessageId(String messageId) {
        this.requestMessageId = messageId;
        return this;
    }

    public String requestMessageId() {
        return requestMessageId;
    }

    // ---------------------------------------------------------------- raw facts

    public int httpStatus() {
        return http.status();
    }

    public String contentType() {
        return http.contentType();
    }

    public Duration elapsed() {
        return elapsed;
    }

    public boolean isMultipart() {
        return multipart != null;
    }

    /** The whole body as text (for diagnostics and leak checks). */
    public String bodyText() {
        return new String(http.body(), StandardCharsets.UTF_8);
    }

    /** The root XML part as text. */
    public String rootText() {
        return new String(rootBytes, StandardCharsets.UTF_8);
    }

    public boolean isXml() {
        return xml != null;
    }

    /** The root XML document; fails with the body when the answer was not XML. */
    public Document xml() {
        if (xml == null) {
            throw new AssertionError("expected an XML/SOAP answer but " + parseProblem + "\n" + describe());
        }
        return xml;
    }

    public String describe() {
        String body = bodyText();
        if (body.length() > 6000) {
            body = body.substring(0, 6000) + "\n... (" + http.body().length + " bytes in all)";
        }
        return "HTTP " + http.status() + " Content-Type: " + http.contentType() + "\n" + body;
    }

    @Override
    public String toString() {
        return describe();
    }

    // ---------------------------------------------------------------- SOAP and WS-Addressing

    public boolean isSoapEnvelope() {
        return xml != null && Xml.count(xml, "/soap12:Envelope | /soap11:Envelope") == 1;
    }

    public boolean isFault() {
        return xml != null && Xml.count(xml, "/*[local-name()='Envelope']/*[local-name()='Body']"
                + "/*[local-name()='Fault'][namespace-uri()='http://www.w3.org/2003/05/soap-envelope' "
                + "or namespace-uri()='http://schemas.xmlsoap.org/soap/envelope/']") == 1;
    }

    public String faultText() {
        return xml == null ? "" : Xml.value(xml, "string(//*[local-name()='Fault'])");
    }

    /** The fault code: SOAP 1.2 Code/Value, SOAP 1.1 faultcode; {@code null} when the answer is no fault. */
    public QName faultCode() {
        return qName(fault("soap12:Code/soap12:Value", "faultcode"));
    }

    /** The SOAP 1.2 Code/Subcode/Value; {@code null} without one (and always for SOAP 1.1). */
    public QName faultSubcode() {
        return qName(fault("soap12:Code/soap12:Subcode/soap12:Value", null));
    }

    /** The fault's reason: SOAP 1.2 Reason/Text, SOAP 1.1 faultstring; {@code null} when the answer is no fault. */
    public String faultReason() {
        Element reason = fault("soap12:Reason/soap12:Text", "faultstring");
        return reason == null ? null : reason.getTextContent();
    }

    /** The fault's detail element (SOAP 1.2 Detail, SOAP 1.1 detail), or {@code null}. */
    public Element faultDetail() {
        return fault("soap12:Detail", "detail");
    }

    private Element fault(String soap12Path, String soap11Child) {
        if (!isFault()) {
            return null;
        }
        List<Element> found = Xml.elements(xml, "/soap12:Envelope/soap12:Body/soap12:Fault/" + soap12Path);
        if (found.isEmpty() && soap11Child != null) {
            found = Xml.elements(xml, "/soap11:Envelope/soap11:Body/soap11:Fault/" + soap11Child);
        }
        return found.isEmpty() ? null : found.get(0);
    }

    /** The QName an element's text names, its prefix resolved where the element stands. */
    private static QName qName(Element element) {
        if (element == null) {
            return null;
        }
        String text = element.getTextContent().strip();
        int colon = text.indexOf(':');
        String prefix = colon < 0 ? null : text.substring(0, colon);
        String namespace = element.lookupNamespaceURI(prefix);
        return new QName(namespace == null ? "" : namespace, text.substring(colon + 1), prefix == null ? "" : prefix);
    }

    public String action() {
        return Xml.value(xml(), "normalize-space(/*/*[local-name()='Header']/wsa:Action)");
    }

    public String relatesTo() {
        return Xml.value(xml(), "normalize-space(/*/*[local-name()='Header']/wsa:RelatesTo)");
    }

    // ---------------------------------------------------------------- registry responses

    /** Status of the RegistryResponse, AdhocQueryResponse or the RegistryResponse of an ITI-43 answer. */
    public String status() {
        return Xml.value(xml(), "string((//rs:RegistryResponse/@status | //query:AdhocQueryResponse/@status)[1])");
    }

    public List<RegistryError> errors() {
        List<RegistryError> errors = new ArrayList<>();
        for (Element e : Xml.elements(xml(), "//rs:RegistryErrorList/rs:RegistryError")) {
            errors.add(new RegistryError(e.getAttribute("errorCode"), e.getAttribute("codeContext"),
                    e.getAttribute("severity"), e.getAttribute("location")));
        }
        return errors;
    }

    public List<String> errorCodes() {
        return errors().stream().map(RegistryError::errorCode).toList();
    }

    // ---------------------------------------------------------------- query results

    /** ExtrinsicObjects of a LeafClass answer. */
    public List<Element> extrinsicObjects() {
        return Xml.elements(xml(), "//rim:RegistryObjectList/rim:ExtrinsicObject");
    }

    public List<Element> registryPackages() {
        return Xml.elements(xml(), "//rim:RegistryObjectList/rim:RegistryPackage");
    }

    public List<Element> associations() {
        return Xml.elements(xml(), "//rim:RegistryObjectList/rim:Association");
    }

    public List<String> objectRefIds() {
        return Xml.values(xml(), "//rim:RegistryObjectList/rim:ObjectRef/@id");
    }

    /** Number of objects of any kind in the RegistryObjectList. */
    public int objectCount() {
        return Xml.count(xml(), "//rim:RegistryObjectList/*");
    }

    /** id (entryUUID) of the only RegistryPackage of the answer. */
    public String onlyRegistryPackageId() {
        List<Element> packages = registryPackages();
        if (packages.size() != 1) {
            throw new AssertionError("expected exactly one RegistryPackage, found " + packages.size() + "\n"
                    + describe());
        }
        return packages.get(0).getAttribute("id");
    }

    /** XDSDocumentEntry.uniqueId of every returned ExtrinsicObject. */
    public List<String> documentUniqueIds() {
        return Xml.values(xml(), "//rim:RegistryObjectList/rim:ExtrinsicObject/rim:ExternalIdentifier"
                + "[@identificationScheme='" + Xds.DE_UNIQUE_ID + "']/@value");
    }

    /** XDSSubmissionSet.uniqueId of every returned RegistryPackage. */
    public List<String> submissionSetUniqueIds() {
        return Xml.values(xml(), "//rim:RegistryObjectList/rim:RegistryPackage/rim:ExternalIdentifier"
                + "[@identificationScheme='" + Xds.SS_UNIQUE_ID + "']/@value");
    }

    /** The ExtrinsicObject with the given XDSDocumentEntry.uniqueId. */
    public Element extrinsicObject(String uniqueId) {
        List<Element> found = Xml.elements(xml(), "//rim:RegistryObjectList/rim:ExtrinsicObject[rim:ExternalIdentifier"
                + "[@identificationScheme='" + Xds.DE_UNIQUE_ID + "'][@value='" + uniqueId + "']]");
        if (found.size() != 1) {
            throw new AssertionError("expected one ExtrinsicObject with uniqueId " + uniqueId + ", found "
                    + found.size() + "\n" + describe());
        }
        return found.get(0);
    }

    /** entryUUID (id attribute) of the ExtrinsicObject with the given uniqueId. */
    public String entryUuid(String uniqueId) {
        return extrinsicObject(uniqueId).getAttribute("id");
    }

    /** Values of a slot of an object. */
    public static List<String> slotValues(Element object, String slotName) {
        return Xml.values(object, "rim:Slot[@name='" + slotName + "']/rim:ValueList/rim:Value");
    }

    // ---------------------------------------------------------------- ITI-43

    public List<RetrievedDocument> retrievedDocuments() {
        List<RetrievedDocument> documents = new ArrayList<>();
        for (Element response : Xml.elements(xml(), "//xdsb:RetrieveDocumentSetResponse/xdsb:DocumentResponse")) {
            String href = Xml.value(response, "string(xdsb:Document/xop:Include/@href)");
            byte[] content;
            boolean xop = !href.isEmpty();
            if (xop) {
                Optional<Multipart.Part> part = multipart == null ? Optional.empty() : multipart.byHref(href);
                content = part.map(Multipart.Part::content).orElseThrow(() -> new AssertionError(
                        "xop:Include " + href + " refers to no MIME part of the response\n" + describe()));
            } else {
                String base64 = Xml.value(response, "string(xdsb:Document)").replaceAll("\\s", "");
                content = Base64.getDecoder().decode(base64);
            }
            documents.add(new RetrievedDocument(
                    Xml.value(response, "normalize-space(xdsb:RepositoryUniqueId)"),
                    Xml.value(response, "normalize-space(xdsb:DocumentUniqueId)"),
                    Xml.value(response, "normalize-space(xdsb:mimeType)"),
                    content, xop));
        }
        return documents;
    }

    public RetrievedDocument retrievedDocument(String uniqueId) {
        return retrievedDocuments().stream().filter(d -> d.documentUniqueId().equals(uniqueId)).findFirst()
                .orElseThrow(() -> new AssertionError("no DocumentResponse for " + uniqueId + "\n" + describe()));
    }
}
