package io.tandem.platform.json;

import io.tandem.platform.problem.Problem;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a request body into a record, strictly and in one place: each snake_case member must have exactly the
 * JSON type of its component. No coercion ({@code "12"} is not a number, {@code true} is not a string), whole
 * numbers must be whole and fit their type, dates must be real dates the database can store, list items must not
 * be null. Every problem is a 400 naming the field ({@code lines[2].quantity}). Members the record does not have
 * are ignored, so a client may send back what it read. The body itself was already checked by {@link StrictJson}.
 */
public final class Bodies {

    /** What MySQL's DATE and DATETIME columns hold (MariaDB and H2 hold more). */
    private static final LocalDate EARLIEST = LocalDate.of(1000, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);
    private static final Map<Class<?>, Long[]> WHOLE = Map.of(
            int.class, new Long[]{(long) Integer.MIN_VALUE, (long) Integer.MAX_VALUE},
            Integer.class, new Long[]{(long) Integer.MIN_VALUE, (long) Integer.MAX_VALUE},
            long.class, new Long[]{Long.MIN_VALUE, Long.MAX_VALUE},
            Long.class, new Long[]{Long.MIN_VALUE, Long.MAX_VALUE},
            short.class, new Long[]{(long) Short.MIN_VALUE, (long) Short.MAX_VALUE},
            Short.class, new Long[]{(long) Short.MIN_VALUE, (long) Short.MAX_VALUE});

    private Bodies() {
    }

    /** The body as a JSON object; a 400 problem for anything else. */
    public static JsonObject parse(String body) {
        if (body == null || body.isBlank()) {
            throw Problem.badRequest("A JSON body is required.").toException();
        }
        JsonValue value = StrictJson.parse(body);
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw Problem.badRequest("The body must be a JSON object.").toException();
        }
        return value.asJsonObject();
    }

    /** Any JSON value (bodies that are lists); a 400 problem when there is none. */
    public static JsonValue parseAny(String body) {
        if (body == null || body.isBlank()) {
            throw Problem.badRequest("A JSON body is required.").toException();
        }
        return StrictJson.parse(body);
    }

    /** A member that must be a whole number within bounds; null when absent or JSON null. */
    public static Long whole(JsonValue value, String field, long min, long max) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        String expected = "must be a whole number from " + min + " to " + max;
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            throw wrong(field, expected);
        }
        BigInteger exact = number.bigIntegerValue();
        if (exact.compareTo(BigInteger.valueOf(min)) < 0 || exact.compareTo(BigInteger.valueOf(max)) > 0) {
            throw wrong(field, expected);
        }
        return exact.longValueExact();
    }

    public static <T> T read(String body, Class<T> type) {
        return read(parse(body), type);
    }

    public static <T> T read(JsonObject json, Class<T> type) {
        return type.cast(record(json, type, ""));
    }

    private static Object record(JsonObject json, Class<?> type, String path) {
        if (!type.isRecord()) {
            throw new IllegalStateException(type + " is not a record; bodies are read into records");
        }
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            String field = path + snakeCase(component.getName());
            types[i] = component.getType();
            values[i] = value(json.get(snakeCase(component.getName())), component.getGenericType(), field);
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (InvocationTargetException failed) {
            if (failed.getCause() instanceof RuntimeException rule) {
                throw rule;
            }
            throw new IllegalStateException(failed.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot construct " + type, e);
        }
    }

    /** The Java value of one member; null (absent or JSON null) stays null for reference types. */
    private static Object value(JsonValue json, Type type, String field) {
        Class<?> raw = rawType(type);
        if (json == null || json.getValueType() == JsonValue.ValueType.NULL) {
            if (raw.isPrimitive()) {
                throw wrong(field, "is required");
            }
            return raw == JsonValue.class ? JsonValue.NULL : null;
        }
        if (raw == JsonValue.class) {
            return json;
        }
        if (raw == JsonObject.class) {
            return expect(json, JsonValue.ValueType.OBJECT, field, "must be an object").asJsonObject();
        }
        if (raw == String.class) {
            return ((JsonString) expect(json, JsonValue.ValueType.STRING, field, "must be a string")).getString();
        }
        if (raw == boolean.class || raw == Boolean.class) {
            if (json != JsonValue.TRUE && json != JsonValue.FALSE) {
                throw wrong(field, "must be true or false");
            }
            return json == JsonValue.TRUE;
        }
        if (WHOLE.containsKey(raw)) {
            return whole(json, raw, field);
        }
        if (raw == BigDecimal.class) {
            return ((JsonNumber) expect(json, JsonValue.ValueType.NUMBER, field, "must be a number")).bigDecimalValue();
        }
        if (raw == LocalDate.class) {
            return date(json, field);
        }
        if (raw == Instant.class) {
            return instant(json, field);
        }
        if (raw.isEnum()) {
            return constant(json, raw, field);
        }
        if (raw == List.class || raw == Set.class) {
            return collection(json, type, raw, field);
        }
        if (raw == Map.class) {
            return map(json, type, field);
        }
        if (raw.isRecord()) {
            return record(expect(json, JsonValue.ValueType.OBJECT, field, "must be an object").asJsonObject(),
                    raw, field + ".");
        }
        throw new IllegalStateException("Bodies cannot read " + type + " (field " + field + ")");
    }

    private static Object whole(JsonValue json, Class<?> raw, String field) {
        Long[] range = WHOLE.get(raw);
        String expected = "must be a whole number from " + range[0] + " to " + range[1];
        if (!(json instanceof JsonNumber number) || !number.isIntegral()) {
            throw wrong(field, expected);
        }
        BigInteger value = number.bigIntegerValue();
        if (value.compareTo(BigInteger.valueOf(range[0])) < 0 || value.compareTo(BigInteger.valueOf(range[1])) > 0) {
            throw wrong(field, expected);
        }
        long exact = value.longValueExact();
        if (raw == int.class || raw == Integer.class) {
            return (int) exact;
        }
        if (raw == short.class || raw == Short.class) {
            return (short) exact;
        }
        return exact;
    }

    private static LocalDate date(JsonValue json, String field) {
        String expected = "must be a date written YYYY-MM-DD, from " + EARLIEST + " to " + LATEST;
        String text = ((JsonString) expect(json, JsonValue.ValueType.STRING, field, expected)).getString();
        try {
            LocalDate date = text.length() == 10 ? LocalDate.parse(text) : null;
            if (date == null || date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
                throw wrong(field, expected);
            }
            return date;
        } catch (DateTimeParseException notADate) {
            throw wrong(field, expected);
        }
    }

    private static Instant instant(JsonValue json, String field) {
        String expected = "must be an ISO-8601 time with a zone, e.g. 2026-01-31T09:30:00Z, in the years 1000 to 9999";
        String text = ((JsonString) expect(json, JsonValue.ValueType.STRING, field, expected)).getString();
        try {
            Instant instant = java.time.OffsetDateTime.parse(text).toInstant();
            LocalDateTime utc = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
            if (utc.toLocalDate().isBefore(EARLIEST) || utc.toLocalDate().isAfter(LATEST)) {
                throw wrong(field, expected);
            }
            return instant;
        } catch (DateTimeParseException notATime) {
            throw wrong(field, expected);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object constant(JsonValue json, Class<?> raw, String field) {
        String text = ((JsonString) expect(json, JsonValue.ValueType.STRING, field, "must be a string")).getString();
        for (Object constant : raw.getEnumConstants()) {
            if (((Enum) constant).name().equals(text)) {
                return constant;
            }
        }
        throw wrong(field, "must be one of " + List.of(raw.getEnumConstants()));
    }

    private static Object collection(JsonValue json, Type type, Class<?> raw, String field) {
        Type element = typeArgument(type, 0);
        List<Object> items = new ArrayList<>();
        int index = 0;
        for (JsonValue item : expect(json, JsonValue.ValueType.ARRAY, field, "must be a list").asJsonArray()) {
            String itemField = field + "[" + index++ + "]";
            if (item.getValueType() == JsonValue.ValueType.NULL) {
                throw wrong(itemField, "must not be null");
            }
            items.add(value(item, element, itemField));
        }
        return raw == Set.class ? new LinkedHashSet<>(items) : items;
    }

    private static Object map(JsonValue json, Type type, String field) {
        Type element = typeArgument(type, 1);
        Map<String, Object> entries = new LinkedHashMap<>();
        for (var entry : expect(json, JsonValue.ValueType.OBJECT, field, "must be an object").asJsonObject().entrySet()) {
            String entryField = field + "." + entry.getKey();
            if (entry.getValue().getValueType() == JsonValue.ValueType.NULL) {
                throw wrong(entryField, "must not be null");
            }
            entries.put(entry.getKey(), value(entry.getValue(), element, entryField));
        }
        return entries;
    }

    private static JsonValue expect(JsonValue json, JsonValue.ValueType kind, String field, String expected) {
        if (json.getValueType() != kind) {
            throw wrong(field, expected);
        }
        return json;
    }

    private static RuntimeException wrong(String field, String expected) {
        return Problem.badRequest(field + " " + expected + ".").field(field).toException();
    }

    private static Class<?> rawType(Type type) {
        if (type instanceof Class<?> plain) {
            return plain;
        }
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
            return raw;
        }
        throw new IllegalStateException("Bodies cannot read " + type);
    }

    private static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType parameterized) {
            return parameterized.getActualTypeArguments()[index];
        }
        throw new IllegalStateException("Bodies needs the element type of " + type);
    }

    static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }
}
