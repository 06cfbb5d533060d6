package io.tandem.portfolio.boundary;

import io.tandem.platform.versioning.VersionedResource;
import io.tandem.portfolio.entity.ResourceAssignment;
import io.tandem.portfolio.entity.PlannedProject;
import io.tandem.portfolio.entity.PlanningResource;
import io.tandem.platform.json.Bodies;
import io.tandem.platform.problem.Problem;
import io.tandem.platform.versioning.BulkSave;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import java.util.ArrayList;
import java.util.List;

/** {@code /api/portfolio/resource-assignments}: versioned resource assignments, and their bulk update. */
@Path("portfolio/resource-assignments")
public class ResourceAssignmentResource extends VersionedResource<ResourceAssignment, ResourceAssignment.Fields> {

    @Inject
    BulkSave bulk;

    /**
     * The planner calendar's drag-and-drop saves: each update validated and version-checked on its own
     * (seed 004, requirement 7). Partial success, never all-or-nothing:
     * {@code {succeeded: [{id, version}], failed: [{id, error, current_state}]}}.
     */
    @POST
    @Path("bulk")
    public JsonObject bulk(String body) {
        List<JsonObject> updates = updatesIn(body);
        List<JsonObject> withIds = new ArrayList<>();
        JsonArrayBuilder failed = Json.createArrayBuilder();
        for (JsonObject update : updates) {
            if (update.get("id") == null || update.get("id") == JsonValue.NULL) {
                failed.add(Json.createObjectBuilder().add("id", JsonValue.NULL)
                        .add("error", "id is required: this endpoint updates existing assignments.").addNull("current_state"));
            } else {
                withIds.add(update);
            }
        }
        BulkSave.Outcome<ResourceAssignment> outcome = bulk.save(ResourceAssignment.class, "id", withIds,
                ResourceAssignment.Fields.class, this::create, this::apply);
        JsonArrayBuilder succeeded = Json.createArrayBuilder();
        outcome.saved().forEach(saved -> succeeded.add(Json.createObjectBuilder()
                .add("id", saved.getId()).add("version", saved.getVersion())));
        for (BulkSave.Failure failure : outcome.failures()) {
            Object current = failure.currentState();
            failed.add(Json.createObjectBuilder()
                    .add("id", failure.id())
                    .add("error", failure.conflict() ? "conflict" : String.valueOf(failure.problem().detail()))
                    .add("current_state", current instanceof JsonValue json ? json : JsonValue.NULL));
        }
        return Json.createObjectBuilder().add("succeeded", succeeded).add("failed", failed).build();
    }

    private static List<JsonObject> updatesIn(String body) {
        JsonValue parsed = Bodies.parseAny(body);
        JsonArray list = parsed.getValueType() == JsonValue.ValueType.ARRAY ? parsed.asJsonArray()
                : parsed.getValueType() == JsonValue.ValueType.OBJECT && parsed.asJsonObject().get("updates") instanceof JsonArray array
                ? array : null;
        if (list == null || list.stream().anyMatch(item -> item.getValueType() != JsonValue.ValueType.OBJECT)) {
            throw Problem.badRequest("Send a list of updates, or {\"updates\": [...]}, each an object.").field("updates").toException();
        }
        if (list.size() > 1000) {
            throw Problem.of(413, "At most 1000 updates at once.").field("updates").toException();
        }
        return list.getValuesAs(JsonObject.class);
    }

    @Override
    protected Class<ResourceAssignment> entityType() {
        return ResourceAssignment.class;
    }

    @Override
    protected Class<ResourceAssignment.Fields> fieldsType() {
        return ResourceAssignment.Fields.class;
    }

    @Override
    public ResourceAssignment create(ResourceAssignment.Fields fields) {
        references(fields);
        return new ResourceAssignment(fields);
    }

    @Override
    public void apply(ResourceAssignment entity, ResourceAssignment.Fields fields) {
        references(fields);
        entity.apply(fields);
    }

    private void references(ResourceAssignment.Fields fields) {
        store.reference(PlanningResource.class, fields.resourceId(), "resource_id");
        store.reference(PlannedProject.class, fields.projectId(), "project_id");
    }
}
