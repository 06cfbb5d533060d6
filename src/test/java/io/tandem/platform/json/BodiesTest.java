package io.tandem.platform.json;

import io.tandem.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class BodiesTest {

    record Line(Long productId, Integer quantity) {
    }

    record Everything(String name, Long version, Integer count, Boolean active, LocalDate startDate,
                      Instant updatedAt, List<Line> lines, Map<String, Long> balances, List<String> tags) {
    }

    private static ProblemException refused(String body) {
        return assertThrows(ProblemException.class, () -> Bodies.read(body, Everything.class), body);
    }

    private static String field(String body) {
        return (String) refused(body).problem().members().get("field");
    }

    @Test
    void aWellFormedBodyBindsEveryType() {
        Everything read = Bodies.read("""
                {"name": "x", "version": 9223372036854775807, "count": -3, "active": true, "start_date": "2026-02-28",
                 "updated_at": "2026-02-28T10:00:00+01:00", "lines": [{"product_id": 1, "quantity": 2}],
                 "balances": {"ANNUAL": 80}, "tags": [], "unknown": {"ignored": [1, 2]}}""", Everything.class);
        assertEquals(new Everything("x", Long.MAX_VALUE, -3, true, LocalDate.of(2026, 2, 28),
                Instant.parse("2026-02-28T09:00:00Z"), List.of(new Line(1L, 2)), Map.of("ANNUAL", 80L), List.of()), read);
        assertNull(Bodies.read("{\"name\": null}", Everything.class).name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":{\"a\":", "{\"a\":[", "{\"a\":[{", "{\"name\":\"x", "{\"a\":", "{", "[", "[1,", "{\"a\":{\"b\":[[{\"c\":",
            "{\"name\": tru", "{\"count\": 1e", "\"unterminated", "{\"a\" 1}", "{}}", "{} {}", "{}x", "[] 1", "12 13", "nul"})
    void truncatedOrTrailingBodiesAre400_quickly(String body) {
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), () -> refused(body));
    }

    @Test
    void deeplyNestedBodiesAre400() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertEquals(400, refused("{\"a\":" + deep + "}").problem().status());
        assertEquals(400, refused("{\"a\":" + "{\"a\":".repeat(100_000)).problem().status());
        Bodies.parseAny("[".repeat(StrictJson.MAX_DEPTH) + "]".repeat(StrictJson.MAX_DEPTH));
    }

    @Test
    void noCoercionAndNoOverflow() {
        assertEquals("count", field("{\"count\": \"12\"}"));
        assertEquals("name", field("{\"name\": true}"));
        assertEquals("name", field("{\"name\": 12}"));
        assertEquals("active", field("{\"active\": \"true\"}"));
        assertEquals("version", field("{\"version\": 18446744073709551617}"));
        assertEquals("version", field("{\"version\": 1.5}"));
        assertEquals("count", field("{\"count\": 2147483648}"));
        assertEquals("lines[1].quantity", field("{\"lines\": [{\"quantity\": 1}, {\"quantity\": 1e3}]}"));
        assertEquals("lines[0]", field("{\"lines\": [null]}"));
        assertEquals("tags[1]", field("{\"tags\": [\"a\", null]}"));
        assertEquals("balances.ANNUAL", field("{\"balances\": {\"ANNUAL\": \"8\"}}"));
        assertEquals("lines", field("{\"lines\": {}}"));
    }

    @Test
    void datesMustBeRealAndStorable() {
        for (String date : List.of("+10000-01-01", "0999-12-31", "2026-02-30", "2026-2-1", "yesterday", "")) {
            assertEquals("start_date", field("{\"start_date\": \"" + date + "\"}"), date);
        }
        for (String time : List.of("+10000-01-01T00:00:00Z", "2026-01-01T00:00:00", "0001-01-01T00:00:00Z", "now")) {
            assertEquals("updated_at", field("{\"updated_at\": \"" + time + "\"}"), time);
        }
        assertEquals(LocalDate.of(9999, 12, 31), Bodies.read("{\"start_date\": \"9999-12-31\"}", Everything.class).startDate());
    }

    @Test
    void invalidUtf8Is400() {
        byte[] latin1 = "{\"name\": \"Müller\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(400, assertThrows(ProblemException.class, () -> StrictJson.decode(latin1)).problem().status());
        assertEquals("{\"name\": \"Müller\"}", StrictJson.decode("{\"name\": \"Müller\"}".getBytes(StandardCharsets.UTF_8)));
    }
}
