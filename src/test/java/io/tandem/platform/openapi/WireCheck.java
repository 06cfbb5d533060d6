package io.tandem.platform.openapi;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Does a real answer look the way the document says? Finds the operation by method and path template, the
 * response by status (else {@code default}) and media type, and checks the body against its schema: every
 * required member there, no member the schema does not name (unless it allows more), JSON types, formats,
 * nullability and enums. This is what keeps the reflected schemas honest about what JSON-B really writes.
 */
public final class WireCheck {

    private final JsonObject document;
    private final List<String> findings = new ArrayList<>();

    private WireCheck(JsonObject document) {
        this.document = document;
    }

    /** What is wrong with this answer according to the document; empty when it conforms. */
    public static List<String> check(JsonObject document, String method, String path, int status, String contentType, String body) {
        WireCheck check = new WireCheck(document);
        check.answer(method.toUpperCase(), path.replaceFirst("\\?.*", ""), status, contentType, body);
        return check.findings;
    }

    private void answer(String method, String path, int status, String contentType, String body) {
        String where = method + " " + path + " → " + status;
        JsonObject operation = null;
        for (Map.Entry<String, JsonObject> entry : OpenApiLint.operations(document).entrySet()) {
            String[] key = entry.getKey().split(" ", 2);
            if (key[0].equals(method) && path.matches(key[1].replaceAll("\\{[^}]+}", "[^/]+"))) {
                operation = entry.getValue();
            }
        }
        if (operation == null) {
            findings.add(where + ": no such operation in the document");
            return;
        }
        JsonObject responses = operation.getJsonObject("responses");
        JsonValue response = responses.containsKey(Integer.toString(status)) ? responses.get(Integer.toString(status)) : responses.get("default");
        if (response == null) {
            findings.add(where + ": status not documented");
            return;
        }
        JsonObject content = resolve(response).asJsonObject().getJsonObject("content");
        String mediaType = contentType == null ? null : contentType.replaceFirst(";.*", "").trim();
        if (content == null) {
            if (body != null && !body.isEmpty()) {
                findings.add(where + ": documented without a body, answered " + body);
            }
            return;
        }
        if (!content.containsKey(mediaType)) {
            findings.add(where + ": answered " + mediaType + ", documented " + content.keySet());
            return;
        }
        try (var reader = Json.createReader(new StringReader(body))) {
            conforms(where, content.getJsonObject(mediaType).get("schema"), reader.readValue());
        }
    }

    private void conforms(String where, JsonValue schemaValue, JsonValue value) {
        JsonObject schema = resolve(schemaValue).asJsonObject();
        if (schema.containsKey("allOf")) {
            if (value.getValueType() == JsonValue.ValueType.NULL) {
                nullable(where, schema);
                return;
            }
            schema.getJsonArray("allOf").forEach(part -> conforms(where, part, value));
        }
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            if (schema.containsKey("type")) {
                nullable(where, schema);
            }
            return;
        }
        if (schema.containsKey("enum") && !schema.getJsonArray("enum").contains(value)) {
            findings.add(where + ": " + value + " is not one of " + schema.getJsonArray("enum"));
        }
        String type = schema.getString("type", "");
        String format = schema.getString("format", "");
        switch (type) {
            case "object" -> object(where, schema, value);
            case "array" -> {
                if (value.getValueType() != JsonValue.ValueType.ARRAY) {
                    findings.add(where + ": expected a list, got " + value);
                } else {
                    for (int i = 0; i < value.asJsonArray().size(); i++) {
                        conforms(where + "[" + i + "]", schema.get("items"), value.asJsonArray().get(i));
                    }
                }
            }
            case "integer" -> {
                if (!(value instanceof JsonNumber number) || !number.isIntegral()
                        || (format.equals("int32") && (number.longValue() != number.intValue()))) {
                    findings.add(where + ": expected an integer " + format + ", got " + value);
                }
            }
            case "number" -> {
                if (!(value instanceof JsonNumber)) {
                    findings.add(where + ": expected a number, got " + value);
                }
            }
            case "boolean" -> {
                if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
                    findings.add(where + ": expected true or false, got " + value);
                }
            }
            case "string" -> string(where, format, value);
            default -> {
                // no type: any JSON value
            }
        }
    }

    private void object(String where, JsonObject schema, JsonValue value) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            findings.add(where + ": expected an object, got " + value);
            return;
        }
        JsonObject object = value.asJsonObject();
        JsonObject properties = schema.getJsonObject("properties");
        if (schema.containsKey("required")) {
            schema.getJsonArray("required").getValuesAs(JsonString.class).forEach(required -> {
                if (!object.containsKey(required.getString())) {
                    findings.add(where + ": required member " + required.getString() + " is missing from " + object.keySet());
                }
            });
        }
        JsonValue additional = schema.get("additionalProperties");
        object.forEach((member, memberValue) -> {
            if (properties != null && properties.containsKey(member)) {
                conforms(where + "." + member, properties.get(member), memberValue);
            } else if (additional instanceof JsonObject additionalSchema) {
                conforms(where + "." + member, additionalSchema, memberValue);
            } else if (additional != JsonValue.TRUE && properties != null) {
                findings.add(where + ": member " + member + " is not in the schema " + properties.keySet());
            }
        });
    }

    private void string(String where, String format, JsonValue value) {
        if (!(value instanceof JsonString text)) {
            findings.add(where + ": expected a string, got " + value);
            return;
        }
        try {
            if (format.equals("date")) {
                LocalDate.parse(text.getString());
            } else if (format.equals("date-time")) {
                OffsetDateTime.parse(text.getString());
            }
        } catch (DateTimeParseException wrong) {
            findings.add(where + ": " + text + " is not a " + format);
        }
    }

    private void nullable(String where, JsonObject schema) {
        if (!schema.getBoolean("nullable", false)) {
            findings.add(where + ": null, but the schema is not nullable");
        }
    }

    private JsonValue resolve(JsonValue value) {
        if (value instanceof JsonObject object && object.get("$ref") instanceof JsonString ref) {
            return resolve(Json.createPointer(ref.getString().substring(1)).getValue((JsonStructure) document));
        }
        return value;
    }
}
