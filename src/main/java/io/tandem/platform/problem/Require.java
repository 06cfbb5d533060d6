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
}
