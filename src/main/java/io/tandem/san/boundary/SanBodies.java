package io.tandem.san.boundary;

import io.tandem.platform.json.Bodies;
import io.tandem.platform.problem.Problem;
import io.tandem.platform.problem.Require;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;

/** Reads seed 000's bulk bodies: {@code {project_id, zones|aliases: [...]}}. */
final class SanBodies {

    private SanBodies() {
    }

    static long projectId(JsonObject request) {
        Long projectId = Bodies.whole(request.get("project_id"), "project_id", 1, Long.MAX_VALUE);
        return Require.present("project_id", projectId);
    }

    /** The items, each given the request's project. */
    static List<JsonObject> items(JsonObject request, String collection, long projectId) {
        JsonValue value = request.get(collection);
        if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw Problem.badRequest(collection + " must be a list.").field(collection).toException();
        }
        List<JsonObject> items = new ArrayList<>();
        for (JsonValue item : value.asJsonArray()) {
            if (item.getValueType() != JsonValue.ValueType.OBJECT) {
                throw Problem.badRequest("Every item of " + collection + " must be an object.").field(collection).toException();
            }
            items.add(Json.createObjectBuilder(item.asJsonObject()).add("project_id", projectId).build());
        }
        if (items.size() > 1000) {
            throw Problem.of(413, "At most 1000 items can be saved at once.").field(collection).toException();
        }
        return items;
    }
}
