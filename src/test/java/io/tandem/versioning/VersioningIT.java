package io.tandem.versioning;

import io.tandem.it.Api;
import io.tandem.it.Api.Answer;
import io.tandem.it.TestServer;
import io.tandem.it.Race;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Optimistic locking over HTTP: 428/409/412 with the current state, merge-patch, history, and a 32-thread race. */
class VersioningIT {

    final URL base = TestServer.url();

    Api api;
    String alice;
    String bob;
    String manager;
    String bobName;

    @BeforeEach
    void users() {
        api = new Api(base);
        String admin = api.admin().access();
        alice = api.login(api.createUser(admin, "alice", "USER").getString("username"), Api.PASSWORD).access();
        JsonObject bobUser = api.createUser(admin, "bob", "USER");
        bobName = bobUser.getString("username");
        bob = api.login(bobName, Api.PASSWORD).access();
        manager = api.login(api.createUser(admin, "manager", "MANAGER").getString("username"), Api.PASSWORD).access();
    }

    private JsonObject storage(String name) {
        Answer created = api.post("/api/storage", alice, Json.createObjectBuilder()
                .add("name", name).add("vendor", "IBM").add("location", "Hall A").build());
        assertEquals(201, created.status(), created.body());
        assertEquals("\"1\"", created.header("ETag").orElse(""));
        return created.json();
    }

    private static JsonObjectBuilder copy(JsonObject state) {
        return Json.createObjectBuilder(state);
    }

    @Test
    void createGivesVersionOne_andEveryReadCarriesTheVersion() {
        JsonObject created = storage("DS8K-" + System.nanoTime());
        assertEquals(1, created.getInt("version"));
        assertTrue(created.containsKey("created_at") && created.containsKey("last_modified_at"));
        assertFalse(created.getString("last_modified_by").isBlank());
        Answer read = api.get("/api/storage/" + created.getInt("id"), bob);
        assertEquals("\"1\"", read.header("ETag").orElse(""));
        assertEquals(created.getString("name"), read.ok().getString("name"));
        JsonArray items = api.get("/api/storage?size=500", bob).ok().getJsonArray("items");
        assertTrue(items.stream().allMatch(item -> item.asJsonObject().containsKey("version")));
    }

    @Test
    void updatesNeedAVersion_staleBodyIs409_staleIfMatchIs412_withTheSeedBody() {
        JsonObject created = storage("FlashSystem-" + System.nanoTime());
        String path = "/api/storage/" + created.getInt("id");
        JsonObject withoutVersion = copy(created).remove("version").add("location", "Hall B").build();
        JsonObject required = api.put(path, alice, withoutVersion).problem(428);
        assertEquals("version", required.getString("field"));

        Answer bobSaves = api.put(path, bob, copy(created).add("location", "Hall B").build());
        assertEquals(2, bobSaves.ok().getInt("version"));
        assertEquals("\"2\"", bobSaves.header("ETag").orElse(""));

        JsonObject conflict = api.put(path, alice, copy(created).add("notes", "mine").build()).problem(409);
        assertEquals("Conflict", conflict.getString("error"));
        assertTrue(conflict.getString("message").startsWith("This storage system was modified by " + bobName + " at "),
                conflict.getString("message"));
        assertTrue(conflict.getString("message").endsWith(". Please reload and try again."));
        assertEquals(2, conflict.getInt("current_version"));
        assertEquals(bobName, conflict.getString("last_modified_by"));
        assertTrue(conflict.containsKey("last_modified_at"));
        assertEquals("Hall B", conflict.getJsonObject("current").getString("location"));
        assertEquals("/problems/version-conflict", conflict.getString("type"));

        Answer stale = api.send("PUT", path, alice, "application/json",
                copy(created).remove("version").add("notes", "mine").build().toString(), "If-Match", "\"1\"");
        assertEquals(2, stale.problem(412).getInt("current_version"));
        Answer fresh = api.send("PUT", path, alice, "application/json",
                copy(created).remove("version").add("notes", "mine").build().toString(), "If-Match", "\"2\"");
        assertEquals(3, fresh.ok().getInt("version"));
        api.send("PUT", path, alice, "application/json", "{\"name\": \"x\"}", "If-Match", "junk").problem(400);
    }

    @Test
    void aSaveThatChangesNothingKeepsTheVersion() {
        JsonObject created = storage("Unity-" + System.nanoTime());
        String path = "/api/storage/" + created.getInt("id");
        JsonObject same = api.put(path, alice, created).ok();
        assertEquals(1, same.getInt("version"));
        assertEquals(1, api.get(path + "/history", alice).ok().getJsonArray("items").size());
    }

    @Test
    void mergePatchChangesOnlyWhatItNames_andIsVersionChecked() {
        JsonObject created = storage("VNX-" + System.nanoTime());
        String path = "/api/storage/" + created.getInt("id");
        api.send("PATCH", path, alice, "application/merge-patch+json", "{\"location\": \"Hall C\"}").problem(428);
        JsonObject patched = api.send("PATCH", path, alice, "application/merge-patch+json",
                "{\"location\": \"Hall C\", \"vendor\": null, \"version\": 1}").ok();
        assertEquals("Hall C", patched.getString("location"));
        assertTrue(patched.isNull("vendor"));
        assertEquals(created.getString("name"), patched.getString("name"));
        assertEquals(2, patched.getInt("version"));
        api.send("PATCH", path, bob, "application/merge-patch+json", "{\"location\": \"Hall D\"}", "If-Match", "\"1\"").problem(412);
        JsonObject invalid = api.send("PATCH", path, bob, "application/merge-patch+json", "{\"name\": \"\", \"version\": 2}").problem(400);
        assertEquals("name", invalid.getString("field"));
        assertEquals(2, api.get(path, bob).ok().getInt("version"));
    }

    @Test
    void aConflictListsEveryChangeSinceTheClientsVersion_andHistoryIsNewestFirst() {
        JsonObject created = storage("XIV-" + System.nanoTime());
        String path = "/api/storage/" + created.getInt("id");
        JsonObject v2 = api.put(path, bob, copy(created).add("name", created.getString("name") + "-renamed").build()).ok();
        api.put(path, bob, copy(v2).add("location", "Hall Z").build()).ok();

        JsonObject conflict = api.put(path, alice, copy(created).add("notes", "alice's note").build()).problem(409);
        JsonArray changes = conflict.getJsonArray("changes_since");
        assertEquals(2, changes.size(), changes.toString());
        JsonObject first = changes.getJsonObject(0);
        assertEquals(2, first.getInt("version"));
        assertEquals("name", first.getString("field"));
        assertEquals(created.getString("name"), first.getString("old"));
        assertEquals(bobName, first.getString("modified_by"));
        JsonObject second = changes.getJsonObject(1);
        assertEquals(3, second.getInt("version"));
        assertEquals("location", second.getString("field"));
        assertEquals("Hall A", second.getString("old"));
        assertEquals("Hall Z", second.getString("new"));

        JsonObject history = api.get(path + "/history?size=2", alice).ok();
        assertEquals(3, history.getInt("total"));
        JsonArray items = history.getJsonArray("items");
        assertEquals(List.of(3, 2), items.stream().map(i -> i.asJsonObject().getInt("version")).toList());
        assertEquals("UPDATE", items.getJsonObject(0).getString("action"));
        assertEquals(1, api.get(path + "/history?page=2&size=2", alice).ok().getJsonArray("items")
                .getJsonObject(0).getInt("version"));
        assertFalse(conflict.getBoolean("changes_since_truncated"));
        assertEquals(2, conflict.getInt("changes_since_total"));
    }

    @Test
    void aConflictAfterFiftyFiveChanges_listsTheNewestFifty_andSaysItWasCut() {
        JsonObject created = storage("DS8-" + System.nanoTime());
        String path = "/api/storage/" + created.getInt("id");
        JsonObject current = created;
        for (int i = 1; i <= 55; i++) {
            current = api.put(path, bob, copy(current).add("notes", "note " + i).build()).ok();
        }
        assertEquals(56, current.getInt("version"));

        JsonObject conflict = api.put(path, alice, copy(created).add("location", "Hall Q").build()).problem(409);
        JsonArray changes = conflict.getJsonArray("changes_since");
        assertEquals(50, changes.size());
        assertTrue(conflict.getBoolean("changes_since_truncated"));
        assertEquals(55, conflict.getInt("changes_since_total"));
        assertEquals(7, changes.getJsonObject(0).getInt("version"), "the newest fifty, oldest first");
        assertEquals("note 5", changes.getJsonObject(0).getString("old"));
        assertEquals(56, changes.getJsonObject(49).getInt("version"));
        assertEquals("note 55", changes.getJsonObject(49).getString("new"));

        JsonObject recent = api.put(path, alice, copy(current).add("version", 54).add("location", "Hall Q").build()).problem(409);
        assertEquals(2, recent.getJsonArray("changes_since").size());
        assertFalse(recent.getBoolean("changes_since_truncated"));
        assertEquals(2, recent.getInt("changes_since_total"));
        assertEquals(56, api.get(path, alice).ok().getInt("version"));
    }

    @Test
    void deleteNeedsTheVersion_andAManager() {
        JsonObject created = storage("Old-" + System.nanoTime());
        String path = "/api/storage/" + created.getInt("id");
        api.delete(path, manager).problem(428);
        api.delete(path + "?version=1", alice).problem(403);
        api.put(path, bob, copy(created).add("notes", "still used").build()).ok();
        api.delete(path + "?version=1", manager).problem(409);
        api.send("DELETE", path, manager, null, null, "If-Match", "\"1\"").problem(412);
        assertEquals(204, api.send("DELETE", path, manager, null, null, "If-Match", "\"2\"").status());
        api.get(path, alice).problem(404);
        JsonArray history = api.get(path + "/history", alice).ok().getJsonArray("items");
        assertEquals("DELETE", history.getJsonObject(0).getString("action"));
        assertEquals(3, history.getJsonObject(0).getInt("version"));
    }

    @Test
    void ordersGetUniqueNumbers_andSeed003sConflictMessage() throws Exception {
        JsonObject order = api.post("/api/orders", alice, Json.createObjectBuilder()
                .add("client_name", "Misty").add("product", "Label stock").add("quantity", 5000).build()).ok();
        assertTrue(order.getString("order_number").matches("ORD-\\d{6}"), order.toString());
        assertEquals("DRAFT", order.getString("status"));
        String path = "/api/orders/" + order.getInt("id");
        api.put(path, bob, copy(order).add("quantity", 6000).build()).ok();
        JsonObject conflict = api.put(path, alice, copy(order).add("client_contact", "new contact").build()).problem(409);
        assertEquals("Order was modified by another user. Please refresh and try again.", conflict.getString("message"));
        assertEquals("quantity", api.post("/api/orders", alice, Json.createObjectBuilder()
                .add("client_name", "Misty").add("product", "x").add("quantity", 0).build()).problem(400).getString("field"));
        assertEquals("status", api.post("/api/orders", alice, Json.createObjectBuilder()
                .add("client_name", "Misty").add("product", "x").add("quantity", 1).add("status", "LOST").build()).problem(400).getString("field"));
        assertEquals("quantity", api.send("POST", "/api/orders", alice, "application/json",
                "{\"client_name\": \"M\", \"product\": \"x\", \"quantity\": \"many\"}").problem(400).getString("field"));

        Set<String> numbers = ConcurrentHashMap.newKeySet();
        Race.run(32, i -> {
            JsonObject created = api.post("/api/orders", alice, Json.createObjectBuilder()
                    .add("client_name", "Race " + i).add("product", "p").add("quantity", 1).build()).ok();
            numbers.add(created.getString("order_number"));
        });
        assertEquals(32, numbers.size());
    }

    @Test
    void projectsBelongToExistingCustomers_andACustomerInUseCannotBeDeleted() {
        JsonObject customer = api.post("/api/core/customers", alice, Json.createObjectBuilder().add("name", "Rick Customer").build()).ok();
        assertEquals("customer_id", api.post("/api/core/projects", alice, Json.createObjectBuilder()
                .add("name", "Migration").build()).problem(400).getString("field"));
        assertEquals("customer_id", api.post("/api/core/projects", alice, Json.createObjectBuilder()
                .add("name", "Migration").add("customer_id", 987654321).build()).problem(400).getString("field"));
        JsonObject project = api.post("/api/core/projects/", alice, Json.createObjectBuilder()
                .add("name", "Migration").add("customer_id", customer.getInt("id")).build()).ok();
        assertEquals(customer.getInt("id"), project.getInt("customer_id"));
        api.delete("/api/core/customers/" + customer.getInt("id") + "?version=1", manager).problem(409);
        api.get("/api/core/customers/", alice).ok();
    }

    @Test
    void thirtyTwoWritersOnOneEntity_everySuccessIsAVersion_andARevision() throws Exception {
        JsonObject created = storage("Contended-" + System.nanoTime());
        String path = "/api/storage/" + created.getInt("id");
        int threads = 32;
        int rounds = 8;
        AtomicInteger successes = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
        String[] tokens = {alice, bob};
        Race.run(threads, thread -> {
            for (int round = 0; round < rounds; round++) {
                JsonObject current = api.get(path, tokens[thread % 2]).ok();
                Answer saved = api.put(path, tokens[thread % 2], copy(current)
                        .add("notes", "thread " + thread + " round " + round).build());
                switch (saved.status()) {
                    case 200 -> successes.incrementAndGet();
                    case 409, 412 -> conflicts.incrementAndGet();
                    default -> unexpected.add(saved.status() + " " + saved.body());
                }
            }
        });
        assertEquals(List.of(), unexpected);
        assertEquals(threads * rounds, successes.get() + conflicts.get());
        int finalVersion = api.get(path, alice).ok().getInt("version");
        assertEquals(successes.get(), finalVersion - 1);
        JsonObject history = api.get(path + "/history?size=500", alice).ok();
        long updates = history.getJsonArray("items").stream()
                .filter(r -> r.asJsonObject().getString("action").equals("UPDATE")).count();
        assertEquals(successes.get(), updates);
        Set<Integer> versions = new HashSet<>();
        history.getJsonArray("items").forEach(r -> versions.add(r.asJsonObject().getInt("version")));
        assertEquals(finalVersion, versions.size());
        System.out.printf("race: attempts=%d successes=%d conflicts=%d final_version=%d%n",
                threads * rounds, successes.get(), conflicts.get(), finalVersion);
    }
}
