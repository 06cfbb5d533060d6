package io.tandem.platform.versioning;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The field-by-field difference between two states of an entity, both in their API (JSON) form. An empty
 * difference means the save changed nothing, and then the version does not move (seed 000's {@code dirty} rule).
 */
public final class FieldChanges {

    /** Bookkeeping that is not the user's data and never counts as a change. */
    static final Set<String> AUDIT_FIELDS = Set.of("id", "version", "created_at", "last_modified_at",
            "last_modified_by", "last_modified_by_id");

    public record Change(String field, JsonValue old, JsonValue now) {
    }

    private FieldChanges() {
    }

    public static List<Change> between(JsonObject before, JsonObject after) {
        Set<String> fields = new TreeSet<>(before.keySet());
        fields.addAll(after.keySet());
        fields.removeAll(AUDIT_FIELDS);
        List<Change> changes = new ArrayList<>();
        for (String field : fields) {
            JsonValue old = before.getOrDefault(field, JsonValue.NULL);
            JsonValue now = after.getOrDefault(field, JsonValue.NULL);
            if (!old.equals(now)) {
                changes.add(new Change(field, old, now));
            }
        }
        return changes;
    }

    public static JsonArray toJson(List<Change> changes) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (Change change : changes) {
            array.add(Json.createObjectBuilder().add("field", change.field()).add("old", change.old()).add("new", change.now()));
        }
        return array.build();
    }

    /** The user's data of an entity state: its JSON form without the bookkeeping fields. */
    public static JsonObject data(JsonObject state) {
        var data = Json.createObjectBuilder(state);
        AUDIT_FIELDS.forEach(data::remove);
        return data.build();
    }
}
