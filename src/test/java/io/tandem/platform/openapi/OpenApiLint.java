package io.tandem.platform.openapi;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lints an OpenAPI document: swagger-parser's validation against the OpenAPI 3.0 specification, then Tandem's own
 * rules, which make the document usable for a generated client: unique operation ids, every path parameter
 * declared, typed request bodies, a success with a schema, problem+json for the errors, security on every
 * operation, snake_case members. Each finding is one line naming where it is; a clean document has none.
 */
public final class OpenApiLint {

    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}/]+)}");
    private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");
    /** The operations a client may call without a token (the stream also takes a ticket); no other may. */
    static final Set<String> WITHOUT_TOKEN = Set.of("POST /api/auth/login", "POST /api/auth/refresh",
            "GET /api/core/active-users", "GET /api/events", "GET /health", "GET /health/ready", "GET /health/live",
            "GET /metrics", "GET /openapi");

    private final JsonObject document;
    private final List<String> findings = new ArrayList<>();

    private OpenApiLint(JsonObject document) {
        this.document = document;
    }

    /** Every finding in the document (JSON); none for a clean one. */
    public static List<String> lint(String json) {
        ParseOptions options = new ParseOptions();
        options.setValidateInternalRefs(true);
        var parsed = new OpenAPIV3Parser().readContents(json, null, options);
        OpenApiLint lint = new OpenApiLint(parse(json));
        if (parsed.getMessages() != null) {
            parsed.getMessages().forEach(message -> lint.findings.add("swagger-parser: " + message));
        }
        lint.check();
        return lint.findings;
    }

    public static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    /** Each operation of the document as "METHOD path" with its JSON. */
    public static Map<String, JsonObject> operations(JsonObject document) {
        Map<String, JsonObject> operations = new java.util.TreeMap<>();
        document.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().forEach((method, operation) -> {
            if (METHODS.contains(method)) {
                operations.put(method.toUpperCase() + " " + path, operation.asJsonObject());
            }
        }));
        return operations;
    }

    private void check() {
        if (!document.getString("openapi", "").startsWith("3.0.")) {
            findings.add("openapi: expected 3.0.x, got " + document.get("openapi"));
        }
        checkReferences(document, "#");
        Set<String> schemes = document.containsKey("components") && document.getJsonObject("components").containsKey("securitySchemes")
                ? document.getJsonObject("components").getJsonObject("securitySchemes").keySet() : Set.of();
        if (schemes.isEmpty()) {
            findings.add("components.securitySchemes: none declared");
        }
        checkSecurity("security (global)", document.get("security"), schemes);
        Set<String> tags = new TreeSet<>();
        document.getJsonArray("tags").forEach(tag -> {
            tags.add(tag.asJsonObject().getString("name"));
            if (tag.asJsonObject().getString("description", "").isBlank()) {
                findings.add("tags: " + tag.asJsonObject().getString("name") + " has no description");
            }
        });
        Map<String, String> operationIds = new HashMap<>();
        operations(document).forEach((where, operation) -> {
            String id = operation.getString("operationId", null);
            if (id == null) {
                findings.add(where + ": no operationId");
            } else if (operationIds.putIfAbsent(id, where) != null) {
                findings.add(where + ": operationId " + id + " is also used by " + operationIds.get(id));
            }
            if (!operation.containsKey("tags") || operation.getJsonArray("tags").size() != 1
                    || !tags.contains(operation.getJsonArray("tags").getString(0))) {
                findings.add(where + ": needs exactly one tag declared in the document's tags");
            }
            if (operation.containsKey("security")) {
                checkSecurity(where + " security", operation.get("security"), schemes);
            }
            JsonValue security = operation.containsKey("security") ? operation.get("security") : document.get("security");
            boolean withoutToken = security instanceof jakarta.json.JsonArray list
                    && (list.isEmpty() || list.contains(JsonValue.EMPTY_JSON_OBJECT));
            if (withoutToken != WITHOUT_TOKEN.contains(where)) {
                findings.add(where + (withoutToken ? ": callable without a token, but not on the list of public operations"
                        : ": needs a token, but is on the list of public operations"));
            }
            checkParameters(where, operation);
            checkBody(where, operation);
            checkResponses(where, operation);
        });
        checkMemberNames();
    }

    private void checkSecurity(String where, JsonValue security, Set<String> schemes) {
        if (security == null || security.getValueType() != JsonValue.ValueType.ARRAY || security.asJsonArray().isEmpty()) {
            findings.add(where + ": must be a list of security requirements");
            return;
        }
        security.asJsonArray().forEach(requirement -> requirement.asJsonObject().keySet().forEach(scheme -> {
            if (!schemes.contains(scheme)) {
                findings.add(where + ": unknown security scheme " + scheme);
            }
        }));
    }

    private void checkParameters(String where, JsonObject operation) {
        Set<String> inTemplate = new TreeSet<>();
        Matcher matcher = TEMPLATE.matcher(where.substring(where.indexOf(' ') + 1));
        while (matcher.find()) {
            inTemplate.add(matcher.group(1));
        }
        Set<String> declared = new TreeSet<>();
        for (JsonValue value : operation.getJsonArray("parameters") == null ? List.<JsonValue>of() : operation.getJsonArray("parameters")) {
            JsonObject parameter = resolve(value).asJsonObject();
            if (!parameter.containsKey("schema")) {
                findings.add(where + ": parameter " + parameter.getString("name") + " has no schema");
            }
            if ("path".equals(parameter.getString("in"))) {
                declared.add(parameter.getString("name"));
                if (!parameter.getBoolean("required", false)) {
                    findings.add(where + ": path parameter " + parameter.getString("name") + " must be required");
                }
            }
        }
        if (!inTemplate.equals(declared)) {
            findings.add(where + ": path parameters in the path " + inTemplate + " but declared " + declared);
        }
    }

    private void checkBody(String where, JsonObject operation) {
        if (!operation.containsKey("requestBody")) {
            return;
        }
        JsonObject content = resolve(operation.getJsonObject("requestBody")).asJsonObject().getJsonObject("content");
        if (content == null || content.isEmpty()) {
            findings.add(where + ": request body without content");
            return;
        }
        content.forEach((mediaType, media) -> {
            JsonObject schema = media.asJsonObject().getJsonObject("schema");
            if (isJson(mediaType) && (schema == null || !(schema.containsKey("$ref")
                    || "object".equals(schema.getString("type", null)) || "array".equals(schema.getString("type", null))))) {
                findings.add(where + ": request body " + mediaType + " must be an object or list schema, not " + schema);
            }
        });
    }

    private void checkResponses(String where, JsonObject operation) {
        JsonObject responses = operation.getJsonObject("responses");
        boolean success = false;
        boolean problem4xx = false;
        for (var entry : responses.entrySet()) {
            String status = entry.getKey();
            JsonObject response = resolve(entry.getValue()).asJsonObject();
            JsonObject content = response.getJsonObject("content");
            if (status.startsWith("2")) {
                success = true;
                boolean typed = content != null && !content.isEmpty() && content.values().stream()
                        .allMatch(media -> media.asJsonObject().containsKey("schema"));
                if (status.equals("204") == typed) {
                    findings.add(where + ": " + status + (typed ? " must have no body" : " needs content with a schema"));
                }
            } else if (status.startsWith("4") || status.startsWith("5") || status.equals("default")) {
                boolean isProblem = content != null && content.containsKey("application/problem+json")
                        && "#/components/schemas/Problem".equals(content.getJsonObject("application/problem+json")
                        .getJsonObject("schema").getString("$ref", null));
                problem4xx |= isProblem && status.startsWith("4");
                if (!isProblem && where.contains(" /api/")) {
                    findings.add(where + ": " + status + " must be application/problem+json with the Problem schema");
                }
            }
        }
        if (!success) {
            findings.add(where + ": no 2xx response");
        }
        if (!problem4xx && where.contains(" /api/")) {
            findings.add(where + ": no 4xx problem response");
        }
    }

    /** Every member name of every schema is snake_case, as JSON-B and Bodies write and read them. */
    private void checkMemberNames() {
        JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
        schemas.forEach((name, schema) -> walkProperties("components.schemas." + name, schema));
    }

    private void walkProperties(String where, JsonValue schema) {
        if (schema.getValueType() != JsonValue.ValueType.OBJECT) {
            return;
        }
        JsonObject object = schema.asJsonObject();
        if (object.containsKey("properties")) {
            object.getJsonObject("properties").forEach((member, memberSchema) -> {
                if (!SNAKE_CASE.matcher(member).matches()) {
                    findings.add(where + ": member " + member + " is not snake_case");
                }
                walkProperties(where + "." + member, memberSchema);
            });
        }
        for (String nested : List.of("items", "additionalProperties")) {
            if (object.containsKey(nested)) {
                walkProperties(where + "." + nested, object.get(nested));
            }
        }
    }

    /** Every $ref points at something in this document; {@code nullable} stands next to a {@code type} (OAS 3.0.3). */
    private void checkReferences(JsonValue value, String where) {
        if (value instanceof JsonObject object) {
            if (object.get("$ref") instanceof JsonString ref && pointer(ref.getString()) == null) {
                findings.add(where + ": $ref " + ref.getString() + " points at nothing");
            }
            if (object.containsKey("nullable") && !object.containsKey("type")) {
                findings.add(where + ": nullable without a type has no effect");
            }
            object.forEach((key, child) -> checkReferences(child, where + "/" + key));
        } else if (value.getValueType() == JsonValue.ValueType.ARRAY) {
            for (int i = 0; i < value.asJsonArray().size(); i++) {
                checkReferences(value.asJsonArray().get(i), where + "/" + i);
            }
        }
    }

    private JsonValue resolve(JsonValue value) {
        if (value instanceof JsonObject object && object.get("$ref") instanceof JsonString ref) {
            JsonValue target = pointer(ref.getString());
            return target == null ? JsonValue.EMPTY_JSON_OBJECT : target;
        }
        return value;
    }

    private JsonValue pointer(String ref) {
        if (!ref.startsWith("#/")) {
            return null;
        }
        try {
            return Json.createPointer(ref.substring(1)).getValue((JsonStructure) document);
        } catch (jakarta.json.JsonException missing) {
            return null;
        }
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }
}
