package org.opendmp.pixpdq.hl7v2;

import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A received message before HAPI parses it: its text with CR segment separators, its segment
 * names and the MSH fields needed to answer even when it cannot be parsed (sender, control id,
 * type, version). Only the standard delimiters {@code |^~\&} are accepted.
 *
 * @param text     the message, segments separated by CR
 * @param segments the segment names, in order
 * @param msh      MSH fields by HL7 number ({@code msh[9]} is MSH-9); {@code msh[1]} is the field separator
 */
record RawMessage(String text, List<String> segments, String[] msh) {

    static final String ENCODING_CHARACTERS = "^~\\&";

    /** Reads the frame's text: MSH first, standard delimiters, CR (or LF, CRLF) between segments. */
    static RawMessage of(String received) throws HL7Exception {
        String text = received.replace("\r\n", "\r").replace('\n', '\r').strip();
        if (!text.startsWith("MSH")) {
            throw Hl7Errors.error(ErrorCode.SEGMENT_SEQUENCE_ERROR, Hl7Errors.field("MSH", 1),
                    "the message must start with an MSH segment");
        }
        String header = text.split("\r", 2)[0];
        if (header.length() < 4 || header.charAt(3) != '|') {
            throw Hl7Errors.error(ErrorCode.DATA_TYPE_ERROR, Hl7Errors.field("MSH", 1), "MSH-1 must be |");
        }
        String[] fields = header.split("\\|", -1);
        String[] msh = new String[fields.length + 1];
        msh[1] = "|";
        System.arraycopy(fields, 1, msh, 2, fields.length - 1);
        List<String> segments = Arrays.stream(text.split("\r")).filter(s -> !s.isBlank())
                .map(s -> s.length() < 3 ? s : s.substring(0, 3)).toList();
        return new RawMessage(text, segments, msh);
    }

    /** MSH-2 holds the standard encoding characters (HAPI would read others, the MLLP peers of the DMP do not send them). */
    void checkEncodingCharacters() throws HL7Exception {
        if (!ENCODING_CHARACTERS.equals(msh(2))) {
            throw Hl7Errors.error(ErrorCode.DATA_TYPE_ERROR, Hl7Errors.field("MSH", 2),
                    "MSH-2 must be the standard encoding characters ^~\\&");
        }
    }

    /**
     * The character set MSH-18 names (HL7 table 0211): UNICODE UTF-8, 8859/1, 8859/15 (French
     * senders use it for Œ and œ); ASCII, the default, is read as ISO 8859-1, its superset.
     */
    static Charset charsetOf(byte[] frame) {
        String latin = new String(frame, 0, Math.min(frame.length, 1024), StandardCharsets.ISO_8859_1);
        String header = latin.split("[\r\n]", 2)[0];
        String[] fields = header.split("\\|", -1);
        String msh18 = fields.length > 17 ? fields[17].trim().toUpperCase(java.util.Locale.ROOT) : "";
        if (msh18.contains("UTF-8") || msh18.equals("UNICODE")) {
            return StandardCharsets.UTF_8;
        }
        return msh18.equals("8859/15") ? Charset.forName("ISO-8859-15") : StandardCharsets.ISO_8859_1;
    }

    /** MSH field {@code n} ({@code n >= 1}), empty when absent. */
    String msh(int n) {
        return n < msh.length && msh[n] != null ? msh[n] : "";
    }

    /** Component {@code c} (from 1) of MSH field {@code n}. */
    String msh(int n, int c) {
        String[] components = msh(n).split("\\^", -1);
        return c <= components.length ? components[c - 1] : "";
    }

    String messageType() {
        return msh(9, 1);
    }

    String triggerEvent() {
        return msh(9, 2);
    }

    String version() {
        return msh(12, 1);
    }

    String controlId() {
        return msh(10);
    }
}
