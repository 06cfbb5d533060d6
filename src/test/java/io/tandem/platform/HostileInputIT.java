package io.tandem.platform;

import io.tandem.it.Api;
import io.tandem.it.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Tandem as an attacker sees it: malformed bodies, headers and methods against every write endpoint. Whatever is
 * sent, the answer is a 4xx problem+json with a {@code detail}, it comes quickly (a request that hangs, like
 * Parsson's skip loop did, fails the test), and nothing is stored.
 */
class HostileInputIT {

    /** A request that is not answered by then is a hang. */
    private static final Duration HANG = Duration.ofSeconds(10);
    /**
     * How quickly a refusal must come. Asserted for 99 % of the requests rather than each one, so that one GC pause
     * on a loaded machine cannot fail the suite, while a hang or a slow path (a parser spinning, a body read to the
     * end of a timeout) still does: those show in far more than 1 % of the requests.
     */
    private static final Duration QUICK = Duration.ofSeconds(1);
    private static final String MISSING = "999999999";

    /**
     * Every write endpoint, as the served OpenAPI document lists them (its completeness against the resource methods
     * is checked by OpenApiTest), plus the hidden test clock. Path parameters point at nothing: a malformed body is
     * refused before they matter.
     */
    static final List<String> WRITE_ENDPOINTS = writeEndpoints();

    final Api api = new Api(TestServer.url());
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    String manager;
    String managerName;
    String admin;
    long slowest;
    final List<Long> latencies = new ArrayList<>();
    int sent;

    @BeforeEach
    void signIn() {
        admin = api.admin().access();
        managerName = api.createUser(admin, "fuzzer", "MANAGER").getString("username");
        manager = api.login(managerName, Api.PASSWORD).access();
    }

    private static List<String> writeEndpoints() {
        Api api = new Api(TestServer.url());
        JsonObject paths = api.send("GET", "/openapi", null, null, null, "Accept", "application/json").json().getJsonObject("paths");
        List<String> endpoints = new ArrayList<>();
        paths.forEach((path, operations) -> operations.asJsonObject().keySet().stream()
                .filter(method -> List.of("post", "put", "patch", "delete").contains(method))
                .forEach(method -> endpoints.add(method.toUpperCase() + " " + path.replaceAll("\\{[^}]+}", MISSING))));
        endpoints.add("PUT /api/test/clock");
        assertTrue(endpoints.size() > 110, () -> "write endpoints: " + endpoints);
        return endpoints;
    }

    /** A body and the Content-Type it is sent with (null: no header). */
    record Input(String name, String contentType, byte[] body) {
        static Input json(String name, String body) {
            return new Input(name, "application/json", body.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Bodies no endpoint may accept: broken JSON, broken encodings, wrong or missing media types, too large. */
    static List<Input> malformedBodies() {
        List<Input> inputs = new ArrayList<>();
        String[] broken = {"{\"a\":{\"a\":", "{\"a\":[", "{\"a\":[{", "{\"name\":\"x", "{\"a\":", "{", "[", "[1,",
                "{\"a\":{\"b\":[[{\"c\":", "{\"name\": tru", "{\"n\": 1e", "\"unterminated", "{\"a\" 1}", "{}}", "{} {}",
                "{}x", "[] 1", "nul", "{\"a\":1,}", "{'a':1}", "{a:1}", "{\"a\":01}", "{\"a\":NaN}", "{\"a\":Infinity}",
                "{\"a\":\"\u0001\"}", "{\"a\":\"\\u12\"}", "{\"a\":1}garbage", "{\"a\":1}\n\n}", "[{\"a\":1}]]",
                "{\"a\":-}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":+1}", "{\"a\":0x10}", "{\"a\":true false}", "{\"a\"}",
                "{,}", "[,]", "   ", "\u0000", "{\"version\": 1}\u0000",
                "{\"a\":" + "[".repeat(2000),
                "{\"a\":" + "{\"a\":".repeat(100_000),
                "[".repeat(100_000),
                "{\"a\":" + "[".repeat(1001) + "]".repeat(1001) + "}",
                "{\"a\":" + "{\"b\":".repeat(1001) + "1" + "}".repeat(1001) + "}",
                "[".repeat(5000) + "]".repeat(5000)};
        for (int i = 0; i < broken.length; i++) {
            inputs.add(Input.json("broken-" + i, broken[i]));
        }
        inputs.add(new Input("invalid-utf8", "application/json", bytes(0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d)));
        inputs.add(new Input("overlong-utf8", "application/json", bytes(0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xc0, 0xaf, 0x22, 0x7d)));
        inputs.add(new Input("surrogate-utf8", "application/json", bytes(0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d)));
        inputs.add(new Input("latin1", "application/json", "{\"name\": \"Müller\"}".getBytes(StandardCharsets.ISO_8859_1)));
        inputs.add(new Input("utf16", "application/json; charset=utf-16", "{}".getBytes(StandardCharsets.UTF_16)));
        for (String type : List.of("application/json; charset=nope-42", "application/json; charset=", "application/json; charset=latin1",
                "text/plain", "application/x-www-form-urlencoded", ";;;", "application/xml", "multipart/form-data; boundary=x",
                "application/jsonx", "*/*", "application/json/extra", "\u00e9/json")) {
            inputs.add(new Input("type " + type, type, "{}".getBytes(StandardCharsets.UTF_8)));
        }
        inputs.add(new Input("no content type", null, "{}".getBytes(StandardCharsets.UTF_8)));
        inputs.add(Input.json("too large", "{\"name\": \"" + "x".repeat(1_100_000) + "\"}"));
        return inputs;
    }

    /** Well-formed JSON with values of the wrong type, out of range or unstorable: refused naming the field. */
    static List<Input> wronglyTypedBodies() {
        List<Input> inputs = new ArrayList<>();
        for (String body : List.of("{\"version\": 18446744073709551617}", "{\"version\": -1}", "{\"version\": \"1\"}",
                "{\"version\": 1.5}", "{\"name\": true}", "{\"name\": 12}", "{\"name\": {}}", "{\"name\": []}",
                "{\"quantity\": \"12\"}", "{\"quantity\": 1e400}", "{\"quantity\": 99999999999999999999}",
                "{\"quantity\": -9223372036854775809}", "{\"product_id\": 18446744073709551617, \"client_id\": 1, \"quantity\": 1}",
                "{\"lines\": [null]}", "{\"hosts\": [null]}", "{\"entries\": [null]}", "{\"records\": [null]}",
                "{\"zones\": [null], \"project_id\": 1}", "{\"aliases\": [null], \"project_id\": 1}", "{\"roles\": [null]}",
                "{\"updates\": [null]}", "{\"volumes\": [null]}", "[null]", "[{\"item_code\": \"x\", \"expected_qty\": 18446744073709551617}]",
                "{\"valid_from\": \"+10000-01-01\"}", "{\"start_date\": \"+10000-01-01\", \"end_date\": \"+10000-01-02\"}",
                "{\"work_date\": \"0000-01-01\"}", "{\"week_start\": \"2026-13-01\"}", "{\"balances\": {\"ANNUAL\": \"8\"}}",
                "{\"records\": [{\"client_record_id\": \"a\", \"updated_at\": \"+10000-01-01T00:00:00Z\"}]}",
                "{\"fencing_token\": \"x\"}", "{\"session_id\": 12}", "{\"hourly_rate_cents\": 1e3}",
                "{\"offset_seconds\": 18446744073709551617}", "{\"username\": [\"admin\"], \"password\": {}}",
                "{\"refresh_token\": 12}", "null", "[]", "\"text\"", "12", "true")) {
            inputs.add(Input.json(body, body));
        }
        return inputs;
    }

    @Test
    void malformedBodiesAreRefusedByEveryWriteEndpoint_quickly_andStoreNothing() {
        Map<String, Long> before = fingerprint();
        List<Input> inputs = malformedBodies();
        assertTrue(inputs.size() >= 50, "at least 50 malformed inputs, got " + inputs.size());
        for (String endpoint : WRITE_ENDPOINTS) {
            for (Input input : inputs) {
                Answered answer = send(endpoint, manager, input, false);
                assertTrue(answer.status >= 400 && answer.status < 500, () -> endpoint + " with " + input.name()
                        + " answered " + answer.status + " " + answer.body);
                answer.assertProblem(endpoint + " with " + input.name());
            }
        }
        assertEquals(before, fingerprint(), "nothing stored");
        System.out.printf("malformed bodies: %d requests to %d write endpoints, p99 %d ms, slowest %d ms%n",
                sent, WRITE_ENDPOINTS.size(), p99(), slowest);
        assertTrue(p99() < QUICK.toMillis(), () -> "99 % answered within " + QUICK + ", p99 was " + p99() + " ms");
    }

    @Test
    void wronglyTypedBodiesNeverReachA500_andStoreNothing() {
        Map<String, Long> before = fingerprint();
        List<String> accepted = new ArrayList<>();
        for (String endpoint : WRITE_ENDPOINTS) {
            for (Input input : wronglyTypedBodies()) {
                Answered answer = send(endpoint, tokenFor(endpoint), input, false);
                assertTrue(answer.status < 500, () -> endpoint + " with " + input.name() + " answered " + answer.status + " " + answer.body);
                if (answer.status >= 400) {
                    answer.assertProblem(endpoint + " with " + input.name());
                } else {
                    accepted.add(endpoint + " " + input.name());
                }
            }
        }
        // Only the endpoints that take no body may accept one they ignore, and the planner's bulk save answers 200
        // with every item under "failed" (seed 004: never all-or-nothing).
        assertTrue(accepted.stream().allMatch(a -> a.startsWith("POST /api/core/heartbeat") || a.startsWith("POST /api/events/ticket")
                        || a.startsWith("POST /api/auth/logout") || a.startsWith("POST /api/portfolio/resource-assignments/bulk")),
                () -> "accepted: " + accepted);
        assertEquals(before, fingerprint(), "nothing stored");
        System.out.printf("wrongly typed bodies: %d requests in all, p99 %d ms, slowest %d ms%n", sent, p99(), slowest);
        assertTrue(p99() < QUICK.toMillis(), () -> "99 % answered within " + QUICK + ", p99 was " + p99() + " ms");
    }

    @Test
    void wronglyTypedFieldsAreNamed() {
        assertEquals("version", send("PUT /api/core/customers/" + customer(), manager,
                Input.json("overflow", "{\"name\": \"x\", \"version\": 18446744073709551617}"), false).json().getString("field"));
        assertEquals("lines[0]", send("POST /api/stock/allocate", manager, Input.json("null line", "{\"lines\": [null]}"), false)
                .json().getString("field"));
        assertEquals("name", send("POST /api/core/customers", manager, Input.json("boolean name", "{\"name\": true}"), false)
                .json().getString("field"));
        assertEquals("valid_from", send("POST /api/portfolio/rates", manager,
                Input.json("year 10000", "{\"worker_type_id\": 1, \"amount_cents\": 1, \"currency\": \"EUR\", \"valid_from\": \"+10000-01-01\"}"), false)
                .json().getString("field"));
    }

    @Test
    void referencesMustExist() {
        long product = api.post("/api/products", manager, Json.createObjectBuilder().add("sku", "FUZZ-" + System.nanoTime())
                .add("name", "Fuzz").build()).ok().getJsonNumber("id").longValue();
        long client = api.post("/api/clients", manager, Json.createObjectBuilder().add("name", "Fuzz").build()).ok()
                .getJsonNumber("id").longValue();
        JsonObject stock = api.post("/api/stock", manager, Json.createObjectBuilder().add("product_id", product)
                .add("client_id", client).add("quantity_on_hand", 5).build()).ok();
        assertEquals("order_id", send("POST /api/stock/allocate", manager, Input.json("no such order",
                "{\"product_id\": " + product + ", \"client_id\": " + client + ", \"quantity\": 1, \"order_id\": " + MISSING + "}"), false)
                .json().getString("field"));
        assertEquals(5, api.get("/api/stock/" + stock.getInt("id"), manager).ok().getInt("quantity_on_hand"));
    }

    @Test
    void malformedHeadersMethodsAndPathsAreProblems() {
        long target = customer();
        Map<String, Long> before = fingerprint();
        String longToken = "Bearer " + "a".repeat(10_000);
        for (String endpoint : WRITE_ENDPOINTS) {
            String[] parts = endpoint.split(" ", 2);
            raw(parts[0], parts[1], List.of("Authorization: " + longToken, "Content-Type: application/json"), "{}").assertProblem(endpoint + " long token");
            // Endpoints that take no Idempotency-Key ignore it; the others refuse a bad one naming it.
            raw(parts[0], parts[1], List.of("Authorization: Bearer " + tokenFor(endpoint), "Content-Type: application/json",
                    "Idempotency-Key: a\u0001b"), "{}").assertNoServerError(endpoint + " control byte key");
            raw(parts[0], parts[1], List.of("Authorization: Bearer " + tokenFor(endpoint), "Content-Type: application/json",
                    "Idempotency-Key: schlüssel"), "{}").assertNoServerError(endpoint + " non-ASCII key");
            raw("TRACE", parts[1], List.of(), null).assertClientError(endpoint + " TRACE");
            // An encoded NUL in the path is refused by Payara's HTTP layer before any application code runs: a bare
            // 400 that no WAR can turn into problem+json (see README, "Errors").
            raw(parts[0], parts[1] + "%00", List.of("Authorization: Bearer " + tokenFor(endpoint)), null).assertBareStatus(400, endpoint + " NUL in path");
            raw(parts[0], parts[1], List.of("Authorization: Bearer " + tokenFor(endpoint), "Content-Type: \u0001garbage"), "{}").assertClientError(endpoint + " garbage type");
        }
        for (String key : List.of("a\u0001b", "schlüssel", "x".repeat(129), " ")) {
            assertEquals("Idempotency-Key", raw("POST", "/api/core/customers", List.of("Authorization: Bearer " + manager,
                    "Content-Type: application/json", "Idempotency-Key: " + key), "{\"name\": \"Keyed\"}").json().getString("field"));
        }
        // A body on DELETE is checked like any other and then ignored.
        raw("DELETE", "/api/core/customers/" + customer() + "?version=1", List.of("Authorization: Bearer " + manager,
                "Content-Type: application/json"), "{\"any\": ").assertStatus(400, "DELETE with a broken body");
        raw("DELETE", "/api/core/customers/" + customer() + "?version=abc", List.of("Authorization: Bearer " + manager), null)
                .assertStatus(400, "?version=abc");
        assertEquals(204, raw("DELETE", "/api/core/customers/" + customer() + "?version=1", List.of("Authorization: Bearer " + manager,
                "Content-Type: application/json"), "{\"any\": \"body\"}").status(), "DELETE with a body");
        Map<String, Long> after = fingerprint();
        after.merge("/api/core/customers", 1L, Long::sum);
        assertEquals(before, after, "nothing stored but the one deletion");
        api.get("/api/core/customers/" + target, manager).problem(404);
    }

    /** Logout accepts (and ignores) a body: it gets a sign-in of its own, so the rest keeps working. */
    private String tokenFor(String endpoint) {
        return endpoint.endsWith("/auth/logout") ? api.login(managerName, Api.PASSWORD).access() : manager;
    }

    private long customerId;

    private long customer() {
        if (customerId == 0) {
            customerId = api.post("/api/core/customers", manager, Json.createObjectBuilder().add("name", "Fuzz target").build())
                    .ok().getJsonNumber("id").longValue();
        }
        return customerId;
    }

    // --- what was stored --------------------------------------------------------------------------------------

    /** How many rows every list holds: any write that slipped through changes one of them. */
    private Map<String, Long> fingerprint() {
        Map<String, Long> totals = new LinkedHashMap<>();
        for (String endpoint : WRITE_ENDPOINTS) {
            String[] parts = endpoint.split(" ", 2);
            if (parts[0].equals("POST") && parts[1].chars().filter(c -> c == '/').count() <= 3 && !parts[1].contains(MISSING)
                    && !parts[1].startsWith("/api/auth") && !parts[1].contains("/save") && !parts[1].contains("/bulk")) {
                var list = api.get(parts[1] + "?size=1", admin);
                if (list.status() == 200 && list.body().startsWith("{") && list.json().containsKey("total")) {
                    totals.put(parts[1], list.json().getJsonNumber("total").longValue());
                }
            }
        }
        totals.put("/api/users", api.get("/api/users?size=1", admin).ok().getJsonNumber("total").longValue());
        assertTrue(totals.size() >= 20, () -> "fingerprint covers the lists: " + totals.keySet());
        return totals;
    }

    // --- sending ----------------------------------------------------------------------------------------------

    record Answered(int status, Optional<String> contentType, String body, long millis) {
        JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        void assertProblem(String what) {
            assertTrue(contentType.orElse("").startsWith("application/problem+json"),
                    () -> what + ": problem+json expected, got " + status + " " + contentType + " " + body);
            JsonObject problem = json();
            assertEquals(status, problem.getInt("status"), what);
            assertTrue(problem.containsKey("detail") && !problem.getString("detail").isBlank(), () -> what + ": detail in " + body);
        }

        void assertClientError(String what) {
            assertTrue(status >= 400 && status < 500, () -> what + ": 4xx expected, got " + status + " " + body);
            assertProblem(what);
        }

        void assertNoServerError(String what) {
            assertTrue(status < 500, () -> what + ": " + status + " " + body);
            if (status >= 400) {
                assertProblem(what);
            }
        }

        void assertBareStatus(int expected, String what) {
            assertEquals(expected, status, () -> what + ": " + body);
        }

        void assertStatus(int expected, String what) {
            assertEquals(expected, status, () -> what + ": " + body);
            assertProblem(what);
        }
    }

    private Answered send(String endpoint, String token, Input input, boolean chunked) {
        String[] parts = endpoint.split(" ", 2);
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(parts[1])).timeout(HANG)
                .method(parts[0], chunked
                        ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(input.body()))
                        : HttpRequest.BodyPublishers.ofByteArray(input.body()));
        request.header("Authorization", "Bearer " + token);
        if (input.contentType() != null) {
            try {
                request.header("Content-Type", input.contentType());
            } catch (IllegalArgumentException notSendableByThisClient) {
                return raw(parts[0], parts[1], List.of("Authorization: Bearer " + token, "Content-Type: " + input.contentType()),
                        new String(input.body(), StandardCharsets.UTF_8));
            }
        }
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return answered(response.statusCode(), response.headers().firstValue("Content-Type"), response.body(), started);
        } catch (java.net.http.HttpTimeoutException hang) {
            return fail(endpoint + " with " + input.name() + " was not answered within " + HANG);
        } catch (IOException e) {
            throw new UncheckedIOException(endpoint + " with " + input.name(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long p99() {
        List<Long> sorted = latencies.stream().sorted().toList();
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.99)));
    }

    private Answered answered(int status, Optional<String> contentType, String body, long started) {
        long millis = (System.nanoTime() - started) / 1_000_000;
        slowest = Math.max(slowest, millis);
        latencies.add(millis);
        sent++;
        return new Answered(status, contentType, body, millis);
    }

    /** HTTP/1.1 over a plain socket, for what java.net.http refuses to send (control bytes, TRACE …). */
    private Answered raw(String method, String path, List<String> headers, String body) {
        URI base = api.uri("/");
        byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        long started = System.nanoTime();
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout((int) HANG.toMillis());
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nConnection: close\r\n");
            headers.forEach(header -> head.append(header).append("\r\n"));
            if (body != null) {
                head.append("Content-Length: ").append(payload.length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.write(payload);
            out.flush();
            return parse(socket.getInputStream(), started);
        } catch (java.net.SocketTimeoutException hang) {
            return fail(method + " " + path + " was not answered within " + HANG);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        }
    }

    private Answered parse(InputStream in, long started) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        String response = all.toString(StandardCharsets.UTF_8);
        int end = response.indexOf("\r\n\r\n");
        assertTrue(end > 0, () -> "an HTTP answer, got: " + response);
        String[] lines = response.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Optional<String> contentType = List.of(lines).stream().filter(l -> l.toLowerCase().startsWith("content-type:"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst();
        String body = response.substring(end + 4);
        if (List.of(lines).stream().anyMatch(l -> l.equalsIgnoreCase("transfer-encoding: chunked"))) {
            body = unchunk(body);
        }
        return answered(status, contentType, body, started);
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                break;
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
        return body.toString();
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
