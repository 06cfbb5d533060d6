package io.tandem.platform.versioning;

import io.tandem.platform.problem.Problem;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version a client says it is changing, from {@code If-Match: "<version>"} or a {@code version} in the body.
 * Which one it came from decides the status of a mismatch: a stale If-Match is 412, a stale body version 409.
 */
public record ExpectedVersion(long version, boolean fromIfMatch) {

    private static final Pattern ETAG = Pattern.compile("^\\s*(?:W/)?\"?(\\d{1,18})\"?\\s*$");

    /** The expected version, or 428 when the client sent none. If-Match wins when both are present. */
    public static ExpectedVersion of(String ifMatch, Long bodyVersion) {
        if (ifMatch != null && !ifMatch.isBlank() && !ifMatch.trim().equals("*")) {
            Matcher matcher = ETAG.matcher(ifMatch);
            if (!matcher.matches()) {
                throw Problem.badRequest("If-Match must be the ETag of the version you are changing, e.g. \"3\".")
                        .field("If-Match").toException();
            }
            return new ExpectedVersion(Long.parseLong(matcher.group(1)), true);
        }
        if (bodyVersion != null) {
            return new ExpectedVersion(bodyVersion, false);
        }
        throw Problem.of(428, "Send the version you are changing, as \"version\" in the body or as If-Match.")
                .type("version-required").field("version").toException();
    }

    /** For DELETE: If-Match, or {@code ?version=} which must then be a whole number (400, not JAX-RS's 404). */
    public static ExpectedVersion fromQuery(String ifMatch, String version) {
        if (version == null || version.isBlank()) {
            return of(ifMatch, null);
        }
        if (!version.trim().matches("\\d{1,18}")) {
            throw Problem.badRequest("version must be a whole number.").field("version").toException();
        }
        return of(ifMatch, Long.parseLong(version.trim()));
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }
}
