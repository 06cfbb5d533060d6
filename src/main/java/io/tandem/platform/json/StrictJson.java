package io.tandem.platform.json;

import io.tandem.platform.problem.Problem;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checks a whole request body before anything binds it: valid UTF-8, one complete JSON value, nothing after it,
 * at most {@link #MAX_DEPTH} levels deep. Everything later (JSON-B included) only ever sees such a body, which
 * is what keeps Parsson's skip loop (eclipse-ee4j/parsson#23: a truncated value bound to a type without that
 * property spins forever) and its "too deeply nested" failure out of reach of any client.
 */
public final class StrictJson {

    /** Far deeper than any Tandem body (three levels at most), far below what a parser's stack minds. */
    public static final int MAX_DEPTH = 32;

    private StrictJson() {
    }

    /** The body as text; a 400 problem when it is not valid UTF-8. */
    public static String decode(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException invalid) {
            throw Problem.badRequest("The request body is not valid UTF-8.").toException();
        }
    }

    /** Parses one complete JSON value, or answers a 400 problem saying where the body went wrong. */
    public static JsonValue parse(String body) {
        if (body.isBlank()) {
            throw Problem.badRequest("A JSON body is required.").toException();
        }
        try (JsonParser parser = Json.createParser(new StringReader(body))) {
            int depth = 0;
            JsonValue value = null;
            // Walk the events first, so depth is checked before any tree is built; then read the value.
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                if (event == JsonParser.Event.START_OBJECT || event == JsonParser.Event.START_ARRAY) {
                    if (++depth > MAX_DEPTH) {
                        throw Problem.badRequest("The request body is nested more than " + MAX_DEPTH + " levels deep.")
                                .toException();
                    }
                } else if (event == JsonParser.Event.END_OBJECT || event == JsonParser.Event.END_ARRAY) {
                    depth--;
                }
                if (depth == 0) {
                    // One top-level value is complete; hasNext() now fails on anything but white space.
                    if (parser.hasNext()) {
                        throw invalid("there is more after the JSON value", parser.getLocation());
                    }
                    value = read(body);
                }
            }
            if (value == null) {
                throw invalid("the body ends before the JSON value does", parser.getLocation());
            }
            return value;
        } catch (JsonParsingException malformed) {
            throw invalid(malformed.getMessage(), malformed.getLocation());
        } catch (JsonException malformed) {
            throw invalid(malformed.getMessage(), null);
        }
    }

    private static JsonValue read(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readValue();
        }
    }

    private static RuntimeException invalid(String why, JsonLocation where) {
        String at = where == null || where.getLineNumber() < 0 ? ""
                : " (line " + where.getLineNumber() + ", column " + where.getColumnNumber() + ")";
        return Problem.badRequest("The request body is not valid JSON: " + shorten(why) + at + ".").toException();
    }

    /** Parser messages can quote the input; keep them short. */
    private static String shorten(String message) {
        if (message == null) {
            return "unreadable";
        }
        String firstLine = message.lines().findFirst().orElse("");
        return firstLine.length() > 120 ? firstLine.substring(0, 120) + "…" : firstLine;
    }
}
