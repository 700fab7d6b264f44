package org.opendmp.registry.hl7;

import java.time.YearMonth;
import java.util.Set;

import org.opendmp.registry.error.XdsErrorCode;
import org.opendmp.registry.error.XdsException;

/**
 * HL7 DTM as XDS restricts it, the datatype of {@code creationTime}, {@code serviceStartTime},
 * {@code serviceStopTime}, {@code submissionTime} and the time bounds of stored queries:
 * {@code YYYY[MM[DD[hh[mm[ss]]]]]} in UTC, digits only. Time zones and fractional seconds are
 * refused. A shorter value stands for the whole period it names: {@code 2021} is the year 2021,
 * from {@link #lowerBound()} 20210101000000 to {@link #upperBound()} 20211231235959; bounds are
 * numbers so that times of different precision compare.
 *
 * @param value the value as sent, 4 to 14 digits
 */
public record Dtm(String value) {

    private static final Set<Integer> LENGTHS = Set.of(4, 6, 8, 10, 12, 14);
    private static final String EARLIEST = "0101000000";

    /** @throws IllegalArgumentException naming the rule {@code value} breaks */
    public Dtm {
        String defect = defect(value);
        if (defect != null) {
            throw new IllegalArgumentException("DTM " + defect);
        }
    }

    /** Parses {@code value}, the content of {@code attribute}; refuses it with XDSRegistryMetadataError. */
    public static Dtm parse(String value, String attribute) {
        String defect = defect(value);
        if (defect != null) {
            throw new XdsException(XdsErrorCode.XDSRegistryMetadataError,
                    attribute + ": DTM " + defect);
        }
        return new Dtm(value);
    }

    /** The earliest instant of this value, as the number YYYYMMDDhhmmss. */
    public long lowerBound() {
        return Long.parseLong(value + EARLIEST.substring(value.length() - 4));
    }

    /** The last second of this value, as the number YYYYMMDDhhmmss. */
    public long upperBound() {
        String full = value.length() >= 6 ? value : value + "12";
        if (full.length() < 8) {
            full += daysIn(full);
        }
        return Long.parseLong(full + "235959".substring(full.length() - 8));
    }

    /** The rule {@code value} breaks, or null if it is a valid DTM. */
    private static String defect(String value) {
        if (value == null || value.isEmpty()) {
            return "value is empty";
        }
        if (value.indexOf('+') >= 0 || value.indexOf('-') >= 0) {
            return "must not have a time zone: times are UTC";
        }
        if (value.indexOf('.') >= 0) {
            return "must not have fractional seconds";
        }
        if (!value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return "must be digits only (YYYY[MM[DD[hh[mm[ss]]]]])";
        }
        if (!LENGTHS.contains(value.length())) {
            return "must have 4, 6, 8, 10, 12 or 14 digits (YYYY[MM[DD[hh[mm[ss]]]]])";
        }
        return rangeDefect(value);
    }

    private static String rangeDefect(String value) {
        int length = value.length();
        if (length >= 6 && !inRange(field(value, 4, 6), 1, 12)) {
            return "month must be 01 to 12";
        }
        if (length >= 8 && !inRange(field(value, 6, 8), 1, daysIn(value))) {
            return "day does not exist in that month";
        }
        if (length >= 10 && !inRange(field(value, 8, 10), 0, 23)) {
            return "hour must be 00 to 23";
        }
        if (length >= 12 && !inRange(field(value, 10, 12), 0, 59)) {
            return "minute must be 00 to 59";
        }
        if (length >= 14 && !inRange(field(value, 12, 14), 0, 59)) {
            return "second must be 00 to 59";
        }
        return null;
    }

    private static int daysIn(String value) {
        return YearMonth.of(field(value, 0, 4), field(value, 4, 6)).lengthOfMonth();
    }

    private static int field(String value, int from, int to) {
        return Integer.parseInt(value.substring(from, to));
    }

    private static boolean inRange(int number, int min, int max) {
        return number >= min && number <= max;
    }
}
