package io.tandem.portfolio;

import io.tandem.it.Api;
import io.tandem.it.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seed 004's planner entities: every one versioned the same way, and the calendar's bulk update. */
class PortfolioIT {

    final URL base = TestServer.url();

    Api api;
    String planner;
    String other;
    String manager;

    @BeforeEach
    void setUp() {
        api = new Api(base);
        String admin = api.admin().access();
        planner = api.login(api.createUser(admin, "planner", "USER").getString("username"), Api.PASSWORD).access();
        other = api.login(api.createUser(admin, "other", "USER").getString("username"), Api.PASSWORD).access();
        manager = api.login(api.createUser(admin, "pm", "MANAGER").getString("username"), Api.PASSWORD).access();
    }

    private JsonObject create(String collection, JsonObject body) {
        var created = api.post("/api/portfolio/" + collection, planner, body);
        assertEquals(201, created.status(), collection + ": " + created.body());
        JsonObject entity = created.json();
        assertEquals(1, entity.getInt("version"), collection);
        return entity;
    }

    /** Builds one of each of the eleven planner entities, chained by their references. */
    private Map<String, JsonObject> oneOfEach() {
        Map<String, JsonObject> made = new LinkedHashMap<>();
        var o = Json.createObjectBuilder();
        made.put("portfolios", create("portfolios", o.add("name", "Growth").add("owner", "CIO").build()));
        made.put("programs", create("programs", Json.createObjectBuilder().add("portfolio_id", made.get("portfolios").getInt("id")).add("name", "Cloud").build()));
        made.put("projects", create("projects", Json.createObjectBuilder().add("program_id", made.get("programs").getInt("id"))
                .add("name", "Landing zone").add("start_date", "2026-01-05").add("end_date", "2026-06-30").build()));
        long project = made.get("projects").getInt("id");
        made.put("project-phases", create("project-phases", Json.createObjectBuilder().add("project_id", project)
                .add("name", "Design").add("start_date", "2026-01-05").build()));
        made.put("resources", create("resources", Json.createObjectBuilder().add("name", "Platform team").add("kind", "TEAM")
                .add("capacity_hours_per_week", 160).build()));
        made.put("worker-types", create("worker-types", Json.createObjectBuilder().add("name", "Engineer").build()));
        made.put("workers", create("workers", Json.createObjectBuilder().add("worker_type_id", made.get("worker-types").getInt("id"))
                .add("name", "Ada").build()));
        made.put("resource-assignments", create("resource-assignments", Json.createObjectBuilder()
                .add("resource_id", made.get("resources").getInt("id")).add("project_id", project)
                .add("start_date", "2026-02-01").add("end_date", "2026-02-28").add("allocation_percent", 50).build()));
        made.put("rates", create("rates", Json.createObjectBuilder().add("worker_type_id", made.get("worker-types").getInt("id"))
                .add("amount_cents", 12000).add("currency", "EUR").add("valid_from", "2026-01-01").build()));
        made.put("actuals", create("actuals", Json.createObjectBuilder().add("project_id", project)
                .add("worker_id", made.get("workers").getInt("id")).add("work_date", "2026-02-02").add("hours", 8).build()));
        made.put("scope-assignments", create("scope-assignments", Json.createObjectBuilder().add("user_id", 1)
                .add("scope_type", "PROJECT").add("scope_id", (int) project).add("role", "LEAD").build()));
        return made;
    }

    @Test
    void everyPlannerEntityIsVersioned_conflictsCarryTheCurrentState_andDeletesNeedTheVersion() {
        Map<String, JsonObject> made = oneOfEach();
        assertEquals(11, made.size());
        for (var entry : made.entrySet()) {
            String path = "/api/portfolio/" + entry.getKey() + "/" + entry.getValue().getInt("id");
            JsonObject original = entry.getValue();
            JsonObject changed = api.send("PATCH", path, other, "application/merge-patch+json", "{\"version\": 1}").ok();
            assertEquals(1, changed.getInt("version"), entry.getKey() + ": an empty patch changes nothing");
            String field = java.util.stream.Stream.of("name", "hours", "role", "amount_cents", "allocation_percent")
                    .filter(original::containsKey).findFirst().orElseThrow();
            var edit = Json.createObjectBuilder().add("version", 1);
            if (original.get(field) instanceof jakarta.json.JsonNumber number) {
                edit.add(field, number.intValue() - 1);
            } else {
                edit.add(field, original.getString(field) + " (edited)");
            }
            assertEquals(2, api.send("PATCH", path, other, "application/merge-patch+json", edit.build().toString()).ok().getInt("version"),
                    entry.getKey());
            JsonObject conflict = api.put(path, planner, original).problem(409);
            assertEquals(2, conflict.getInt("current_version"), entry.getKey());
            assertTrue(conflict.getJsonObject("current").containsKey(field), entry.getKey());
            assertEquals(field, conflict.getJsonArray("changes_since").getJsonObject(0).getString("field"), entry.getKey());
            api.put(path, planner, Json.createObjectBuilder(original).remove("version").build()).problem(428);
            assertEquals(2, api.get(path + "/history", planner).ok().getInt("total"), entry.getKey());
        }
        assertEquals("allocation_percent", api.post("/api/portfolio/resource-assignments", planner, Json.createObjectBuilder()
                .add("resource_id", made.get("resources").getInt("id")).add("project_id", made.get("projects").getInt("id"))
                .add("start_date", "2026-02-01").add("end_date", "2026-02-28").add("allocation_percent", 150).build())
                .problem(400).getString("field"));
        assertEquals("end_date", api.post("/api/portfolio/project-phases", planner, Json.createObjectBuilder()
                .add("project_id", made.get("projects").getInt("id")).add("name", "Backwards")
                .add("start_date", "2026-03-01").add("end_date", "2026-02-01").build()).problem(400).getString("field"));
        String scope = "/api/portfolio/scope-assignments/" + made.get("scope-assignments").getInt("id");
        api.delete(scope, manager).problem(428);
        assertEquals(204, api.delete(scope + "?version=2", manager).status());
        api.delete("/api/portfolio/portfolios/" + made.get("portfolios").getInt("id") + "?version=2", manager).problem(409);
    }

    @Test
    void bulkAssignmentUpdatesSucceedOrFailOneByOne() {
        Map<String, JsonObject> made = oneOfEach();
        JsonObject first = made.get("resource-assignments");
        JsonObject second = create("resource-assignments", Json.createObjectBuilder(first).remove("id").remove("version")
                .add("start_date", "2026-03-01").add("end_date", "2026-03-31").build());
        api.send("PATCH", "/api/portfolio/resource-assignments/" + second.getInt("id"), other, "application/merge-patch+json",
                "{\"allocation_percent\": 80, \"version\": 1}").ok();

        JsonArray updates = Json.createArrayBuilder()
                .add(Json.createObjectBuilder(first).add("allocation_percent", 60))
                .add(Json.createObjectBuilder(second).add("allocation_percent", 20))
                .add(Json.createObjectBuilder(first).add("id", 987654321))
                .add(Json.createObjectBuilder(first).remove("version").add("allocation_percent", 70))
                .build();
        JsonObject result = api.send("POST", "/api/portfolio/resource-assignments/bulk", planner, "application/json", updates.toString()).ok();
        JsonArray succeeded = result.getJsonArray("succeeded");
        assertEquals(1, succeeded.size(), result.toString());
        assertEquals(first.getInt("id"), succeeded.getJsonObject(0).getInt("id"));
        assertEquals(2, succeeded.getJsonObject(0).getInt("version"));
        JsonArray failed = result.getJsonArray("failed");
        assertEquals(3, failed.size(), result.toString());
        JsonObject conflict = failed.getJsonObject(0);
        assertEquals(second.getInt("id"), conflict.getInt("id"));
        assertEquals("conflict", conflict.getString("error"));
        assertEquals(80, conflict.getJsonObject("current_state").getInt("allocation_percent"));
        assertTrue(failed.getJsonObject(1).isNull("current_state"));
        assertEquals(60, api.get("/api/portfolio/resource-assignments/" + first.getInt("id"), planner).ok().getInt("allocation_percent"));
        api.send("POST", "/api/portfolio/resource-assignments/bulk", planner, "application/json", "{\"nope\": 1}").problem(400);
    }
}
