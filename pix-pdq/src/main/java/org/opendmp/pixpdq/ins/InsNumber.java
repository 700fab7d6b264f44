package org.opendmp.pixpdq.ins;

import java.util.Optional;

/**
 * The format of an INS number, NIR or NIA: 15 characters, 13 for the number and a 2-digit key.
 * The key is {@code 97 - (N mod 97)}, N the 13-character number read as an integer, with the
 * Corsican departments {@code 2A} and {@code 2B} (characters 6-7) read as {@code 19} and
 * {@code 18}. So {@code 180032B020401} has key 23 and {@code 2070585756270} key 97.
 * Reasons never repeat the number: it identifies a patient.
 */
public final class InsNumber {

    private static final int LENGTH = 15;
    private static final int KEY_START = 13;

    private InsNumber() {
    }

    /** Whether {@code value} is a 15-character INS number with the right key. */
    public static boolean isValid(String value) {
        return whyInvalid(value).isEmpty();
    }

    /** Why {@code value} is not a valid INS number (e.g. "key does not match"), or empty if it is. */
    public static Optional<String> whyInvalid(String value) {
        if (value == null || value.length() != LENGTH) {
            return Optional.of("must be 15 characters");
        }
        String number = value.substring(0, KEY_START);
        String key = value.substring(KEY_START);
        if (!isNumber(number) || !isDigits(key)) {
            return Optional.of("must be digits, except 2A or 2B (Corsica) as characters 6-7");
        }
        int keyValue = Integer.parseInt(key);
        if (keyValue < 1 || keyValue > 97) {
            return Optional.of("key must be 01 to 97");
        }
        if (keyValue != key(number)) {
            return Optional.of("key does not match");
        }
        return Optional.empty();
    }

    /**
     * The key of a 13-character number whose format is already checked.
     *
     * @throws IllegalArgumentException if {@code number} is not 13 digits (2A/2B allowed)
     */
    public static int key(String number) {
        if (number == null || number.length() != KEY_START || !isNumber(number)) {
            throw new IllegalArgumentException("not a 13-character NIR/NIA number");
        }
        long n = Long.parseLong(corsicaAsDigits(number));
        return (int) (97 - n % 97);
    }

    private static boolean isNumber(String number) {
        return isDigits(corsicaAsDigits(number));
    }

    /** Replaces 2A by 19 and 2B by 18 at characters 6-7, the department of birth. */
    private static String corsicaAsDigits(String number) {
        String department = number.substring(5, 7);
        String digits = switch (department) {
            case "2A" -> "19";
            case "2B" -> "18";
            default -> department;
        };
        return number.substring(0, 5) + digits + number.substring(7);
    }

    private static boolean isDigits(String text) {
        return text.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
