package org.opendmp.conformance;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A minimal {@code multipart/related} parser for server responses (MTOM): the root part (the one
 * named by the {@code start} parameter, else the first) and the attachments by Content-ID.
 */
public final class Multipart {

    /** One MIME part: its headers (lower-case names) and its raw bytes. */
    public record Part(Map<String, String> headers, byte[] content) {

        public String contentId() {
            String id = headers.getOrDefault("content-id", "").trim();
            if (id.startsWith("<") && id.endsWith(">")) {
                id = id.substring(1, id.length() - 1);
            }
            return id;
        }

        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    private final Part root;
    private final List<Part> attachments;

    private Multipart(Part root, List<Part> attachments) {
        this.root = root;
        this.attachments = attachments;
    }

    public static boolean isMultipart(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    public static Multipart parse(String contentType, byte[] body) {
        Map<String, String> params = parameters(contentType);
        String boundary = params.get("boundary");
        if (boundary == null || boundary.isEmpty()) {
            throw new IllegalArgumentException("multipart Content-Type without boundary: " + contentType);
        }
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] crlfDelimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] lfDelimiter = ("\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        int position = indexOf(body, delimiter, 0);
        if (position < 0) {
            throw new IllegalArgumentException("boundary " + boundary + " not found in the body");
        }
        while (true) {
            int afterDelimiter = position + delimiter.length;
            if (afterDelimiter + 1 < body.length && body[afterDelimiter] == '-' && body[afterDelimiter + 1] == '-') {
                break; // closing delimiter
            }
            int headersStart = skipLineEnd(body, afterDelimiter);
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
            int separator = 4;
            if (headersEnd < 0) {
                headersEnd = indexOf(body, "\n\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
                separator = 2;
            }
            if (headersEnd < 0) {
                throw new IllegalArgumentException("MIME part without header end");
            }
            Map<String, String> headers = headers(new String(body, headersStart, headersEnd - headersStart,
                    StandardCharsets.ISO_8859_1));
            int contentStart = headersEnd + separator;
            // a delimiter only counts at the start of a line (RFC 2046 5.1.1)
            int contentEnd = indexOf(body, crlfDelimiter, contentStart);
            int next = contentEnd + 2;
            if (startsWith(body, delimiter, contentStart)) {
                contentEnd = contentStart; // empty part: its CRLF was eaten with the headers
                next = contentStart;
            }
            if (contentEnd < 0) {
                contentEnd = indexOf(body, lfDelimiter, contentStart);
                next = contentEnd + 1;
            }
            if (contentEnd < 0) {
                throw new IllegalArgumentException("unterminated MIME part");
            }
            byte[] content = new byte[contentEnd - contentStart];
            System.arraycopy(body, contentStart, content, 0, content.length);
            parts.add(new Part(headers, content));
            position = next;
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("multipart body without parts");
        }
        String start = params.get("start");
        Part root = parts.get(0);
        if (start != null) {
            String startId = start.replaceAll("^<|>$", "");
            root = parts.stream().filter(p -> p.contentId().equals(startId)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no part with the start Content-ID " + start));
        }
        List<Part> others = new ArrayList<>(parts);
        others.remove(root);
        return new Multipart(root, others);
    }

    public Part root() {
        return root;
    }

    public List<Part> attachments() {
        return attachments;
    }

    /** The attachment an {@code xop:Include href="cid:..."} refers to (the cid URL is %-decoded). */
    public Optional<Part> byHref(String href) {
        String id = href.startsWith("cid:") ? href.substring(4) : href;
        String decoded = URLDecoder.decode(id.replace("+", "%2B"), StandardCharsets.UTF_8);
        return attachments.stream()
                .filter(p -> p.contentId().equals(id) || p.contentId().equals(decoded))
                .findFirst();
    }

    /** Parameters of a header value such as a Content-Type (names lower-cased, quotes removed). */
    public static Map<String, String> parameters(String headerValue) {
        Map<String, String> params = new LinkedHashMap<>();
        if (headerValue == null) {
            return params;
        }
        int i = headerValue.indexOf(';');
        while (i >= 0 && i < headerValue.length()) {
            int eq = headerValue.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = headerValue.substring(i + 1, eq).trim().toLowerCase(Locale.ROOT);
            int valueStart = eq + 1;
            while (valueStart < headerValue.length() && headerValue.charAt(valueStart) == ' ') {
                valueStart++;
            }
            String value;
            int end;
            if (valueStart < headerValue.length() && headerValue.charAt(valueStart) == '"') {
                StringBuilder quoted = new StringBuilder();
                int j = valueStart + 1;
                while (j < headerValue.length() && headerValue.charAt(j) != '"') {
                    if (headerValue.charAt(j) == '\\' && j + 1 < headerValue.length()) {
                        j++;
                    }
                    quoted.append(headerValue.charAt(j));
                    j++;
                }
                value = quoted.toString();
                end = headerValue.indexOf(';', j);
            } else {
                end = headerValue.indexOf(';', valueStart);
                value = (end < 0 ? headerValue.substring(valueStart) : headerValue.substring(valueStart, end)).trim();
            }
            params.put(name, value);
            i = end;
        }
        return params;
    }

    private static Map<String, String> headers(String block) {
        Map<String, String> headers = new LinkedHashMap<>();
        String current = null;
        for (String line : block.split("\r?\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if ((line.startsWith(" ") || line.startsWith("\t")) && current != null) {
                headers.merge(current, " " + line.trim(), String::concat);
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                current = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                headers.put(current, line.substring(colon + 1).trim());
            }
        }
        return headers;
    }

    private static int skipLineEnd(byte[] body, int at) {
        // transport padding after the delimiter, then CRLF
        int i = at;
        while (i < body.length && (body[i] == ' ' || body[i] == '\t')) {
            i++;
        }
        if (i < body.length && body[i] == '\r') {
            i++;
        }
        if (i < body.length && body[i] == '\n') {
            i++;
        }
        return i;
    }

    private static boolean startsWith(byte[] body, byte[] prefix, int at) {
        if (at + prefix.length > body.length) {
            return false;
        }
        for (int j = 0; j < prefix.length; j++) {
            if (body[at + j] != prefix[j]) {
                return false;
            }
        }
        return true;
    }

    static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
