package io.tandem.platform.listing;

import io.tandem.platform.problem.Problem;
import jakarta.ws.rs.QueryParam;

import java.util.Locale;
import java.util.Optional;

/**
 * How a client wants a list: {@code ?sort=name} or {@code ?sort=-name} (descending) and {@code ?q=text} (a
 * case-insensitive substring of any of the item's text members). Only the shape is checked here; which members
 * exist is the entity's to say ({@link Listing}).
 */
public class ListQuery {

    /** Longer search text is refused: nobody types more into a list's search box, and LIKE's cost grows with it. */
    public static final int MAX_TEXT = 200;
    /** The LIKE escape character: not the backslash, which MySQL would also read as an escape inside the literal. */
    public static final char ESCAPE = '!';

    @QueryParam("sort")
    String sort;

    @QueryParam("q")
    String q;

    public ListQuery() {
    }

    public static ListQuery of(String sort, String q) {
        ListQuery query = new ListQuery();
        query.sort = sort;
        query.q = q;
        return query;
    }

    /** Unsorted and unfiltered: by id. */
    public static ListQuery none() {
        return of(null, null);
    }

    /** The member to sort by and the direction; empty for the default order (by id). */
    public Optional<Sort> sort() {
        if (sort == null || sort.isBlank()) {
            return Optional.empty();
        }
        String value = sort.trim();
        return Optional.of(value.startsWith("-") ? new Sort(value.substring(1), true) : new Sort(value, false));
    }

    /** The search text, trimmed; empty when there is none. A 400 naming {@code q} when it is too long. */
    public Optional<String> text() {
        if (q == null || q.isBlank()) {
            return Optional.empty();
        }
        String text = q.strip();
        if (text.length() > MAX_TEXT) {
            throw Problem.badRequest("q must be at most " + MAX_TEXT + " characters long.").field("q").toException();
        }
        return Optional.of(text);
    }

    /** A member name (as on the wire) and whether the order is descending. */
    public record Sort(String member, boolean descending) {
    }

    /**
     * The LIKE pattern that finds {@code text} anywhere, case-insensitively (compared with the lower-cased column):
     * the user's {@code %} and {@code _} match only themselves.
     */
    public static String containing(String text) {
        StringBuilder pattern = new StringBuilder(text.length() + 8).append('%');
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '%' || c == '_' || c == ESCAPE) {
                pattern.append(ESCAPE);
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }
}
