package io.tandem.platform;

import io.tandem.it.Api;
import io.tandem.it.Api.Answer;
import io.tandem.it.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.http.HttpRequest;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every error a client can provoke is problem+json with the right status; operations endpoints answer. */
class PlatformIT {

    final URL base = TestServer.url();

    Api api;

    @BeforeEach
    void client() {
        api = new Api(base);
    }

    @Test
    void unknownPathsAre404Problems_insideAndOutsideTheApi() {
        for (String path : List.of("/api/no-such-thing", "/api/users/1/no-such-thing", "/no-such-page.html", "/WEB-INF/web.xml")) {
            JsonObject problem = api.get(path, null).problem(404);
            assertEquals(path, problem.getString("instance"));
        }
    }

    @Test
    void wrongMethodIs405WithAllow() {
        Answer answer = api.get("/api/auth/login", null);
        answer.problem(405);
        assertTrue(answer.header("Allow").orElse("").contains("POST"), answer.headers().toString());
        api.send("DELETE", "/index.html", null, null, null).problem(405);
    }

    @Test
    void unsupportedMediaTypeIs415() {
        api.send("POST", "/api/auth/login", null, "text/plain", "username=admin").problem(415);
    }

    @Test
    void malformedJsonIs400() {
        api.send("POST", "/api/auth/login", null, "application/json", "{\"username\": \"admin\", ").problem(400);
        api.send("POST", "/api/auth/login", null, "application/json", "").problem(400);
    }

    @Test
    void missingOrWronglyTypedFieldsAre400NamingTheField() {
        JsonObject missing = api.post("/api/auth/login", null, Json.createObjectBuilder().add("username", "admin").build()).problem(400);
        assertEquals("password", missing.getString("field"));
        JsonObject wrongType = api.send("POST", "/api/auth/login", null, "application/json",
                "{\"username\": {\"nested\": true}, \"password\": \"x\"}").problem(400);
        assertEquals("username", wrongType.getString("field"), wrongType.toString());
        JsonObject badPath = api.put("/api/users/not-a-number/roles", api.admin().access(),
                Json.createObjectBuilder().add("roles", Json.createArrayBuilder().add("USER")).build()).problem(404);
        assertTrue(badPath.containsKey("detail"));
    }

    @Test
    void oversizedBodiesAre413_withOrWithoutContentLength() {
        String big = "{\"username\": \"" + "x".repeat(1_100_000) + "\", \"password\": \"x\"}";
        api.send("POST", "/api/auth/login", null, "application/json", big).problem(413);
        HttpRequest chunked = HttpRequest.newBuilder(api.uri("/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes())))
                .build();
        api.send(chunked).problem(413);
    }

    @Test
    void anonymousCallsToProtectedEndpointsCarryTheSeedsError() {
        JsonObject problem = api.get("/api/auth/me", null).problem(401);
        assertEquals("Authentication required", problem.getString("error"));
    }

    @Test
    void everyPathWorksWithAndWithoutTrailingSlash() {
        String token = api.admin().access();
        assertEquals("admin", api.get("/api/auth/me/", token).ok().getString("username"));
        assertEquals("admin", api.get("/api/auth/me", token).ok().getString("username"));
        api.post("/api/auth/login/", null, Json.createObjectBuilder()
                .add("username", "admin").add("password", io.tandem.it.TestDatabase.ADMIN_PASSWORD).build()).ok();
    }

    @Test
    void correlationIdsAreEchoedOrCreated() {
        Answer mine = api.send("GET", "/api/no-such-thing", null, null, null, "X-Correlation-Id", "trace-123");
        assertEquals("trace-123", mine.header("X-Correlation-Id").orElse(""));
        assertEquals("trace-123", mine.problem(404).getString("correlation_id"));
        Answer hostile = api.send("GET", "/api/no-such-thing", null, null, null, "X-Correlation-Id", "<script>");
        assertFalse(hostile.header("X-Correlation-Id").orElse("<script>").contains("<"));
    }

    @Test
    void healthIsUpWithTheDatabaseCheck() {
        JsonObject health = api.get("/health/ready", null).ok();
        assertEquals("UP", health.getString("status"));
        assertTrue(health.toString().contains("\"database\""), health.toString());
        assertEquals("UP", api.get("/health", null).ok().getString("status"));
    }

    @Test
    void openApiDescribesTheEndpoints_andMetricsAnswer() {
        Answer openapi = api.get("/openapi", null);
        assertEquals(200, openapi.status());
        assertTrue(openapi.body().contains("/api/auth/login"), openapi.body());
        assertTrue(openapi.body().contains("/api/users"));
        Answer metrics = api.get("/metrics", null);
        assertEquals(200, metrics.status());
    }

    @Test
    void theUiIsServedAtTheRoot() {
        Answer index = api.get("/", null);
        assertEquals(200, index.status());
        assertTrue(index.body().contains("Tandem"));
    }

    @Test
    void clockControlAnswers() {
        api.get("/api/test/clock", null).problem(401);
        JsonObject user = api.createUser(api.admin().access(), "clockless", "MANAGER");
        api.get("/api/test/clock", api.login(user.getString("username"), Api.PASSWORD).access()).problem(403);
        JsonObject clock = api.get("/api/test/clock", api.admin().access()).ok();
        assertEquals(0, clock.getInt("offset_seconds"));
        assertFalse(clock.getBoolean("frozen"));
        assertTrue(TestServer.log().contains("tandem.test.clock-control is ON"), "a warning at every start while it is on");
    }
}
