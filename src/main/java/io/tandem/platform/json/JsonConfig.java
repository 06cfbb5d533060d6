package io.tandem.platform.json;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.json.bind.config.PropertyOrderStrategy;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

import java.io.StringReader;

/**
 * The one JSON configuration: snake_case on the wire (the seeds' contract), nulls written out (the seeds show
 * {@code "id": null}), {@link java.time.Instant} as ISO-8601 UTC. JAX-RS and the error writers both use it.
 */
@Provider
public class JsonConfig implements ContextResolver<Jsonb> {

    public static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
            .withPropertyOrderStrategy(PropertyOrderStrategy.ANY)
            .withNullValues(true));

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }

    /** Any value as a JSON-P value, through the same naming rules as the API. */
    public static JsonValue toJsonValue(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof JsonValue json) {
            return json;
        }
        try (var reader = Json.createReader(new StringReader(JSONB.toJson(value)))) {
            return reader.readValue();
        }
    }
}
