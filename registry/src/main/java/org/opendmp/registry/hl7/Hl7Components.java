package org.opendmp.registry.hl7;

import java.util.ArrayList;
import java.util.List;

import org.opendmp.registry.error.XdsErrorCode;
import org.opendmp.registry.error.XdsException;

/**
 * One HL7 v2 value split into its components, the single place where separators and escapes
 * are handled. Components are numbered from 1 as in the standard ({@code XCN.2}); an absent
 * and an empty component are the same thing and read as {@code null}.
 */
final class Hl7Components {

    private static final char COMPONENT = '^';
    private static final char SUBCOMPONENT = '&';
    private static final char REPETITION = '~';
    private static final char ESCAPE = '\\';

    private final List<String> components;
    private final String attribute;
    private final String type;

    private Hl7Components(List<String> components, String attribute, String type) {
        this.components = components;
        this.attribute = attribute;
        this.type = type;
    }

    /**
     * Splits {@code value}, the content of {@code attribute}, read as HL7 datatype {@code type}.
     * Refuses an empty value, a repetition and an unterminated escape sequence.
     */
    static Hl7Components split(String value, String attribute, String type) {
        Hl7Components empty = new Hl7Components(List.of(), attribute, type);
        if (value == null || value.isEmpty()) {
            throw empty.fail("value is empty");
        }
        if (!escapesTerminated(value)) {
            throw empty.fail("value has an unterminated escape sequence (\\)");
        }
        if (splitOn(value, REPETITION).size() > 1) {
            throw empty.fail("value must not repeat (~)");
        }
        return new Hl7Components(splitOn(value, COMPONENT), attribute, type);
    }

    /** Whether the component at {@code position} is absent or empty. */
    boolean isEmpty(int position) {
        return raw(position).isEmpty();
    }

    /**
     * The unescaped component at {@code position}, or null when absent or empty. Refuses
     * subcomponents: only assigning authorities have them in XDS.
     */
    String get(int position) {
        String raw = raw(position);
        if (raw.isEmpty()) {
            return null;
        }
        if (splitOn(raw, SUBCOMPONENT).size() > 1) {
            throw fail(label(position) + " must not have subcomponents (escape & as \\T\\)");
        }
        return unescape(raw, position);
    }

    /**
     * The OID of the assigning authority (an HL7 HD) at {@code position}, or null when absent.
     * XDS spells it {@code &OID&ISO}: empty namespace id, the OID, universal id type ISO.
     */
    String assigningAuthority(int position) {
        String raw = raw(position);
        if (raw.isEmpty()) {
            return null;
        }
        List<String> hd = splitOn(raw, SUBCOMPONENT);
        String at = label(position);
        if (hd.size() != 3) {
            throw fail(at + " must be an assigning authority &OID&ISO");
        }
        if (!hd.get(0).isEmpty()) {
            throw fail(at + ".1 (namespace id) must be empty: the assigning authority is &OID&ISO");
        }
        if (!Oid.isValid(hd.get(1))) {
            throw fail(at + ".2 (universal id) must be an OID");
        }
        if (!"ISO".equals(hd.get(2))) {
            throw fail(at + ".3 (universal id type) must be ISO");
        }
        return hd.get(1);
    }

    /** A metadata error on this value: "attribute: TYPE rule". */
    XdsException fail(String rule) {
        return new XdsException(XdsErrorCode.XDSRegistryMetadataError,
                attribute + ": " + type + " " + rule);
    }

    /** The standard name of a component, e.g. {@code XCN.9}. */
    String label(int position) {
        return type + "." + position;
    }

    /** Escapes the HL7 delimiters in {@code text}, so that it can be written as a component. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\E\\");
                case '^' -> out.append("\\S\\");
                case '&' -> out.append("\\T\\");
                case '|' -> out.append("\\F\\");
                case '~' -> out.append("\\R\\");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private String raw(int position) {
        return position <= components.size() ? components.get(position - 1) : "";
    }

    private String unescape(String raw, int position) {
        StringBuilder out = new StringBuilder(raw.length());
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c != ESCAPE) {
                out.append(c);
                i++;
                continue;
            }
            int close = raw.indexOf(ESCAPE, i + 1);
            out.append(delimiter(raw.substring(i + 1, close), position));
            i = close + 1;
        }
        return out.toString();
    }

    private char delimiter(String sequence, int position) {
        return switch (sequence) {
            case "F" -> '|';
            case "S" -> '^';
            case "T" -> '&';
            case "R" -> '~';
            case "E" -> '\\';
            default -> throw fail(label(position)
                    + " has an unsupported escape sequence (only \\F\\ \\S\\ \\T\\ \\R\\ \\E\\)");
        };
    }

    private static boolean escapesTerminated(String value) {
        return value.chars().filter(c -> c == ESCAPE).count() % 2 == 0;
    }

    /** Splits on {@code separator}, leaving escape sequences ({@code \...\}) whole. */
    private static List<String> splitOn(String value, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inEscape = false;
        for (char c : value.toCharArray()) {
            if (c == separator && !inEscape) {
                parts.add(current.toString());
                current.setLength(0);
                continue;
            }
            if (c == ESCAPE) {
                inEscape = !inEscape;
            }
            current.append(c);
        }
        parts.add(current.toString());
        return parts;
    }
}
