package io.tandem.platform;

import io.tandem.it.Api;
import io.tandem.it.Api.Answer;
import io.tandem.it.TestServer;
import io.tandem.platform.openapi.OpenApiLint;
import io.tandem.platform.openapi.ResourceMethods;
import io.tandem.platform.openapi.WireCheck;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The document the deployed WAR serves at {@code GET /openapi}: it passes the lint (the build fails on a finding),
 * names exactly the WAR's resource methods, the platform endpoints it lists answer, and real answers — successes
 * and problems — look the way its schemas say.
 */
class OpenApiIT {

    static Api api;
    static String json;
    static JsonObject document;

    /** Fetches the document, and keeps a copy in target/openapi.json to generate a client from. */
    @BeforeAll
    static void fetch() throws IOException {
        api = new Api(TestServer.url());
        Answer served = api.send("GET", "/openapi", null, null, null, "Accept", "application/json");
        assertEquals(200, served.status(), served.body());
        json = served.body();
        document = OpenApiLint.parse(json);
        Files.writeString(Path.of("target", "openapi.json"), json);
    }

    @Test
    void theServedDocumentPassesTheLint() {
        List<String> findings = OpenApiLint.lint(json);
        assertTrue(findings.isEmpty(), () -> findings.size() + " lint findings:\n" + String.join("\n", findings));
        assertTrue(OpenApiLint.operations(document).size() > 195, () -> OpenApiLint.operations(document).size() + " operations");
    }

    @Test
    void theServedDocumentNamesExactlyTheResourceMethods() {
        List<String> findings = ResourceMethods.ofTheWar().disagreementsWith(document);
        assertTrue(findings.isEmpty(), () -> String.join("\n", findings));
    }

    @Test
    void thePlatformEndpointsItDocumentsAnswer() {
        document.getJsonObject("paths").keySet().stream().filter(path -> !path.startsWith("/api/")).forEach(path ->
                assertEquals(200, api.get(path, null).status(), path));
    }

    @Test
    void realAnswersLookLikeTheirSchemas() {
        List<String> findings = new ArrayList<>();
        Api.Tokens admin = api.admin();
        String token = admin.access();
        wire(findings, "POST", "/api/auth/login", null, "application/json", Json.createObjectBuilder()
                .add("username", "admin").add("password", "wrong").build().toString());
        wire(findings, "GET", "/api/auth/me", token, null, null);
        wire(findings, "GET", "/api/auth/me", null, null, null);
        Answer created = wire(findings, "POST", "/api/core/customers", token, "application/json",
                "{\"name\": \"Wire check\", \"contact_email\": null}");
        long id = created.json().getJsonNumber("id").longValue();
        String one = "/api/core/customers/" + id;
        wire(findings, "GET", one, token, null, null);
        wire(findings, "PATCH", one, token, "application/merge-patch+json", "{\"notes\": \"first\", \"version\": 1}");
        wire(findings, "PUT", one, token, "application/json", "{\"name\": \"Stale\", \"version\": 1}");
        wire(findings, "GET", one + "/history", token, null, null);
        wire(findings, "GET", "/api/core/customers?size=2&sort=-last_modified_at&q=wire", token, null, null);
        wire(findings, "GET", "/api/core/customers?sort=nope", token, null, null);
        wire(findings, "GET", "/api/admin/conflicts", token, null, null);
        wire(findings, "POST", "/api/core/heartbeat", token, null, null);
        wire(findings, "GET", "/api/core/active-users", null, null, null);
        wire(findings, "GET", "/api/users?size=3", token, null, null);
        wire(findings, "GET", "/api/users/" + admin.user().getJsonNumber("id").longValue(), token, null, null);
        wire(findings, "POST", "/api/events/ticket", token, null, null);
        wire(findings, "GET", "/api/racks/floors", token, null, null);
        wire(findings, "DELETE", one + "?version=2", token, null, null);
        wire(findings, "GET", one, token, null, null);
        wire(findings, "GET", "/health/ready", null, null, null);
        assertTrue(findings.isEmpty(), () -> String.join("\n", findings));
    }

    /** A generated client asks only for problem+json where the success is a bodiless 204; that must still work. */
    @Test
    void aCallThatAcceptsOnlyProblems_stillSucceedsWhereTheSuccessHasNoBody() {
        String token = api.admin().access();
        long id = api.post("/api/core/customers", token, Json.createObjectBuilder().add("name", "Accept check").build())
                .json().getJsonNumber("id").longValue();
        Answer deleted = api.send("DELETE", "/api/core/customers/" + id + "?version=1", token, null, null,
                "Accept", "application/problem+json");
        assertEquals(204, deleted.status(), deleted.body());
        Answer missing = api.send("DELETE", "/api/core/customers/" + id + "?version=1", token, null, null,
                "Accept", "application/problem+json");
        missing.problem(404);
        assertEquals(204, api.send("POST", "/api/auth/logout", token, null, null, "Accept", "application/problem+json").status());
    }

    private static Answer wire(List<String> findings, String method, String path, String token, String contentType, String body) {
        Answer answer = api.send(method, path, token, contentType, body);
        findings.addAll(WireCheck.check(document, method, path, answer.status(), answer.header("Content-Type").orElse(null), answer.body()));
        return answer;
    }
}
