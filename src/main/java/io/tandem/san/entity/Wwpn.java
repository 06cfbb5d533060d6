package io.tandem.san.entity;

import io.tandem.platform.problem.Problem;

import java.util.Locale;
import java.util.regex.Pattern;

/** World Wide Port Names: 16 hex digits, written {@code 50:00:11:22:33:44:55:66}. */
public final class Wwpn {

    private static final Pattern WITH_COLONS = Pattern.compile("(?i)([0-9a-f]{2}:){7}[0-9a-f]{2}");
    private static final Pattern BARE = Pattern.compile("(?i)[0-9a-f]{16}");

    private Wwpn() {
    }

    /** The canonical lower-case, colon-separated form; a 400 naming {@code wwpn} when it is malformed. */
    public static String normalize(String value) {
        String trimmed = value == null ? "" : value.trim();
        if (BARE.matcher(trimmed).matches()) {
            trimmed = trimmed.replaceAll("(..)(?!$)", "$1:");
        }
        if (!WITH_COLONS.matcher(trimmed).matches()) {
            throw Problem.badRequest("wwpn must be 16 hex digits, e.g. 50:00:11:22:33:44:55:66.").field("wwpn").toException();
        }
        return trimmed.toLowerCase(Locale.ROOT);
    }
}
