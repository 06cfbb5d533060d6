package io.tandem.platform.openapi;

import io.smallrye.openapi.runtime.io.Format;
import io.smallrye.openapi.runtime.io.OpenApiSerializer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonPatch;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The document {@link TandemOpenApi} builds, without a server (SmallRye implements the MicroProfile OpenAPI model
 * here; Payara does in the WAR, and {@code OpenApiIT} lints what it serves): it passes the lint, documents every
 * resource method of the WAR and nothing else, and the lint and the comparison do catch what they look for.
 */
class OpenApiTest {

    static String json;
    static JsonObject document;

    @BeforeAll
    static void build() throws IOException {
        json = OpenApiSerializer.serialize(new TandemOpenApi().buildModel(), Format.JSON);
        document = OpenApiLint.parse(json);
    }

    @Test
    void theDocumentPassesTheLint() {
        List<String> findings = OpenApiLint.lint(json);
        assertTrue(findings.isEmpty(), () -> findings.size() + " lint findings:\n" + String.join("\n", findings));
    }

    @Test
    void everyResourceMethodIsDocumented_andNothingThatDoesNotExist() {
        ResourceMethods methods = ResourceMethods.ofTheWar();
        assertTrue(methods.all().size() > 190, () -> "found only " + methods.all().size() + " resource methods");
        List<String> findings = methods.disagreementsWith(document);
        assertTrue(findings.isEmpty(), () -> String.join("\n", findings));
        assertTrue(methods.hidden().stream().anyMatch(m -> m.path().equals("/api/test/clock")), "the test clock is found, and hidden");
    }

    @Test
    void everyOperationNeedsABearerToken_exceptTheListedPublicOnes() {
        assertEquals("bearer", document.getJsonObject("components").getJsonObject("securitySchemes")
                .getJsonObject("bearer").getString("scheme"));
        JsonObject login = document.getJsonObject("paths").getJsonObject("/api/auth/login").getJsonObject("post");
        assertEquals("[{}]", login.getJsonArray("security").toString());
        JsonObject me = document.getJsonObject("paths").getJsonObject("/api/auth/me").getJsonObject("get");
        assertTrue(!me.containsKey("security") && document.getJsonArray("security").toString().equals("[{\"bearer\":[]}]"));
    }

    @Test
    void aVersionedCollectionHasItsSevenOperations_withVersionsAndMergePatch() {
        JsonObject item = document.getJsonObject("paths").getJsonObject("/api/san/zones/{id}");
        assertEquals(Set.of("get", "put", "patch", "delete"), item.keySet());
        assertTrue(item.getJsonObject("patch").getJsonObject("requestBody").getJsonObject("content").containsKey("application/merge-patch+json"));
        assertEquals(Set.of("200", "400", "401", "404", "409", "412", "413", "415", "428", "503", "default"),
                item.getJsonObject("put").getJsonObject("responses").keySet());
        assertTrue(item.getJsonObject("delete").toString().contains("\"If-Match\"") && item.getJsonObject("delete").toString().contains("\"version\""));
        assertTrue(document.getJsonObject("paths").getJsonObject("/api/san/zones").getJsonObject("get").toString().contains("\"project_id\""));
        assertTrue(document.getJsonObject("paths").containsKey("/api/san/zones/{id}/history"));
    }

    @Test
    void schemasAreSnakeCase_andTypedAsOnTheWire() {
        JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
        JsonObject customer = schemas.getJsonObject("Customer").getJsonObject("properties");
        assertEquals("int64", customer.getJsonObject("version").getString("format"));
        assertEquals("date-time", customer.getJsonObject("last_modified_at").getString("format"));
        assertTrue(customer.containsKey("contact_email") && customer.containsKey("last_modified_by_id"), customer::toString);
        assertTrue(schemas.getJsonObject("Customer").getJsonArray("required").toString().contains("\"last_modified_by\""));
        JsonObject phase = schemas.getJsonObject("ProjectPhaseFields").getJsonObject("properties");
        assertEquals("date", phase.getJsonObject("start_date").getString("format"));
        assertEquals("array", schemas.getJsonObject("ZoneFields").getJsonObject("properties").getJsonObject("members").getString("type"));
        assertTrue(schemas.getJsonObject("CustomerUpdate").getJsonObject("properties").containsKey("version"));
        assertTrue(schemas.getJsonObject("Problem").getJsonObject("properties").keySet().containsAll(List.of("type", "title",
                "status", "detail", "instance", "correlation_id", "field", "current_version", "changes_since")));
        assertTrue(!schemas.getJsonObject("UserView").toString().contains("password"), "no password in an answer");
    }

    @Test
    void theLintFindsWhatItLooksFor() {
        String login = "/paths/~1api~1auth~1login/post";
        Map<String, JsonPatch> broken = Map.ofEntries(
                Map.entry("operationId authMe is also used", Json.createPatchBuilder().replace(login + "/operationId", "authMe").build()),
                Map.entry("must be an object or list schema", Json.createPatchBuilder().replace(login
                        + "/requestBody/content/application~1json/schema", Json.createObjectBuilder().add("type", "string").build()).build()),
                Map.entry("path parameters in the path [id] but declared []", Json.createPatchBuilder()
                        .remove("/paths/~1api~1core~1customers~1{id}/get/parameters").build()),
                Map.entry("no 4xx problem response", Json.createPatchBuilder().remove("/paths/~1api~1auth~1me/get/responses/401").build()),
                Map.entry("unknown security scheme", Json.createPatchBuilder().replace("/security/0",
                        Json.createObjectBuilder().add("apiKey", Json.createArrayBuilder()).build()).build()),
                Map.entry("callable without a token, but not on the list", Json.createPatchBuilder().add("/paths/~1api~1auth~1me/get/security",
                        Json.createArrayBuilder().add(JsonValue.EMPTY_JSON_OBJECT).build()).build()),
                Map.entry("needs a token, but is on the list", Json.createPatchBuilder().remove(login + "/security").build()),
                Map.entry("needs content with a schema", Json.createPatchBuilder().remove("/paths/~1api~1auth~1me/get/responses/200/content").build()),
                Map.entry("is not snake_case", Json.createPatchBuilder().add("/components/schemas/Customer/properties/contactEmail",
                        Json.createObjectBuilder().add("type", "string").build()).build()),
                Map.entry("points at nothing", Json.createPatchBuilder().replace(login + "/responses/401/$ref", "#/components/responses/Nope").build()),
                Map.entry("nullable without a type", Json.createPatchBuilder().remove("/components/schemas/TimesheetsView/properties/payroll/type").build()),
                Map.entry("has no description", Json.createPatchBuilder().remove("/tags/0/description").build()),
                Map.entry("swagger-parser", Json.createPatchBuilder().add("/paths/~1api~1auth~1me/get/responses/200/bogus", 1).build()));
        broken.forEach((expected, patch) -> {
            List<String> findings = OpenApiLint.lint(patch.apply(document).toString());
            assertTrue(findings.stream().anyMatch(f -> f.contains(expected)), () -> "expected \"" + expected + "\" in " + findings);
        });
    }

    @Test
    void theComparisonFindsAMissingAndAMadeUpOperation() {
        JsonObject changed = Json.createPatchBuilder()
                .remove("/paths/~1api~1racks~1{rack_id}~1claim")
                .add("/paths/~1api~1racks~1{rack_id}~1polish", document.getJsonObject("paths").getJsonObject("/api/racks/{rack_id}/status"))
                .remove("/paths/~1api~1auth~1refresh/post/requestBody")
                .build().apply(document);
        List<String> findings = ResourceMethods.ofTheWar().disagreementsWith(changed);
        assertTrue(findings.stream().anyMatch(f -> f.startsWith("POST /api/racks/{rack_id}/claim (RacksResource.claim) is not documented")), findings::toString);
        assertTrue(findings.stream().anyMatch(f -> f.startsWith("GET /api/racks/{rack_id}/polish is documented but no resource")), findings::toString);
        assertTrue(findings.stream().anyMatch(f -> f.contains("AuthResource.refresh reads a body the document does not describe")), findings::toString);
    }
}
