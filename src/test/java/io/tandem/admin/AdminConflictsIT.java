package io.tandem.admin;

import io.tandem.it.Api;
import io.tandem.it.Api.Answer;
import io.tandem.it.Race;
import io.tandem.it.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /api/admin/conflicts}: version conflicts per entity type, counted in the database by every request
 * that answered one (a stale body version, a stale If-Match, a stale item of a bulk save), racing ones included.
 * Integration classes run one after another, so the differences measured here are this class's own.
 */
class AdminConflictsIT {

    Api api;
    String admin;
    String alice;
    String bob;

    @BeforeEach
    void users() {
        api = new Api(TestServer.url());
        admin = api.admin().access();
        alice = api.login(api.createUser(admin, "alice", "USER").getString("username"), Api.PASSWORD).access();
        bob = api.login(api.createUser(admin, "bob", "USER").getString("username"), Api.PASSWORD).access();
    }

    private JsonObject counted(String entityType) {
        return api.get("/api/admin/conflicts", admin).ok().getJsonArray("conflicts").stream().map(c -> c.asJsonObject())
                .filter(c -> c.getString("entity_type").equals(entityType)).findFirst()
                .orElse(Json.createObjectBuilder().add("entity_type", entityType).add("count", 0).build());
    }

    private JsonObject storage() {
        return api.post("/api/storage", alice, Json.createObjectBuilder().add("name", "Counted-" + UUID.randomUUID())
                .add("location", "Hall A").build()).ok();
    }

    @Test
    void aStaleVersionAndAStaleIfMatch_countTwoForTheirType() {
        long before = counted("storage_system").getJsonNumber("count").longValue();
        JsonObject created = storage();
        String path = "/api/storage/" + created.getInt("id");
        Instant bobSaved = Instant.parse(api.put(path, bob, Json.createObjectBuilder(created).add("location", "Hall B").build())
                .ok().getString("last_modified_at"));

        api.put(path, alice, Json.createObjectBuilder(created).add("notes", "mine").build()).problem(409);
        api.send("PUT", path, alice, "application/json", Json.createObjectBuilder(created).remove("version")
                .add("notes", "mine").build().toString(), "If-Match", "\"1\"").problem(412);

        JsonObject after = counted("storage_system");
        assertEquals(before + 2, after.getJsonNumber("count").longValue());
        assertFalse(Instant.parse(after.getString("last_conflict_at")).isBefore(bobSaved), "by the server clock, after bob's save");
        api.put(path, alice, Json.createObjectBuilder(created).add("version", 2).add("notes", "mine").build()).ok();
        assertEquals(before + 2, counted("storage_system").getJsonNumber("count").longValue(), "a successful save counts nothing");
    }

    @Test
    void eightWritersOfOneVersionAtOnce_sevenConflictsAreCounted() throws Exception {
        long before = counted("storage_system").getJsonNumber("count").longValue();
        JsonObject created = storage();
        String path = "/api/storage/" + created.getInt("id");
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        Race.run(8, thread -> statuses.add(api.put(path, thread % 2 == 0 ? alice : bob,
                Json.createObjectBuilder(created).add("notes", "writer " + thread).build()).status()));
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses::toString);
        assertEquals(7, statuses.stream().filter(s -> s == 409).count(), statuses::toString);
        assertEquals(before + 7, counted("storage_system").getJsonNumber("count").longValue());
    }

    @Test
    void aStaleItemOfABulkSave_countsForItsType() {
        long customer = api.post("/api/core/customers", alice, Json.createObjectBuilder().add("name", "Counted").build())
                .ok().getJsonNumber("id").longValue();
        long project = api.post("/api/core/projects", alice, Json.createObjectBuilder().add("name", "Counted")
                .add("customer_id", customer).build()).ok().getJsonNumber("id").longValue();
        JsonObject alias = api.post("/api/san/aliases", alice, Json.createObjectBuilder().add("project_id", project)
                .add("name", "counted_hba0").add("wwpn", "50:00:00:00:00:00:10:01").add("fabric", "FAB_A").build()).ok();
        api.put("/api/san/aliases/" + alias.getInt("id"), bob, Json.createObjectBuilder(alias).add("fabric", "FAB_B").build()).ok();
        long before = counted("alias").getJsonNumber("count").longValue();

        Answer bulk = api.post("/api/san/aliases/save", alice, Json.createObjectBuilder().add("project_id", project)
                .add("aliases", Json.createArrayBuilder().add(Json.createObjectBuilder(alias).add("name", "renamed_hba0"))).build());
        bulk.problem(409);
        assertEquals(before + 1, counted("alias").getJsonNumber("count").longValue());
    }

    @Test
    void onlyAnAdministratorReadsTheCounts() {
        String manager = api.login(api.createUser(admin, "manager", "MANAGER").getString("username"), Api.PASSWORD).access();
        api.get("/api/admin/conflicts", manager).problem(403);
        api.get("/api/admin/conflicts", alice).problem(403);
        api.get("/api/admin/conflicts", null).problem(401);
        assertTrue(api.get("/api/admin/conflicts", admin).ok().containsKey("conflicts"));
    }
}
