package io.tandem.racks;

import io.tandem.it.Api;
import io.tandem.it.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sync replay records are kept 30 days (tandem.sync.retention), then forgotten; younger ones stay. The clock moves
 * by days and stands still; the purge runs on request as the hourly timer would.
 */
class SyncRecordPurgeIT {

    final URL base = TestServer.url();

    Api api;
    String manager;
    String auditor;
    String floor;

    @BeforeEach
    void setUp() {
        api = new Api(base);
        api.moveClock(Duration.ZERO);
        String admin = api.admin().access();
        manager = api.createUser(admin, "purgeboss", "MANAGER").getString("username");
        auditor = api.createUser(admin, "purgeauditor", "USER").getString("username");
        floor = "Purge-" + UUID.randomUUID().toString().substring(0, 6);
        assertEquals(201, api.post("/api/racks/floors", signedIn(manager), Json.createObjectBuilder().add("name", floor).build()).status());
    }

    @AfterEach
    void clock() {
        api.resetClock();
    }

    @Test
    void replayRecordsAreForgottenAfterThirtyDays_youngerOnesStay() {
        JsonObject old = record(claimedSession(), "2026-11-24T10:00:00Z");
        assertEquals("accepted", sync(old));

        api.moveClock(Duration.ofDays(29));
        purge();
        assertEquals("duplicate", sync(old), "29 days old: a replay still finds its first outcome");

        api.moveClock(Duration.ofDays(31));
        JsonObject young = record(claimedSession(), "2026-11-24T11:00:00Z");
        assertEquals("accepted", sync(young));
        assertEquals("duplicate", sync(old), "not purged yet");
        assertTrue(purge() >= 1);
        assertEquals("rejected", sync(old), "31 days old: forgotten, so judged afresh (its lease is long gone)");
        assertEquals("duplicate", sync(young));
    }

    @Test
    void onlyAdministratorsPurge() {
        api.post("/api/sync/purge", signedIn(manager), null).problem(403);
        api.post("/api/sync/purge", null, null).problem(401);
    }

    /** A fresh rack claimed by the auditor at the server's current time; the session id. */
    private String claimedSession() {
        String rackId = "P-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, api.post("/api/racks", signedIn(manager), Json.createObjectBuilder().add("rack_id", rackId).add("floor", floor).build()).status());
        return api.post("/api/racks/" + rackId + "/claim", signedIn(auditor), Json.createObjectBuilder().add("floor", floor).build())
                .ok().getString("session_id");
    }

    private String sync(JsonObject record) {
        return api.post("/api/sync/batch", signedIn(auditor), Json.createObjectBuilder().add("records", Json.createArrayBuilder().add(record)).build())
                .ok().getJsonArray("results").getJsonObject(0).getString("status");
    }

    private int purge() {
        return api.post("/api/sync/purge", api.admin().access(), null).ok().getInt("purged");
    }

    /** Signed in afresh: moving the clock by days expires earlier access tokens. */
    private String signedIn(String username) {
        return api.login(username, Api.PASSWORD).access();
    }

    private static JsonObject record(String session, String updatedAt) {
        return Json.createObjectBuilder().add("client_record_id", UUID.randomUUID().toString()).add("session_id", session)
                .add("item_code", "P-1").add("verified_qty", 1).add("damage_qty", 0)
                .add("serial_numbers", Json.createArrayBuilder()).add("status", "verified")
                .add("created_at", updatedAt).add("updated_at", updatedAt).build();
    }
}
