package io.tandem.racks;

import io.tandem.it.Api;
import io.tandem.it.Api.Answer;
import io.tandem.it.TestServer;
import io.tandem.it.Race;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seed 002: exclusive rack claims with leases and fencing tokens, pause/resume, session recovery, batch sync. */
class RacksIT {

    final URL base = TestServer.url();

    Api api;
    String admin;
    String manager;
    String floor;

    @BeforeEach
    void setUp() {
        api = new Api(base);
        // Time stands still unless a test moves it: no margin depends on how fast this machine runs.
        api.moveClock(Duration.ZERO);
        admin = api.admin().access();
        manager = api.login(api.createUser(admin, "floorboss", "MANAGER").getString("username"), Api.PASSWORD).access();
        floor = "Ground-" + UUID.randomUUID().toString().substring(0, 6);
        assertEquals(201, api.post("/api/racks/floors", manager, Json.createObjectBuilder().add("name", floor).build()).status());
    }

    @AfterEach
    void clock() {
        api.resetClock();
    }

    private String rack(String... items) {
        String rackId = "R-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, api.post("/api/racks", manager, Json.createObjectBuilder().add("rack_id", rackId).add("floor", floor).build()).status());
        JsonArrayBuilder expected = Json.createArrayBuilder();
        for (String item : items) {
            expected.add(Json.createObjectBuilder().add("item_code", item).add("expected_qty", 10));
        }
        api.send("POST", "/api/racks/" + rackId + "/items", manager, "application/json", expected.build().toString()).ok();
        return rackId;
    }

    private String user(String name) {
        return api.login(api.createUser(admin, name, "USER").getString("username"), Api.PASSWORD).access();
    }

    private Answer claim(String token, String rackId) {
        return api.post("/api/racks/" + rackId + "/claim", token, Json.createObjectBuilder().add("floor", floor).build());
    }

    @Test
    void thirtyTwoUsersClaimOneRackAtOnce_exactlyOneHoldsIt() throws Exception {
        String rackId = rack("A-1");
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            tokens.add(user("auditor" + i));
        }
        List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        Race.run(32, thread -> answers.add(claim(tokens.get(thread), rackId)));
        List<Answer> won = answers.stream().filter(a -> a.status() == 200).toList();
        assertEquals(1, won.size(), answers.stream().map(Answer::status).toList().toString());
        answers.stream().filter(a -> a.status() != 200).forEach(a -> assertEquals("Rack already claimed", a.problem(409).getString("error")));
        JsonObject winner = won.get(0).json();
        assertTrue(winner.getBoolean("success"));
        assertEquals(rackId, winner.getString("rack_id"));
        assertEquals(floor, winner.getString("floor"));
        assertEquals(60, winner.getInt("lock_ttl"));
        assertEquals(1, winner.getInt("fencing_token"));
        JsonObject status = api.get("/api/racks/" + rackId + "/status", manager).ok();
        assertEquals("claimed", status.getString("status"));
        assertEquals(winner.getString("session_id"), status.getString("session_id"));
        assertTrue(api.get("/api/racks/available?floor=" + floor, manager).array().stream()
                .noneMatch(r -> r.asJsonObject().getString("rack_id").equals(rackId)));
    }

    @Test
    void heartbeatsKeepTheLease_withoutThemItLapses_andTheOldHolderIsToldLeaseLost() {
        String rackId = rack("A-1", "A-2");
        String alice = user("alice");
        String bob = user("bob");
        JsonObject claimed = claim(alice, rackId).ok();
        String session = claimed.getString("session_id");
        JsonObject held = claim(bob, rackId).problem(409);
        assertTrue(held.getString("detail").contains("being audited by"), held.toString());

        api.moveClock(Duration.ofSeconds(50));
        JsonObject beat = api.post("/api/sessions/" + session + "/heartbeat", alice, null).ok();
        assertTrue(beat.getBoolean("rack_lock_renewed"));
        assertTrue(beat.getBoolean("user_presence_updated"));
        assertEquals(60, beat.getInt("lock_ttl_remaining"));
        api.moveClock(Duration.ofSeconds(100));
        assertEquals("claimed", api.get("/api/racks/" + rackId + "/status", bob).ok().getString("status"), "kept alive past 60 s");
        claim(bob, rackId).problem(409);

        api.moveClock(Duration.ofSeconds(111));
        assertEquals("available", api.get("/api/racks/" + rackId + "/status", bob).ok().getString("status"),
                "lapsed by the server clock, whether or not the timer ran");
        // The expiry timer (every 10 s of real time) then ends the session; poll for it with a deadline.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String status = api.get("/api/sessions/" + session, bob).ok().getString("status");
        while (!"EXPIRED".equals(status) && System.nanoTime() < deadline) {
            status = api.get("/api/sessions/" + session, bob).ok().getString("status");
        }
        assertEquals("EXPIRED", status, "the timer freed the rack");
        JsonObject taken = claim(bob, rackId).ok();
        assertEquals(2, taken.getInt("fencing_token"));

        JsonObject lost = api.post("/api/sessions/" + session + "/heartbeat", alice, null).problem(409);
        assertEquals("lease_lost", lost.getString("reason"));
        assertTrue(!lost.getBoolean("success"));
        JsonObject sync = api.post("/api/sync/batch", alice, Json.createObjectBuilder().add("records", Json.createArrayBuilder()
                .add(record(session, "A-1", 3, "verified", "2026-11-24T10:00:00Z"))).build()).ok();
        JsonObject result = sync.getJsonArray("results").getJsonObject(0);
        assertEquals("rejected", result.getString("status"));
        assertEquals("lease_lost", result.getString("reason"));
        assertEquals("EXPIRED", api.get("/api/sessions/" + session, alice).ok().getString("status"));
        api.post("/api/sessions/" + taken.getString("session_id") + "/heartbeat", bob,
                Json.createObjectBuilder().add("fencing_token", 1).build()).problem(409);
        api.post("/api/sessions/" + taken.getString("session_id") + "/heartbeat", bob,
                Json.createObjectBuilder().add("fencing_token", 2).build()).ok();
    }

    @Test
    void pauseKeepsTheRackForTheSessionTtl_resumeAndReleaseOnlyByTheHolder() {
        String rackId = rack("B-1");
        String aliceName = api.createUser(admin, "alice", "USER").getString("username");
        String bobName = api.createUser(admin, "bob", "USER").getString("username");
        String alice = api.login(aliceName, Api.PASSWORD).access();
        String bob = api.login(bobName, Api.PASSWORD).access();
        JsonObject claimed = claim(alice, rackId).ok();
        String session = claimed.getString("session_id");
        JsonObject underClaim = Json.createObjectBuilder().add("session_id", session).add("fencing_token", claimed.getInt("fencing_token")).build();

        assertEquals(session, api.get("/api/racks/user/active", alice).array().getJsonObject(0).getString("id"),
                "a reloaded browser gets its live session back");
        api.post("/api/racks/" + rackId + "/pause", bob, underClaim).problem(403);
        assertEquals("PAUSED", api.post("/api/racks/" + rackId + "/pause", alice, underClaim).ok().getString("status"));
        api.moveClock(Duration.ofMinutes(30));
        // Half an hour later the 15-minute access tokens have expired: sign in again, as the app would refresh.
        alice = api.login(aliceName, Api.PASSWORD).access();
        bob = api.login(bobName, Api.PASSWORD).access();
        assertEquals("paused", api.get("/api/racks/" + rackId + "/status", bob).ok().getString("status"));
        claim(bob, rackId).problem(409);
        assertEquals("ACTIVE", api.post("/api/racks/" + rackId + "/resume", alice, underClaim).ok().getString("status"));
        assertEquals("COMPLETED", api.post("/api/racks/" + rackId + "/release", alice, underClaim).ok().getString("status"));
        assertEquals("available", api.get("/api/racks/" + rackId + "/status", bob).ok().getString("status"));
        assertTrue(api.get("/api/racks/user/active", alice).array().isEmpty());
        assertTrue(api.get("/api/sessions/user/history", alice).array().stream()
                .anyMatch(s -> s.asJsonObject().getString("id").equals(session)));
        api.post("/api/racks/" + rackId + "/pause", alice, underClaim).problem(409);
    }

    @Test
    void aManagerReleasesSomeoneElsesStuckClaim_withoutItsSessionOrToken_aPlainUserCannot() {
        String rackId = rack("D-1");
        String alice = user("alice");
        String bob = user("bob");
        JsonObject claimed = claim(alice, rackId).ok();
        String session = claimed.getString("session_id");
        JsonObject underClaim = Json.createObjectBuilder().add("session_id", session)
                .add("fencing_token", claimed.getInt("fencing_token")).build();
        api.post("/api/racks/" + rackId + "/pause", alice, underClaim).ok();
        assertTrue(api.get("/api/sessions/active", manager).array().stream()
                .anyMatch(s -> s.asJsonObject().getString("id").equals(session)), "the stuck claim is on the active list");

        JsonObject refused = api.post("/api/racks/" + rackId + "/release", bob, null).problem(403);
        assertTrue(refused.getString("detail").contains("holder or a manager"), refused.toString());
        api.post("/api/racks/" + rackId + "/release", bob, underClaim).problem(403);
        api.post("/api/sessions/" + session + "/complete", bob, null).problem(403);
        assertEquals("paused", api.get("/api/racks/" + rackId + "/status", bob).ok().getString("status"), "still alice's");

        JsonObject released = api.post("/api/racks/" + rackId + "/release", manager, null).ok();
        assertEquals(session, released.getString("id"));
        assertEquals("COMPLETED", released.getString("status"));
        assertEquals("available", api.get("/api/racks/" + rackId + "/status", bob).ok().getString("status"));
        assertTrue(api.get("/api/sessions/active", manager).array().stream()
                .noneMatch(s -> s.asJsonObject().getString("id").equals(session)));
        assertEquals("lease_lost", api.post("/api/sessions/" + session + "/heartbeat", alice, null).problem(409).getString("reason"));
        api.post("/api/racks/" + rackId + "/release", manager, null).problem(409);
        assertEquals(2, claim(bob, rackId).ok().getInt("fencing_token"), "free for the next auditor");
    }

    @Test
    void onlyTheHolderKeepsAClaimAlive_anotherUsersHeartbeatIsRefused() {
        String rackId = rack("E-1");
        String alice = user("alice");
        String bob = user("bob");
        JsonObject claimed = claim(alice, rackId).ok();
        String session = claimed.getString("session_id");
        JsonObject refused = api.post("/api/sessions/" + session + "/heartbeat", bob,
                Json.createObjectBuilder().add("fencing_token", claimed.getInt("fencing_token")).build()).problem(403);
        assertEquals("not_your_session", refused.getString("reason"));
        api.moveClock(Duration.ofSeconds(61));
        assertEquals("available", api.get("/api/racks/" + rackId + "/status", bob).ok().getString("status"),
                "bob's heartbeat did not renew alice's lease");
    }

    private static JsonObject record(String session, String item, int verified, String status, String updatedAt) {
        return Json.createObjectBuilder().add("client_record_id", UUID.randomUUID().toString()).add("session_id", session)
                .add("item_code", item).add("verified_qty", verified).add("damage_qty", 0)
                .add("serial_numbers", Json.createArrayBuilder().add("SN-1")).add("status", status)
                .add("created_at", updatedAt).add("updated_at", updatedAt).build();
    }

    @Test
    void aReplayedBatchWritesNothingNew_mixedBatchesGetPerRecordResults_andStatsMatch() throws Exception {
        String rackId = rack("C-1", "C-2", "C-3", "C-4");
        String alice = user("alice");
        JsonObject claimed = claim(alice, rackId).ok();
        String session = claimed.getString("session_id");
        JsonArray records = Json.createArrayBuilder()
                .add(record(session, "C-1", 10, "verified", "2026-11-24T10:00:00Z"))
                .add(Json.createObjectBuilder(record(session, "C-2", 8, "verified", "2026-11-24T10:01:00Z")).add("damage_qty", 2))
                .add(record(session, "C-3", -1, "verified", "2026-11-24T10:02:00Z"))
                .add(record(session, "C-4", 0, "pending", "2026-11-24T10:03:00Z"))
                .build();
        JsonObject batch = Json.createObjectBuilder().add("records", records).add("fencing_token", claimed.getInt("fencing_token")).build();
        List<String> first = api.post("/api/sync/batch", alice, batch).ok().getJsonArray("results").stream()
                .map(r -> r.asJsonObject().getString("status")).toList();
        assertEquals(List.of("accepted", "accepted", "rejected", "accepted"), first);

        List<String> replay = api.post("/api/sync/batch", alice, batch).ok().getJsonArray("results").stream()
                .map(r -> r.asJsonObject().getString("status")).toList();
        assertEquals(List.of("duplicate", "duplicate", "rejected", "duplicate"), replay);
        assertEquals(3, api.get("/api/sessions/" + session + "/items", alice).array().size());

        // The same batch replayed by eight clients at once (a flaky network's retries): still nothing written twice.
        JsonObject fresh = Json.createObjectBuilder().add("records", Json.createArrayBuilder()
                .add(record(session, "C-5", 1, "verified", "2026-11-24T10:05:00Z"))
                .add(record(session, "C-6", 1, "verified", "2026-11-24T10:06:00Z"))).build();
        List<String> statuses = Collections.synchronizedList(new ArrayList<>());
        Race.run(8, thread -> api.post("/api/sync/batch", alice, fresh).ok().getJsonArray("results")
                .forEach(r -> statuses.add(r.asJsonObject().getString("status"))));
        assertEquals(2, statuses.stream().filter("accepted"::equals).count(), statuses.toString());
        assertEquals(14, statuses.stream().filter("duplicate"::equals).count(), statuses.toString());
        assertEquals(5, api.get("/api/sessions/" + session + "/items", alice).array().size());

        JsonObject older = record(session, "C-1", 4, "pending", "2026-11-24T09:00:00Z");
        JsonObject conflict = api.post("/api/sync/batch", alice, Json.createObjectBuilder().add("records",
                Json.createArrayBuilder().add(older)).build()).ok().getJsonArray("results").getJsonObject(0);
        assertEquals("conflict", conflict.getString("status"));
        assertEquals(10, conflict.getJsonObject("server_record").getInt("verified_qty"));

        JsonObject stats = api.get("/api/sessions/" + session + "/stats", alice).ok();
        assertEquals(6, stats.getInt("total_items"), "4 expected on the rack + 2 found that were not");
        assertEquals(4, stats.getInt("verified_items"));
        assertEquals(1, stats.getInt("damage_items"));
        assertEquals(2, stats.getInt("pending_items"));
        assertTrue(stats.containsKey("duration_seconds") && stats.containsKey("items_per_minute"));

        JsonArrayBuilder tooMany = Json.createArrayBuilder();
        for (int i = 0; i < 101; i++) {
            tooMany.add(record(session, "X-" + i, 1, "verified", "2026-11-24T10:00:00Z"));
        }
        api.post("/api/sync/batch", alice, Json.createObjectBuilder().add("records", tooMany).build()).problem(413);
        String bob = user("bob");
        JsonObject foreign = api.post("/api/sync/batch", bob, Json.createObjectBuilder().add("records",
                Json.createArrayBuilder().add(record(session, "C-2", 1, "verified", "2026-11-24T11:00:00Z"))).build())
                .ok().getJsonArray("results").getJsonObject(0);
        assertEquals("rejected", foreign.getString("status"));
        assertEquals(JsonValue.ValueType.STRING, foreign.get("reason").getValueType());
    }
}
