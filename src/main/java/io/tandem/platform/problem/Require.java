package io.tandem.platform.problem;

/**
 * Checks of request fields that answer 400 naming the field. (Used instead of Bean Validation annotations on
 * records: Payara's OpenAPI generator fails on those.)
 */
public final class Require {

    private Require() {
    }

    public static <T> T body(T body) {
        if (body == null) {
            throw Problem.badRequest("A JSON body is required.").toException();
        }
        return body;
    }

    public static <T> T present(String field, T value) {
        if (value == null) {
            throw Problem.badRequest(field + " is required.").field(field).toException();
        }
        return value;
    }

    public static String text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw Problem.badRequest(field + " is required.").field(field).toException();
        }
        if (value.length() > maxLength) {
            throw Problem.badRequest(field + " must be at most " + maxLength + " characters long.").field(field).toException();
        }
        return value;
    }

    /** Optional text: null stays null, blank becomes null, too long is a 400. */
    public static String optionalText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw Problem.badRequest(field + " must be at most " + maxLength + " characters long.").field(field).toException();
        }
        return value.trim();
    }

    /** A whole number from 1 to {@code max}. */
    public static int positive(String field, Integer value, int max) {
        if (value == null || value < 1 || value > max) {
            throw Problem.badRequest(field + " must be a whole number from 1 to " + max + ".").field(field).toException();
        }
        return value;
    }

    /** One of the allowed words. */
    public static String oneOf(String field, String value, java.util.Set<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            throw Problem.badRequest(field + " must be one of " + new java.util.TreeSet<>(allowed) + ".").field(field).toException();
        }
        return value;
    }

    /** A query or path value that must be a whole number. */
    public static long wholeNumber(String field, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException notANumber) {
            throw Problem.badRequest(field + " must be a whole number.").field(field).toException();
        }
    }

    /** A whole number within bounds. */
    public static Integer range(String field, Integer value, int min, int max) {
        if (value == null || value < min || value > max) {
            throw Problem.badRequest(field + " must be a whole number from " + min + " to " + max + ".").field(field).toException();
        }
        return value;
    }

    /** An end that is not before its start (either may be open). */
    public static void ordered(String field, java.time.LocalDate start, java.time.LocalDate end) {
        if (start != null && end != null && end.isBefore(start)) {
            throw Problem.badRequest(field + " must not be before the start date.").field(field).toException();
        }
    }
}
