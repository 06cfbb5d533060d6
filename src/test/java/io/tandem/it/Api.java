package io.tandem.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A small HTTP client for the deployed WAR: what a real client does, over real HTTP. */
public final class Api {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;

    public Api(URL base) {
        this.base = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
    }

    public URI uri(String path) {
        return base.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    /** An HTTP answer, with its body parsed on demand. */
    public record Answer(int status, Map<String, java.util.List<String>> headers, String body) {
        public JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        public JsonArray array() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readArray();
            }
        }

        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        /** Asserts the status and that the answer is problem+json with the RFC 9457 members. */
        public JsonObject problem(int expectedStatus) {
            assertEquals(expectedStatus, status, () -> "status of " + body);
            assertTrue(header("Content-Type").orElse("").startsWith("application/problem+json"),
                    () -> "problem content type, got " + header("Content-Type") + " " + body);
            JsonObject problem = json();
            assertEquals(expectedStatus, problem.getInt("status"));
            assertTrue(problem.containsKey("type") && problem.containsKey("title") && problem.containsKey("instance"),
                    () -> "RFC 9457 members in " + body);
            return problem;
        }

        public JsonObject ok() {
            assertTrue(status >= 200 && status < 300, () -> "expected success, got " + status + " " + body);
            return json();
        }
    }

    public Answer send(String method, String path, String token, String contentType, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    public Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Answer get(String path, String token) {
        return send("GET", path, token, null, null);
    }

    public Answer post(String path, String token, JsonStructure body) {
        return send("POST", path, token, "application/json", body == null ? null : body.toString());
    }

    public Answer put(String path, String token, JsonStructure body) {
        return send("PUT", path, token, "application/json", body.toString());
    }

    public Answer delete(String path, String token) {
        return send("DELETE", path, token, null, null);
    }

    // --- sign-in helpers -------------------------------------------------------------------------------------

    public record Tokens(String access, String refresh, JsonObject user) {
    }

    public Tokens login(String username, String password) {
        JsonObject body = post("/api/auth/login", null, Json.createObjectBuilder()
                .add("username", username).add("password", password).build()).ok();
        return new Tokens(body.getString("access_token"), body.getString("refresh_token"), body.getJsonObject("user"));
    }

    public Tokens admin() {
        return login("admin", TestDatabase.ADMIN_PASSWORD);
    }

    public static final String PASSWORD = "a-long-enough-password";

    /** A new user with a unique name; the suite shares one database per run, so names never repeat. */
    public JsonObject createUser(String adminToken, String prefix, String... roles) {
        var roleArray = Json.createArrayBuilder();
        for (String role : roles) {
            roleArray.add(role);
        }
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Answer created = post("/api/users", adminToken, Json.createObjectBuilder()
                .add("username", username).add("password", PASSWORD)
                .add("first_name", "Test").add("last_name", prefix)
                .add("roles", roleArray).build());
        assertEquals(201, created.status(), created.body());
        return created.json();
    }

    // --- the server's clock ----------------------------------------------------------------------------------

    /**
     * Stops the server clock at {@code offset} after the moment it was first moved (since the last reset). A test
     * that compares times against a window calls {@code moveClock(Duration.ZERO)} first, so nothing depends on
     * how much real time passes between its requests.
     */
    public void moveClock(Duration offset) {
        put("/api/test/clock", clockToken(), Json.createObjectBuilder().add("offset_seconds", offset.toSeconds()).build()).ok();
    }

    /** Lets the server clock run with real time again. */
    public void resetClock() {
        assertEquals(204, delete("/api/test/clock", clockToken()).status());
    }

    /** A fresh sign-in each time: moving the clock by hours expires any earlier access token. */
    private String clockToken() {
        return admin().access();
    }
}
