package io.tandem.presence;

import io.tandem.it.Api;
import io.tandem.it.Race;
import io.tandem.it.TestServer;
import jakarta.json.Json;
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
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seed 000's heartbeat and active users, with the customer/project context and an exact window. */
class PresenceIT {

    final URL base = TestServer.url();

    Api api;
    String rick;
    long rickId;

    @BeforeEach
    void setUp() {
        api = new Api(base);
        // Time stands still unless a test moves it: no margin depends on how fast this machine runs.
        api.moveClock(Duration.ZERO);
        JsonObject user = api.createUser(api.admin().access(), "rkoetter", "USER");
        rickId = user.getInt("id");
        rick = api.login(user.getString("username"), Api.PASSWORD).access();
    }

    @AfterEach
    void clock() {
        api.resetClock();
    }

    private Optional<JsonObject> activeEntryOf(long userId) {
        return api.get("/api/core/active-users/", null).ok().getJsonArray("active_users").stream()
                .map(JsonValue::asJsonObject)
                .filter(entry -> entry.getJsonObject("user").getInt("id") == userId).findFirst();
    }

    /**
     * A fresh sign-in sends its first heartbeat and reads its working context at once (and a second tab does the
     * same): each of these creates the user's rows the first time, so they race to insert them. Every one must
     * answer 200 — a lost race is retried, never answered 409.
     */
    @Test
    void aNewUsersFirstHeartbeatsAndContextReadsAtOnce_allSucceed() throws Exception {
        for (int round = 0; round < 5; round++) {
            JsonObject user = api.createUser(api.admin().access(), "first-use", "USER");
            String token = api.login(user.getString("username"), Api.PASSWORD).access();
            List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
            Race.run(8, thread -> statuses.add(thread % 2 == 0
                    ? api.post("/api/core/heartbeat/", token, null).status()
                    : api.get("/api/core/user-config/", token).status()));
            assertEquals(Collections.nCopies(8, 200), statuses, "round " + round);
            assertEquals(1, api.get("/api/core/user-config/", token).ok().getInt("version"), "created once");
            assertTrue(activeEntryOf(user.getInt("id")).isPresent());
        }
    }

    @Test
    void heartbeatNeedsSignIn() {
        JsonObject problem = api.post("/api/core/heartbeat/", null, null).problem(401);
        assertEquals("Authentication required", problem.getString("error"));
    }

    @Test
    void aHeartbeatMakesTheUserActiveWithTheirContext_forFiveMinutesOfServerTime() {
        assertTrue(activeEntryOf(rickId).isEmpty());
        JsonObject beat = api.post("/api/core/heartbeat/", rick, null).ok();
        assertTrue(beat.getBoolean("success"));
        assertTrue(beat.getString("last_activity").endsWith("Z"));

        JsonObject entry = activeEntryOf(rickId).orElseThrow();
        assertTrue(entry.getJsonObject("user").getString("username").startsWith("rkoetter"));
        assertTrue(entry.getJsonObject("active_customer").isNull("id"));
        assertTrue(entry.getJsonObject("active_project").isNull("name"));
        assertEquals(beat.getString("last_activity"), entry.getString("last_activity"));

        long customer = api.post("/api/core/customers", rick, Json.createObjectBuilder().add("name", "Rick Customer").build()).ok().getInt("id");
        long project = api.post("/api/core/projects", rick, Json.createObjectBuilder().add("name", "Rick Project")
                .add("customer_id", customer).build()).ok().getInt("id");
        long otherCustomer = api.post("/api/core/customers", rick, Json.createObjectBuilder().add("name", "Other").build()).ok().getInt("id");
        JsonObject config = api.get("/api/core/user-config/", rick).ok();
        api.put("/api/core/user-config/", rick, Json.createObjectBuilder().add("active_customer_id", customer).build()).problem(428);
        assertEquals("active_project_id", api.put("/api/core/user-config/", rick, Json.createObjectBuilder()
                .add("active_customer_id", otherCustomer).add("active_project_id", project)
                .add("version", config.getInt("version")).build()).problem(400).getString("field"));
        api.put("/api/core/user-config/", rick, Json.createObjectBuilder().add("active_customer_id", customer)
                .add("active_project_id", project).add("version", config.getInt("version")).build()).ok();

        JsonObject withContext = activeEntryOf(rickId).orElseThrow();
        assertEquals("Rick Customer", withContext.getJsonObject("active_customer").getString("name"));
        assertEquals(project, withContext.getJsonObject("active_project").getInt("id"));

        api.moveClock(Duration.ofMinutes(4).plusSeconds(59));
        assertTrue(activeEntryOf(rickId).isPresent());
        api.moveClock(Duration.ofMinutes(5).plusSeconds(1));
        assertTrue(activeEntryOf(rickId).isEmpty(), "outside the window, whatever the purge timer did");
        api.post("/api/core/heartbeat", rick, null).ok();
        assertTrue(activeEntryOf(rickId).isPresent());
    }
}
