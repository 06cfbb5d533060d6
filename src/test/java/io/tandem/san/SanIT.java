package io.tandem.san;

import io.tandem.it.Api;
import io.tandem.it.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seed 000's bulk saves for zones and aliases, and the storage inventory import. */
class SanIT {

    final URL base = TestServer.url();

    Api api;
    String alice;
    String john;
    String johnName;
    long projectId;

    @BeforeEach
    void setUp() {
        api = new Api(base);
        String admin = api.admin().access();
        alice = api.login(api.createUser(admin, "alice", "USER").getString("username"), Api.PASSWORD).access();
        johnName = api.createUser(admin, "john", "USER").getString("username");
        john = api.login(johnName, Api.PASSWORD).access();
        long customer = api.post("/api/core/customers/", alice, Json.createObjectBuilder().add("name", "SAN customer").build()).ok().getInt("id");
        projectId = api.post("/api/core/projects/", alice, Json.createObjectBuilder()
                .add("name", "Fabric refresh").add("customer_id", customer).build()).ok().getInt("id");
    }

    private JsonObject alias(String name, String wwpn) {
        return Json.createObjectBuilder().add("name", name).add("wwpn", wwpn).add("fabric", "FAB_A").build();
    }

    private Api.Answer saveAliases(String token, JsonObject... aliases) {
        var list = Json.createArrayBuilder();
        for (JsonObject alias : aliases) {
            list.add(alias);
        }
        return api.post("/api/san/aliases/save/", token, Json.createObjectBuilder()
                .add("project_id", projectId).add("aliases", list).build());
    }

    @Test
    void aliasesAreSavedEachOnTheirOwn_invalidOnesAreReportedInTheSeedShape() {
        JsonArray saved = saveAliases(alice, alias("host1_hba0", "50:00:11:22:33:44:55:66"),
                alias("host1_hba1", "5000112233445567")).ok().getJsonArray("aliases");
        assertEquals(2, saved.size());
        assertEquals("50:00:11:22:33:44:55:67", saved.getJsonObject(1).getString("wwpn"));
        assertEquals(1, saved.getJsonObject(0).getInt("version"));

        Api.Answer mixed = saveAliases(alice, alias("bad_wwpn", "not-a-wwpn"), alias("host1_hba0", "50:00:11:22:33:44:55:68"),
                alias("host2_hba0", "50:00:11:22:33:44:55:69"));
        JsonObject body = mixed.problem(400);
        assertEquals("Some aliases could not be saved.", body.getString("error"));
        JsonArray details = body.getJsonArray("details");
        assertEquals(2, details.size());
        assertEquals("bad_wwpn", details.getJsonObject(0).getString("alias"));
        assertTrue(details.getJsonObject(0).getJsonObject("errors").containsKey("wwpn"));
        assertEquals(0, details.getJsonObject(0).getInt("index"));
        assertTrue(details.getJsonObject(0).isNull("id"));
        assertEquals("host1_hba0", details.getJsonObject(1).getString("alias"));
        assertEquals(1, details.getJsonObject(1).getInt("index"));
        assertTrue(details.getJsonObject(1).getJsonObject("errors").getString("name").contains("already exists in fabric FAB_A"));
        assertEquals("host2_hba0", body.getJsonArray("aliases").getJsonObject(0).getString("name"));

        JsonArray listed = api.get("/api/san/aliases/?project_id=" + projectId, alice).ok().getJsonArray("items");
        assertEquals(3, listed.size());
        api.get("/api/san/aliases/?project_id=abc", alice).problem(400);
    }

    @Test
    void aStaleZoneInABulkSaveIsAConflict_theOtherZonesAreSaved() {
        JsonArray aliases = saveAliases(alice, alias("db1_hba0", "50:00:00:00:00:00:00:01"),
                alias("array_p1", "50:00:00:00:00:00:00:02")).ok().getJsonArray("aliases");
        var members = Json.createArrayBuilder().add(aliases.getJsonObject(0).getInt("id")).add(aliases.getJsonObject(1).getInt("id"));
        JsonObject zone = api.post("/api/san/zones/save/", alice, Json.createObjectBuilder().add("project_id", projectId)
                .add("zones", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("name", "z_db1_array").add("fabric", "FAB_A").add("members", members))).build())
                .ok().getJsonArray("zones").getJsonObject(0);
        assertEquals(2, zone.getJsonArray("members").size());

        JsonObject johnsEdit = Json.createObjectBuilder(zone).add("members", Json.createArrayBuilder()
                .add(aliases.getJsonObject(0).getInt("id"))).build();
        JsonObject afterJohn = api.post("/api/san/zones/save/", john, Json.createObjectBuilder().add("project_id", projectId)
                .add("zones", Json.createArrayBuilder().add(johnsEdit)).build()).ok().getJsonArray("zones").getJsonObject(0);
        assertEquals(2, afterJohn.getInt("version"));

        JsonObject stale = Json.createObjectBuilder(zone).add("name", "z_renamed").build();
        JsonObject body = api.post("/api/san/zones/save/", alice, Json.createObjectBuilder().add("project_id", projectId)
                .add("zones", Json.createArrayBuilder().add(stale)
                        .add(Json.createObjectBuilder().add("name", "z_other").add("fabric", "FAB_A"))
                        .add(Json.createObjectBuilder(zone).remove("version").add("name", "z_no_version"))).build())
                .problem(409);
        assertEquals("Some zones could not be saved.", body.getString("error"));
        JsonObject conflict = body.getJsonArray("details").getJsonObject(0);
        assertEquals("z_renamed", conflict.getString("zone"));
        assertEquals(0, conflict.getInt("index"));
        assertEquals(zone.getInt("id"), conflict.getInt("id"));
        assertEquals(2, body.getJsonArray("details").getJsonObject(1).getInt("index"));
        JsonObject errors = conflict.getJsonObject("errors");
        assertTrue(errors.getString("version").startsWith("Conflict: This zone was modified by " + johnName + " at "), errors.toString());
        assertTrue(errors.getString("version").endsWith(". Please refresh and try again."));
        assertEquals(2, errors.getInt("current_version"));
        assertEquals(johnName, errors.getString("last_modified_by"));
        assertTrue(errors.containsKey("last_modified_at"));
        assertTrue(body.getJsonArray("details").getJsonObject(1).getJsonObject("errors").containsKey("version"));
        assertEquals("z_other", body.getJsonArray("zones").getJsonObject(0).getString("name"));

        JsonObject current = api.get("/api/san/zones/" + zone.getInt("id"), alice).ok();
        assertEquals("z_db1_array", current.getString("name"));
        assertEquals(1, current.getJsonArray("members").size());
    }

    @Test
    void storageImportIsIdempotentOnExternalIds_andAHostIsAssignedByAVersionedAliasUpdate() {
        long storage = api.post("/api/storage/", alice, Json.createObjectBuilder().add("name", "DS8900-" + System.nanoTime()).build()).ok().getInt("id");
        JsonObject document = Json.createObjectBuilder()
                .add("hosts", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("external_id", "h-1").add("name", "db1").add("os", "AIX"))
                        .add(Json.createObjectBuilder().add("external_id", "h-2").add("name", "app1")))
                .add("volumes", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("external_id", "v-1").add("name", "db1_data").add("capacity_gb", 512).add("host_external_id", "h-1")))
                .build();
        JsonObject first = api.post("/api/storage/" + storage + "/import", alice, document).ok();
        assertEquals(2, first.getJsonObject("hosts").getInt("created"));
        assertEquals(1, first.getJsonObject("volumes").getInt("created"));

        JsonObject again = api.post("/api/storage/" + storage + "/import", alice, document).ok();
        assertEquals(2, again.getJsonObject("hosts").getInt("unchanged"));
        assertEquals(1, again.getJsonObject("volumes").getInt("unchanged"));
        JsonArray hosts = api.get("/api/storage/" + storage + "/hosts", alice).array();
        assertTrue(hosts.stream().allMatch(h -> h.asJsonObject().getInt("version") == 1));

        JsonObject renamed = Json.createObjectBuilder(document).add("hosts", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("external_id", "h-1").add("name", "db1-renamed").add("os", "AIX"))).build();
        JsonObject third = api.post("/api/storage/" + storage + "/import", alice, renamed).ok();
        assertEquals(1, third.getJsonObject("hosts").getInt("updated"));

        long hostId = hosts.stream().map(h -> h.asJsonObject()).filter(h -> h.getString("external_id").equals("h-1"))
                .findFirst().orElseThrow().getInt("id");
        JsonObject alias = saveAliases(alice, alias("db1_fcs0", "50:00:00:00:00:00:01:01")).ok().getJsonArray("aliases").getJsonObject(0);
        String aliasPath = "/api/san/aliases/" + alias.getInt("id");
        JsonObject assigned = api.send("PATCH", aliasPath, alice, "application/merge-patch+json",
                "{\"host_id\": " + hostId + ", \"version\": 1}").ok();
        assertEquals(hostId, assigned.getInt("host_id"));
        assertEquals(2, assigned.getInt("version"));
        assertEquals("host_id", api.send("PATCH", aliasPath, alice, "application/merge-patch+json",
                "{\"host_id\": 987654321, \"version\": 2}").problem(400).getString("field"));
        api.send("PATCH", aliasPath, john, "application/merge-patch+json", "{\"host_id\": null, \"version\": 1}").problem(409);
        api.post("/api/storage/987654321/import", alice, document).problem(404);
    }
}
