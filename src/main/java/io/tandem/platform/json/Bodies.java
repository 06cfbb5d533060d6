package io.tandem.platform.json;

import io.tandem.platform.problem.Problem;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Set;

/**
 * Reads a request body into a record, strictly: the body must be a JSON object, and a whole-number field must get
 * a whole number (JSON-B would silently turn {@code 1.5} into {@code 1}). Problems are 400s naming the field.
 */
public final class Bodies {

    private static final Set<Class<?>> WHOLE_NUMBERS = Set.of(int.class, Integer.class, long.class, Long.class,
            short.class, Short.class);

    private Bodies() {
    }

    public static JsonObject parse(String body) {
        if (body == null || body.isBlank()) {
            throw Problem.badRequest("A JSON body is required.").toException();
        }
        try (var reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw Problem.badRequest("The body must be a JSON object.").toException();
            }
            return value.asJsonObject();
        } catch (JsonException invalid) {
            throw Problem.badRequest("The request body is not valid JSON.").toException();
        }
    }

    public static <T> T read(String body, Class<T> type) {
        return read(parse(body), type);
    }

    public static <T> T read(JsonObject json, Class<T> type) {
        requireWholeNumbers(json, type);
        return JsonConfig.JSONB.fromJson(json.toString(), type);
    }

    private static void requireWholeNumbers(JsonObject json, Class<?> type) {
        if (!type.isRecord()) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            String field = snakeCase(component.getName());
            JsonValue value = json.get(field);
            if (value == null) {
                continue;
            }
            if (WHOLE_NUMBERS.contains(component.getType()) && value instanceof JsonNumber number && !number.isIntegral()) {
                throw Problem.badRequest(field + " must be a whole number.").field(field).toException();
            }
            if (component.getType().isRecord() && value.getValueType() == JsonValue.ValueType.OBJECT) {
                requireWholeNumbers(value.asJsonObject(), component.getType());
            }
            Class<?> element = listElement(component.getGenericType());
            if (element != null && value.getValueType() == JsonValue.ValueType.ARRAY) {
                for (JsonValue item : value.asJsonArray()) {
                    if (item.getValueType() == JsonValue.ValueType.OBJECT) {
                        requireWholeNumbers(item.asJsonObject(), element);
                    } else if (WHOLE_NUMBERS.contains(element) && item instanceof JsonNumber number && !number.isIntegral()) {
                        throw Problem.badRequest(field + " must hold whole numbers.").field(field).toException();
                    }
                }
            }
        }
    }

    private static Class<?> listElement(Type type) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return null;
    }

    private static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }
}
