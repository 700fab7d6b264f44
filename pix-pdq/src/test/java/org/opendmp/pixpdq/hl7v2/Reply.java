package org.opendmp.pixpdq.hl7v2;

import java.util.Arrays;
import java.util.List;

/** An answer read as text: segments by name, fields by HL7 number. */
record Reply(String text) {

    List<String[]> segments(String name) {
        return Arrays.stream(text.split("\r")).filter(s -> s.startsWith(name + "|"))
                .map(s -> s.split("\\|", -1)).toList();
    }

    /** Field {@code n} of the first segment {@code name} ("" when absent); MSH-n counts MSH-1 as the separator. */
    String field(String name, int n) {
        List<String[]> found = segments(name);
        if (found.isEmpty()) {
            return "";
        }
        String[] fields = found.get(0);
        int index = name.equals("MSH") ? n - 1 : n;
        return index < fields.length ? fields[index] : "";
    }

    String ackCode() {
        return field("MSA", 1);
    }

    /** ERR-2 and ERR-3.1, e.g. {@code PID^1^3 204}. */
    String error() {
        return field("ERR", 2) + " " + field("ERR", 3).split("\\^")[0];
    }
}
