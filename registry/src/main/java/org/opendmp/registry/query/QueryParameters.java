package org.opendmp.registry.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.opendmp.registry.error.XdsErrorCode;
import org.opendmp.registry.error.XdsException;
import org.opendmp.wsdl.rim.AdhocQueryType;
import org.opendmp.wsdl.rim.SlotType1;

/**
 * The parameters of a stored query (ITI TF-2a 3.18.4.1.2.3): each Slot is one parameter; its
 * Values are either a single value ({@code 'text'} or a number) or a list {@code ('a','b')}.
 * Several Values or list items in one Slot are OR-ed; the same Slot repeated is AND-ed, which
 * only the code list parameters that allow it accept ({@link #andOfOrs}).
 */
public final class QueryParameters {

    private static final Pattern UUID_URN =
            Pattern.compile("(?i)urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Map<String, List<List<String>>> slots = new LinkedHashMap<>();

    private QueryParameters() {
    }

    public static QueryParameters of(AdhocQueryType query) {
        QueryParameters parameters = new QueryParameters();
        for (SlotType1 slot : query.getSlot()) {
            List<String> values = new ArrayList<>();
            if (slot.getValueList() != null) {
                for (String value : slot.getValueList().getValue()) {
                    values.addAll(parseValue(slot.getName(), value));
                }
            }
            parameters.slots.computeIfAbsent(slot.getName(), k -> new ArrayList<>()).add(values);
        }
        return parameters;
    }

    /** All values of a parameter that may hold several (OR); empty when absent. */
    public List<String> list(String name) {
        List<List<String>> occurrences = slots.get(name);
        if (occurrences == null) {
            return List.of();
        }
        if (occurrences.size() > 1) {
            throw new XdsException(XdsErrorCode.XDSStoredQueryParamNumber, "parameter " + name + " is given more than once");
        }
        return occurrences.get(0);
    }

    /** A parameter whose repeated Slots are AND-ed (eventCodeList, confidentialityCode, folder codeList, referenceIdList). */
    public List<List<String>> andOfOrs(String name) {
        return slots.getOrDefault(name, List.of());
    }

    /** A required AND-of-ORs parameter (e.g. $XDSDocumentEntryReferenceIdList): at least one value. */
    public List<List<String>> requiredAndOfOrs(String name) {
        List<List<String>> groups = andOfOrs(name);
        if (groups.stream().allMatch(List::isEmpty)) {
            throw missing(name);
        }
        return groups;
    }

    /** A single-valued parameter; null when absent and optional. */
    public String single(String name, boolean required) {
        List<String> values = list(name);
        if (values.isEmpty()) {
            if (required) {
                throw missing(name);
            }
            return null;
        }
        if (values.size() > 1) {
            throw new XdsException(XdsErrorCode.XDSStoredQueryParamNumber, "parameter " + name + " takes a single value");
        }
        return values.get(0);
    }

    /** A required parameter that may hold several values. */
    public List<String> requiredList(String name) {
        List<String> values = list(name);
        if (values.isEmpty()) {
            throw missing(name);
        }
        return values;
    }

    public boolean has(String name) {
        return slots.containsKey(name);
    }

    /** Exactly one of two alternative parameters (e.g. entryUUID or uniqueId); returns the one given. */
    public String oneOf(String first, String second) {
        boolean hasFirst = has(first);
        boolean hasSecond = has(second);
        if (hasFirst && hasSecond) {
            throw new XdsException(XdsErrorCode.XDSStoredQueryParamNumber,
                    "give either " + first + " or " + second + ", not both");
        }
        if (!hasFirst && !hasSecond) {
            throw new XdsException(XdsErrorCode.XDSStoredQueryMissingParam,
                    "one of " + first + " or " + second + " is required");
        }
        return hasFirst ? first : second;
    }

    private static XdsException missing(String name) {
        return new XdsException(XdsErrorCode.XDSStoredQueryMissingParam, "required parameter " + name + " is missing");
    }

    /**
     * Splits one Value: {@code 'a'}, {@code ('a', 'b')}, or an unquoted number. {@code urn:uuid:}
     * values (entryUUIDs, $XDSDocumentEntryType) come out lower-case, as the registry stores them:
     * UUIDs compare case-insensitively.
     */
    static List<String> parseValue(String name, String raw) {
        String value = raw == null ? "" : raw.trim();
        if (value.startsWith("(")) {
            if (!value.endsWith(")")) {
                throw malformed(name);
            }
            return splitList(name, value.substring(1, value.length() - 1)).stream().map(QueryParameters::lowerUuid).toList();
        }
        return List.of(lowerUuid(unquote(name, value)));
    }

    private static String lowerUuid(String value) {
        return UUID_URN.matcher(value).matches() ? value.toLowerCase(Locale.ROOT) : value;
    }

    private static List<String> splitList(String name, String body) {
        List<String> items = new ArrayList<>();
        int i = 0;
        int n = body.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(body.charAt(i))) {
                i++;
            }
            int start = i;
            if (i < n && body.charAt(i) == '\'') {
                i++;
                while (i < n) {
                    if (body.charAt(i) == '\'') {
                        if (i + 1 < n && body.charAt(i + 1) == '\'') {
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    i++;
                }
                if (i >= n) {
                    throw malformed(name);
                }
                i++;
            } else {
                while (i < n && body.charAt(i) != ',') {
                    i++;
                }
            }
            items.add(unquote(name, body.substring(start, i).trim()));
            while (i < n && Character.isWhitespace(body.charAt(i))) {
                i++;
            }
            if (i < n) {
                if (body.charAt(i) != ',') {
                    throw malformed(name);
                }
                i++;
            }
        }
        if (items.isEmpty()) {
            throw malformed(name);
        }
        return items;
    }

    private static String unquote(String name, String token) {
        if (token.isEmpty()) {
            throw malformed(name);
        }
        if (token.startsWith("'")) {
            if (token.length() < 2 || !token.endsWith("'")) {
                throw malformed(name);
            }
            return token.substring(1, token.length() - 1).replace("''", "'");
        }
        return token;
    }

    private static XdsException malformed(String name) {
        return new XdsException(XdsErrorCode.XDSRegistryError, "parameter " + name + " has a malformed value");
    }
}
