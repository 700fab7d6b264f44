package org.opendmp.conformance;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.namespace.QName;

/**
 * The {@code wsse:Security} header of a request as it goes on the wire: put into the SOAP envelope of a
 * message already built (plain SOAP 1.1 or 1.2, or the root part of an MTOM package), and the patient the
 * request is about, read from the message, for the assertion's resource-id.
 *
 * <p>Works on the bytes, without parsing, so that broken and hostile test messages get their header too:
 * the envelope is the first {@code Envelope} start tag, its {@code Header} the first one after it.
 */
public final class SecurityHeader {

    public static final String WSSE_NS =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";

    // The fault codes of WS-Security 1.1 (section 12), as the server uses them for VIHF refusals
    /** No VIHF in the request. */
    public static final QName INVALID_SECURITY = new QName(WSSE_NS, "InvalidSecurity");
    /** The assertion is malformed, unsigned, or its attributes are wrong (or it is not valid yet). */
    public static final QName INVALID_SECURITY_TOKEN = new QName(WSSE_NS, "InvalidSecurityToken");
    /** The signature does not verify. */
    public static final QName FAILED_CHECK = new QName(WSSE_NS, "FailedCheck");
    /** The signer is not trusted for the authentication mode, or the Issuer is not the signer. */
    public static final QName FAILED_AUTHENTICATION = new QName(WSSE_NS, "FailedAuthentication");
    /** The assertion has expired. */
    public static final QName MESSAGE_EXPIRED = new QName(WSSE_NS, "MessageExpired");
    /** An algorithm outside the accepted ones. */
    public static final QName UNSUPPORTED_ALGORITHM = new QName(WSSE_NS, "UnsupportedAlgorithm");

    private static final Pattern ENVELOPE = Pattern.compile("<(?:([A-Za-z_][\\w.-]*):)?Envelope[\\s>/]");
    private static final Pattern SECURITY = Pattern.compile("<(?:[A-Za-z_][\\w.-]*:)?Security[\\s>/]");
    /** An INS as CX in XDS metadata or query slots, XML-escaped or not: CX.1 and the INS authority of CX.4. */
    private static final Pattern INS_CX = Pattern.compile(
            "([^\\s\\^|'\"<>&;,()]+)\\^\\^\\^(?:&amp;|&)(1\\.2\\.250\\.1\\.213\\.1\\.4\\.\\d+)(?:&amp;|&)ISO");
    /** An HL7 v3 {@code id} or {@code value} start tag (II): the INS is its root and extension. */
    private static final Pattern HL7_II = Pattern.compile("<(?:[A-Za-z_][\\w.-]*:)?(?:id|value)\\s[^>]*>");
    private static final Pattern INS_ROOT = Pattern.compile("\\sroot\\s*=\\s*[\"'](1\\.2\\.250\\.1\\.213\\.1\\.4\\.\\d+)[\"']");
    private static final Pattern EXTENSION = Pattern.compile("\\sextension\\s*=\\s*[\"']([^\"']+)[\"']");

    private SecurityHeader() {
    }

    /** A {@code wsse:Security} header holding {@code assertionXml}. */
    public static String wrap(String assertionXml) {
        return "<wsse:Security xmlns:wsse=\"" + WSSE_NS + "\">" + assertionXml + "</wsse:Security>";
    }

    /** Whether the message's envelope already carries a {@code wsse:Security} header (the test wrote its own). */
    public static boolean present(byte[] message) {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        return text.contains(WSSE_NS) && SECURITY.matcher(text).find();
    }

    /** {@code envelopeXml} with {@code headerXml} as the first SOAP header block. */
    public static String insert(String envelopeXml, String headerXml) {
        return new String(insert(envelopeXml.getBytes(StandardCharsets.UTF_8), headerXml), StandardCharsets.UTF_8);
    }

    /**
     * The message with {@code headerXml} as the first block of its envelope's Header (a Header is added when the
     * envelope has none); the message unchanged when it holds no SOAP envelope.
     */
    public static byte[] insert(byte[] message, String headerXml) {
        // ISO-8859-1 maps each byte to one char: string positions are byte positions
        String text = new String(message, StandardCharsets.ISO_8859_1);
        Matcher envelope = ENVELOPE.matcher(text);
        if (!envelope.find()) {
            return message;
        }
        String prefix = envelope.group(1) == null ? "" : envelope.group(1) + ":";
        int envelopeEnd = text.indexOf('>', envelope.start());
        if (envelopeEnd < 0 || text.charAt(envelopeEnd - 1) == '/') {
            return message;
        }
        Matcher header = Pattern.compile("<" + Pattern.quote(prefix) + "Header(\\s[^>]*)?(/?)>").matcher(text);
        byte[] block = headerXml.getBytes(StandardCharsets.UTF_8);
        if (header.find(envelopeEnd) && !header.group(2).isEmpty()) {
            return splice(message, header.start(), header.end(),
                    concat(ascii("<" + prefix + "Header>"), block, ascii("</" + prefix + "Header>")));
        }
        if (header.find(envelopeEnd)) {
            return splice(message, header.end(), header.end(), block);
        }
        return splice(message, envelopeEnd + 1, envelopeEnd + 1,
                concat(ascii("<" + prefix + "Header>"), block, ascii("</" + prefix + "Header>")));
    }

    /**
     * The patient the request is about, as the resource-id CX ({@code <INS>^^^&<authority>&ISO^NH}): the first
     * INS of the message, an XDS CX or an HL7 v3 II whose root is an INS authority; {@code null} when it names
     * none.
     */
    public static String patientOf(byte[] message) {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        String found = null;
        int at = Integer.MAX_VALUE;
        Matcher cx = INS_CX.matcher(text);
        if (cx.find()) {
            found = cx(cx.group(1), cx.group(2));
            at = cx.start();
        }
        Matcher ii = HL7_II.matcher(text);
        while (ii.find() && ii.start() < at) {
            Matcher root = INS_ROOT.matcher(ii.group());
            Matcher extension = EXTENSION.matcher(ii.group());
            if (root.find() && extension.find()) {
                return cx(extension.group(1), root.group(1));
            }
        }
        return found;
    }

    private static String cx(String id, String authority) {
        return id + "^^^&" + authority + "&ISO^NH";
    }

    private static byte[] splice(byte[] message, int from, int to, byte[] replacement) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + replacement.length);
        out.write(message, 0, from);
        out.writeBytes(replacement);
        out.write(message, to, message.length - to);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
