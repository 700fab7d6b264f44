package org.opendmp.conformance;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds an MTOM/XOP {@code multipart/related} request body by hand, so that tests control every
 * part: the root SOAP part and each attachment, including missing or unreferenced ones.
 */
public final class Mtom {

    /** The MTOM body and the HTTP Content-Type that goes with it. */
    public record Body(String contentType, byte[] bytes, Map<String, String> headers) {
    }

    /** One attachment part. */
    public record Part(String contentId, String contentType, byte[] content, Map<String, String> extraHeaders) {
    }

    private final String envelope;
    private final String startInfo;
    private final String action;
    private String rootContentId = "root." + UUID.randomUUID() + "@opendmp.test";
    private String rootContentType;
    private final Map<String, String> httpHeaders = new LinkedHashMap<>();
    private final List<Part> parts = new ArrayList<>();
    private final String boundary = "MIMEBoundary_" + UUID.randomUUID().toString().replace("-", "");

    private Mtom(String envelope, String startInfo, String action) {
        this.envelope = envelope;
        this.startInfo = startInfo;
        this.action = action;
        this.rootContentType = "application/xop+xml; charset=UTF-8; type=\"" + startInfo + "\"";
    }

    /** A SOAP 1.2 envelope as root part (IHE ITI TF-2x V.3.3: start-info application/soap+xml). */
    public static Mtom soap12(String envelope, String action) {
        return new Mtom(envelope, "application/soap+xml", action);
    }

    /** A SOAP 1.1 envelope as root part typed text/xml, with the SOAPAction HTTP header. */
    public static Mtom soap11(String envelope, String action) {
        Mtom mtom = new Mtom(envelope, "text/xml", null);
        mtom.httpHeaders.put("SOAPAction", "\"" + action + "\"");
        return mtom;
    }

    /**
     * Whatever envelope is given, with the root part typed application/soap+xml: what the official
     * DMP TD2.1 example does with its SOAP 1.1 envelope.
     */
    public static Mtom typedAsSoap12(String envelope, String action) {
        return new Mtom(envelope, "application/soap+xml", action);
    }

    public Mtom rootContentId(String contentId) {
        this.rootContentId = contentId;
        return this;
    }

    public Mtom rootContentType(String contentType) {
        this.rootContentType = contentType;
        return this;
    }

    public Mtom attach(String contentId, String contentType, byte[] content) {
        return attach(new Part(contentId, contentType, content, Map.of()));
    }

    public Mtom attach(Part part) {
        parts.add(part);
        return this;
    }

    public Mtom attachAll(List<Part> all) {
        parts.addAll(all);
        return this;
    }

    public Body build() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(
                envelope.length() + parts.stream().mapToInt(p -> p.content().length + 256).sum() + 512);
        writeAscii(out, "--" + boundary + "\r\n");
        writeAscii(out, "Content-Type: " + rootContentType + "\r\n");
        writeAscii(out, "Content-Transfer-Encoding: binary\r\n");
        writeAscii(out, "Content-ID: <" + rootContentId + ">\r\n\r\n");
        out.writeBytes(envelope.getBytes(StandardCharsets.UTF_8));
        for (Part part : parts) {
            writeAscii(out, "\r\n--" + boundary + "\r\n");
            writeAscii(out, "Content-Type: " + part.contentType() + "\r\n");
            writeAscii(out, "Content-Transfer-Encoding: binary\r\n");
            writeAscii(out, "Content-ID: <" + part.contentId() + ">\r\n");
            part.extraHeaders().forEach((name, value) -> writeAscii(out, name + ": " + value + "\r\n"));
            writeAscii(out, "\r\n");
            out.writeBytes(part.content());
        }
        writeAscii(out, "\r\n--" + boundary + "--\r\n");
        String contentType = "multipart/related; type=\"application/xop+xml\"; start=\"<" + rootContentId + ">\"; "
                + "start-info=\"" + startInfo + "\"; "
                + (action != null ? "action=\"" + action + "\"; " : "")
                + "boundary=\"" + boundary + "\"";
        return new Body(contentType, out.toByteArray(), Map.copyOf(httpHeaders));
    }

    private static void writeAscii(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }
}
